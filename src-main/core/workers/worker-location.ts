/**
 * Finding and starting a worker_threads entry, shared by the search index pool and the library
 * parse pool.
 *
 * Bundled (electron-vite), each worker is its own main build entry (`out/main/<name>.js`, see
 * electron.vite.config.ts) while the code that starts it may sit in `out/main/` or in a shared
 * chunk one folder below (`out/main/chunks/`): so `./<name>.js` and `../<name>.js` next to the
 * caller are tried. From TypeScript source (vitest, tsx) there is no .js: `./<name>.ts` next to
 * the caller is started through tsx's ESM API (`tsx/esm/api` register()) in an eval'd bootstrap.
 * Callers fall back to in-thread work when no worker can start (`startWorker` rejects).
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

/** The first message a worker entry posts once its modules are loaded (see `signalReady`). */
const READY = '__folio_worker_ready__';

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

/** Options for spawning a worker. */
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
  const tsxApi = tsxEsmApiUrl();
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(where.url.href)}); });`;
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

/** Called by a worker entry once loaded: resolves the parent's `startWorker`. */
export function signalReady(): void {
  parentPort?.postMessage(READY);
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
