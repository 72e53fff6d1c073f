/**
 * Runs document analysis in worker threads (the expensive, parallel part of building), feeding
 * results to a sink on the main thread (MiniSearch insertion, which cannot be split: MiniSearch
 * cannot merge indexes). Falls back to in-thread analysis, yielding to the event loop, when
 * workers cannot start.
 *
 * The workers are a piscina pool; the entry is found by `../workers/worker-location` (bundled:
 * `out/main/index-worker.js`, a main build entry; from source: `./index-worker.ts` through tsx).
 */
import { Piscina } from 'piscina';
import { poolWorker, workerLocation, type WorkerLocation } from '../workers/worker-location';
import { analyzeDoc } from './analyze-doc';
import { runBounded } from './bounded';
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

async function viaWorkers(batches: DocInput[][], count: number, onBatch: (seq: number, docs: AnalyzedDoc[]) => void): Promise<void> {
  const where = poolWorker(WORKER_BASENAME, import.meta.url);
  if (!where) throw Object.assign(new Error(`Worker ${WORKER_BASENAME} not found`), { code: 'worker-not-found' });
  // Two batches per worker keep it busy while the main thread inserts the previous one.
  // idleTimeout Infinity: with batches submitted a few at a time a worker is briefly idle, and
  // piscina's default (0) would end it then and start a new one for the next batch (a build
  // measured 6× slower); the pool is destroyed when the build ends.
  const pool = new Piscina<DocInput[], AnalyzedDoc[]>({ ...where, minThreads: 0, maxThreads: count, concurrentTasksPerWorker: 2, idleTimeout: Infinity });
  try {
    // The first failure (a worker that cannot load or crashed) rejects at once: the caller
    // finishes the batches not yet delivered in-thread.
    // Delivered in order, so documents get the same internal ids (and ties the same ranking) as
    // an in-thread build.
    // At most two batches per worker started and not yet inserted (runBounded).
    await runBounded(batches.length, 2 * count, (seq) => pool.run(batches[seq] as DocInput[]), onBatch);
  } finally {
    await pool.destroy().catch(() => undefined);
  }
}
