/**
 * Runs document analysis in worker threads (the expensive, parallel part of building), feeding
 * results to a sink on the main thread (MiniSearch insertion, which cannot be split: MiniSearch
 * cannot merge indexes). Falls back to in-thread analysis, yielding to the event loop, when
 * workers cannot start.
 *
 * The worker is found and started by `../workers/worker-location` (bundled: `out/main/index-worker.js`,
 * a main build entry; from source: `./index-worker.ts` through tsx).
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker, workerLocation, type WorkerLocation } from '../workers/worker-location';
import { analyzeDoc } from './analyze-doc';
import type { DocInput } from './documents';
import type { AnalyzedDoc } from './analyze-doc';

const WORKER_BASENAME = 'index-worker';
const BATCH_SIZE = 32;
/** Longest the main thread runs analysis without yielding, in ms (in-thread fallback). */
const SLICE_MS = 15;

/** How the index worker would be started here: the file found, or null. Exposed for the report/tests. */
export function indexWorkerLocation(): WorkerLocation | null {
  return workerLocation(WORKER_BASENAME, import.meta.url);
}

function spawn(): Worker {
  return spawnWorker(WORKER_BASENAME, import.meta.url);
}

/** How a build ran: in worker threads, or in-thread (asked for, or because workers failed). */
export type BuildMode = 'workers' | 'in-thread' | 'in-thread-fallback';

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
