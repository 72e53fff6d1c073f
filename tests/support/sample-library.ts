/**
 * The bundled sample library as a test fixture: tests copy it into a temp folder and work on the
 * copy, never on `resources/sample-library` itself. The copy leaves out any `.folio/` state an
 * older `folio serve resources/sample-library` may have left in the checkout, so such a run
 * cannot change what a test sees, and (unless asked) the bundled marker, so the copy behaves as
 * a user's own library.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MARKER } from '../../src-main/core/settings/user-data';

/** The repository root (for reading built output and fixtures, never for writing). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled sample library in the checkout: copy it before use. */
export const BUNDLED_SAMPLE = path.join(REPO, 'resources/sample-library');

/** Copy options: `bundled` keeps the marker that makes Folio treat the copy as the app's own sample. */
export interface CopyOptions {
  bundled?: boolean;
}

const filterFor = (opts: CopyOptions) => (src: string): boolean => {
  const name = path.basename(src);
  return name !== '.folio' && (opts.bundled === true || name !== BUNDLED_MARKER);
};

/** Copies the sample library (without any `.folio/` state) to `dest`; returns `dest`. */
export async function copySampleLibrary(dest: string, opts: CopyOptions = {}): Promise<string> {
  await cp(BUNDLED_SAMPLE, dest, { recursive: true, filter: filterFor(opts) });
  return dest;
}

/** Synchronous `copySampleLibrary`, for fixtures built at module load. */
export function copySampleLibrarySync(dest: string, opts: CopyOptions = {}): string {
  cpSync(BUNDLED_SAMPLE, dest, { recursive: true, filter: filterFor(opts) });
  return dest;
}

/** A fresh temp folder holding a copy of the sample library at `<tmp>/sample-library`. */
export async function tempSampleLibrary(prefix = 'folio-sample-'): Promise<{ tmp: string; library: string }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { tmp, library: await copySampleLibrary(path.join(tmp, 'sample-library')) };
}
