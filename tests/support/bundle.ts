/**
 * A TypeScript child script bundled once into a plain .mjs in a temp folder, for tests that spawn
 * it many times: `node --import tsx` loads the TypeScript loader and transforms every module at
 * each start (1-2 s on a busy machine), a bundle starts in a fraction of that. Same source, same
 * product code; only the start-up differs. `import.meta.url` keeps pointing at the source file, so
 * paths the script resolves next to itself (fixtures) still work.
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const built = new Map<string, Promise<string>>();
const dirs: string[] = [];

/** The path of a bundled copy of `entry` (an absolute .ts path), built on first use per process. */
export function bundledScript(entry: string): Promise<string> {
  let out = built.get(entry);
  if (!out) {
    out = (async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-bundle-'));
      dirs.push(dir);
      const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // CommonJS dependencies inside an ES module bundle call require(): give them one.
        banner: { js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);" },
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
        logLevel: 'warning',
      });
      return outfile;
    })();
    built.set(entry, out);
  }
  return out;
}

/** Removes the bundles (call from afterAll). */
export async function removeBundles(): Promise<void> {
  built.clear();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
