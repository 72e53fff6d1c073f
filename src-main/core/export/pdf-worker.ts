/**
 * Worker entry (worker_threads): runs one PDF export job off the thread that answers requests,
 * so exporting hundreds of articles never stalls the app or `folio serve`.
 * Build entry for electron-vite: `out/main/pdf-worker.js`.
 */
import { parentPort } from 'node:worker_threads';
import { signalReady } from '../workers/worker-location';
import { runPdfJob } from './pdf-job';
import type { PdfWorkerMessage, PdfWorkerRequest } from './pdf-worker-protocol';

const post = (msg: PdfWorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(msg, transfer);

// One job at a time: the parent hands a worker a new job only after the previous one answered.
parentPort?.on('message', (req: PdfWorkerRequest) => {
  if (req.type === 'warm') {
    // A failure here shows again, with its message, when the job runs.
    void import('./pdf/index').then((m) => m.primaryFontFiles(req.fontsDir)).catch(() => undefined);
    return;
  }
  runPdfJob(req.items, req.opts, (done, total) => post({ type: 'progress', done, total })).then(
    (bytes) => post({ type: 'done', bytes }, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const code = (e as { code?: unknown }).code;
      post({ type: 'error', name: e.name, code: typeof code === 'string' ? code : undefined, message: e.message });
    },
  );
});
signalReady();
