/**
 * Runs document analysis in worker threads (the expensive, parallel part of building), feeding
 * results to a sink on the main thread (MiniSearch insertion, which cannot be split: MiniSearch
 * cannot merge indexes). Falls back to in-thread analysis, yielding to the event loop, when
 * workers cannot start.
 *
 * Locating the worker: `new URL('./index-worker.js', import.meta.url)` — i.e. next to the file
 * this code ends up in (bundled: `out/main/index-worker.js` beside `out/main/main.js`, so add
 * `src-main/core/search/index-worker.ts` as a main build entry named `index-worker`). When that
 * .js does not exist (running from TS source under vitest/tsx), `./index-worker.ts` is started
 * through tsx's ESM API (`tsx/esm/api` register()) in an eval'd bootstrap.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDoc } from './analyze-doc';
import type { DocInput } from './documents';
import type { AnalyzedDoc } from './analyze-doc';

const WORKER_BASENAME = 'index-worker';
const BATCH_SIZE = 32;
/** Longest the main thread runs analysis without yielding, in ms (in-thread fallback). */
const SLICE_MS = 15;

/** How the index worker would be started here: the file found, or null. Exposed for the report/tests. */
export function indexWorkerLocation(): { url: URL; viaTsx: boolean } | null {
  // Built by string concatenation so bundlers do not try to inline the worker as an asset.
  // Bundled, this code may sit in a shared chunk (out/main/chunks/) one folder below the entry.
  for (const dir of ['./', '../']) {
    const js = new URL(`${dir}${WORKER_BASENAME}.js`, import.meta.url);
    if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return { url: js, viaTsx: false };
  }
  const ts = new URL(`./${WORKER_BASENAME}.ts`, import.meta.url);
  if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts))) return { url: ts, viaTsx: true };
  return null;
}

function spawn(): Worker {
  const where = indexWorkerLocation();
  if (!where) throw new Error('index worker file not found');
  if (!where.viaTsx) return new Worker(where.url);
  const tsxApi = tsxEsmApiUrl();
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(where.url.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** How a build ran: in worker threads, or in-thread (asked for, or because workers failed). */
export type BuildMode = 'workers' | 'in-thread' | 'in-thread-fallback';

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

/** Analyses `inputs` and hands each batch to `sink`; `workers` 0 means in-thread. */
export async function analyzeInBatches(inputs: readonly DocInput[], workers: number, sink: (docs: AnalyzedDoc[]) => void): Promise<BuildMode> {
  const batches: DocInput[][] = [];
  for (let i = 0; i < inputs.length; i += BATCH_SIZE) batches.push(inputs.slice(i, i + BATCH_SIZE));
  const done = new Set<number>();
  let mode: BuildMode = 'in-thread';
  if (workers > 0 && batches.length > 1) {
    try {
      await viaWorkers(batches, workers, (seq, docs) => {
        done.add(seq);
        sink(docs);
      });
      return 'workers';
    } catch {
      // Worker startup failed in this environment: finish in-thread below.
      mode = 'in-thread-fallback';
    }
  }
  let last = performance.now();
  for (let seq = 0; seq < batches.length; seq++) {
    if (done.has(seq)) continue;
    sink((batches[seq] as DocInput[]).map(analyzeDoc));
    if (performance.now() - last > SLICE_MS) {
      await new Promise<void>((r) => setImmediate(r));
      last = performance.now();
    }
  }
  return mode;
}

function viaWorkers(batches: DocInput[][], count: number, onBatch: (seq: number, docs: AnalyzedDoc[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stop = (): void => {
      for (const w of pool) void w.terminate();
    };
    const feed = (w: Worker): void => {
      if (next < batches.length) {
        const seq = next++;
        w.postMessage({ seq, docs: batches[seq] });
      }
    };
    try {
      for (let i = 0; i < Math.min(count, batches.length); i++) {
        const w = spawn();
        pool.push(w);
        w.on('message', (msg: { seq: number; docs: AnalyzedDoc[] }) => {
          if (failed) return;
          feed(w);
          onBatch(msg.seq, msg.docs);
          if (++finished === batches.length) {
            stop();
            resolve();
          }
        });
        w.on('error', (err) => {
          if (failed) return;
          failed = true;
          stop();
          reject(err);
        });
        // Two batches in flight per worker keep it busy while the main thread inserts.
        feed(w);
        feed(w);
      }
    } catch (err) {
      failed = true;
      stop();
      reject(err);
    }
  });
}
