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
import { Worker, parentPort, type ResourceLimits } from 'node:worker_threads';
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

/** The message a dedicated worker posts once loaded (see `startWorker`). */
const READY = 'folio-worker-ready';

/** Options for spawning a dedicated worker (one outside the piscina pools, e.g. a PDF export). */
export interface SpawnOptions {
  /** Heap limits of the worker: an out-of-memory worker dies alone, with ERR_WORKER_OUT_OF_MEMORY. */
  resourceLimits?: ResourceLimits;
}

/** Start worker entry `name` found next to `from`; throws `{code:'worker-not-found'}` when absent. */
export function spawnWorker(name: string, from: string, opts: SpawnOptions = {}): Worker {
  const where = workerLocation(name, from);
  if (!where) throw Object.assign(new Error(`Worker ${name} not found`), { code: 'worker-not-found' });
  const options = opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {};
  if (!where.viaTsx) return new Worker(where.url, options);
  const boot = `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(where.url.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Start worker `name` and wait for its `signalReady()`: rejects if it cannot be found, fails to
 * load, or exits first, so the caller can fall back to in-thread work before handing it a task.
 */
export function startWorker(name: string, from: string, opts: SpawnOptions = {}): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = spawnWorker(name, from, opts);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (msg: unknown): void => {
      if (msg !== READY) return;
      cleanup();
      resolve(worker);
    };
    const onError = (err: Error): void => {
      cleanup();
      void worker.terminate();
      reject(err);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(Object.assign(new Error(`Worker ${name} exited (${code}) before it was ready`), { code: 'worker-exited' }));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** Called by a dedicated worker entry once loaded: resolves the parent's `startWorker`. */
export function signalReady(): void {
  parentPort?.postMessage(READY);
}
