/**
 * The bundled sample library as a test fixture: tests copy it into a temp folder and work on the
 * copy, never on `resources/sample-library` itself. The copy leaves out any `.folio/` state a
 * user's `folio serve resources/sample-library` (older versions) may have left in the checkout,
 * so such a run cannot change what a test sees.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (for reading built output and fixtures, never for writing). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled sample library in the checkout: copy it before use. */
export const BUNDLED_SAMPLE = path.join(REPO, 'resources/sample-library');

const notState = (src: string): boolean => path.basename(src) !== '.folio';

/** Copies the sample library (without any `.folio/` state) to `dest`; returns `dest`. */
export async function copySampleLibrary(dest: string): Promise<string> {
  await cp(BUNDLED_SAMPLE, dest, { recursive: true, filter: notState });
  return dest;
}

/** Synchronous `copySampleLibrary`, for fixtures built at module load. */
export function copySampleLibrarySync(dest: string): string {
  cpSync(BUNDLED_SAMPLE, dest, { recursive: true, filter: notState });
  return dest;
}

/** A fresh temp folder holding a copy of the sample library at `<tmp>/sample-library`. */
export async function tempSampleLibrary(prefix = 'folio-sample-'): Promise<{ tmp: string; library: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { tmp, library: await copySampleLibrary(path.join(tmp, 'sample-library')) };
}
