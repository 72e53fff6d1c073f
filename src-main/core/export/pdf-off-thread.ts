/**
 * Runs a PDF export job on its own worker thread (one per export, ended when it is done), or
 * in-thread when no worker can start (e.g. inside a packaged asar), as the parse pool does.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/worker-location';
import { PdfExportError, type PdfExportErrorCode } from './pdf/errors';
import { resolveFontsDir } from './pdf/fonts';
import { runPdfJob, type PdfJobItem, type PdfJobOptions } from './pdf-job';
import type { PdfWorkerMessage, PdfWorkerRequest } from './pdf-worker-protocol';

const PDF_CODES: readonly string[] = ['PDF_FONTS_MISSING', 'PDF_BAD_OPTIONS', 'PDF_NOTHING_TO_EXPORT'] satisfies PdfExportErrorCode[];

function rebuildError(msg: Extract<PdfWorkerMessage, { type: 'error' }>): Error {
  if (msg.code && PDF_CODES.includes(msg.code)) return new PdfExportError(msg.code as PdfExportErrorCode, msg.message);
  return Object.assign(new Error(msg.message), { name: msg.name, ...(msg.code ? { code: msg.code } : {}) });
}

/** Where the job ran: tests and diagnostics. */
export type PdfJobThread = 'worker' | 'in-thread';

/** Options of `exportPdfOffThread`. */
export interface OffThreadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Called once with where the job runs. */
  onThread?: (thread: PdfJobThread) => void;
}

/** Exports `items` to PDF bytes on a worker thread, falling back to this thread. */
export async function exportPdfOffThread(items: PdfJobItem[], opts: PdfJobOptions, hooks: OffThreadOptions = {}): Promise<Uint8Array> {
  // Resolved here: the worker bundle may sit elsewhere than the code that knows the app's layout.
  const jobOpts: PdfJobOptions = { ...opts, fontsDir: opts.fontsDir ?? resolveFontsDir() };
  let worker: Worker;
  try {
    worker = await startWorker('pdf-worker', import.meta.url);
  } catch {
    hooks.onThread?.('in-thread');
    return runPdfJob(items, jobOpts, hooks.onProgress);
  }
  hooks.onThread?.('worker');
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.on('message', (msg: PdfWorkerMessage) => {
        if (msg.type === 'progress') hooks.onProgress?.(msg.done, msg.total);
        else if (msg.type === 'done') resolve(msg.bytes);
        else reject(rebuildError(msg));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`The PDF export stopped (exit code ${code})`)));
      worker.postMessage({ items, opts: jobOpts } satisfies PdfWorkerRequest);
    });
  } finally {
    void worker.terminate();
  }
}
