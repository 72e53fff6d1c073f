/**
 * Finding a worker_threads entry for a piscina pool, shared by the search index pool and the
 * library parse pool.
 *
 * Bundled (electron-vite), each worker is its own main build entry (`out/main/<name>.js`, see
 * electron.vite.config.ts) while the code that starts it may sit in `out/main/` or in a shared
 * chunk one folder below (`out/main/chunks/`): so `./<name>.js` and `../<name>.js` next to the
 * caller are tried. From TypeScript source (vitest, tsx) there is no .js: `./<name>.ts` next to
 * the caller is loaded by `tsx-entry.mjs`, which registers tsx's ESM API in the worker first.
 * Callers fall back to in-thread work when no worker can start.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where a worker entry was found and whether it needs tsx to run. */
export interface WorkerLocation {
  url: URL;
  viaTsx: boolean;
}


/**
 * Where worker entry `name` is, looking next to `from` (the caller's `import.meta.url`): a built
 * `./name.js` or `../name.js`, else the source `./name.ts`; null when neither exists.
 */
export function workerLocation(name: string, from: string): WorkerLocation | null {
  // Built by string concatenation so bundlers do not try to inline the worker as an asset.
  for (const dir of ['./', '../']) {
    const js = new URL(`${dir}${name}.js`, from);
    if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return { url: js, viaTsx: false };
  }
  const ts = new URL(`./${name}.ts`, from);
  if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts))) return { url: ts, viaTsx: true };
  return null;
}

/** URL of tsx's ESM register API (its CommonJS twin cannot register ESM hooks in a worker). */
function tsxEsmApiUrl(): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through: some runners (vitest) provide no import.meta.resolve
    }
  }
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/** What a piscina pool needs to start worker entry `name`. */
export interface PoolWorker {
  /** The module whose default export is the task function. */
  filename: string;
  /** Passed to every worker (the tsx bootstrap reads its entry from it). */
  workerData?: { folioTsx: { tsxApi: string; entry: string } };
}

/**
 * Piscina's view of worker entry `name` next to `from`: the built `.js` itself, or, from
 * TypeScript sources, `tsx-entry.mjs` (next to this module), which registers tsx in the worker and
 * re-exports the `.ts` entry's default. Null when neither exists.
 */
export function poolWorker(name: string, from: string): PoolWorker | null {
  const where = workerLocation(name, from);
  if (!where) return null;
  if (!where.viaTsx) return { filename: fileURLToPath(where.url) };
  // Not a literal, so bundlers leave it alone (the built app never needs it).
  const bootstrap = new URL(['.', 'tsx-entry.mjs'].join('/'), import.meta.url);
  if (bootstrap.protocol !== 'file:' || !existsSync(fileURLToPath(bootstrap))) return null;
  return { filename: fileURLToPath(bootstrap), workerData: { folioTsx: { tsxApi: tsxEsmApiUrl(), entry: where.url.href } } };
}
