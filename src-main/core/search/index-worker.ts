/**
 * Worker entry (worker_threads): analyses batches of documents into term lists so the main
 * thread only inserts them. Build entry for electron-vite: `out/main/index-worker.js`.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeDoc } from './analyze-doc';
import type { DocInput } from './documents';

/** A batch request: its sequence number and documents. */
export interface WorkerRequest {
  seq: number;
  docs: DocInput[];
}

parentPort?.on('message', (req: WorkerRequest) => {
  parentPort?.postMessage({ seq: req.seq, docs: req.docs.map(analyzeDoc) });
});
