/**
 * Runs a PDF export job on a worker thread, or in-thread when no worker can start (e.g. inside a
 * packaged asar), as the parse pool does. One worker is kept idle (unref'd, so it never holds a
 * CLI process open) after a successful export: loading pdf-lib and fontkit costs about a second,
 * paid once. Concurrent exports each get their own worker.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/worker-location';
import { PdfExportError, pdfErrorKind } from './pdf/errors';
import { resolveFontsDir } from './pdf/fonts';
import { runPdfJob, type PdfJobItem, type PdfJobOptions } from './pdf-job';
import type { PdfWorkerMessage, PdfWorkerRequest } from './pdf-worker-protocol';

function rebuildError(msg: Extract<PdfWorkerMessage, { type: 'error' }>): Error {
  const kind = msg.code ? pdfErrorKind(msg.code) : null;
  if (kind) return new PdfExportError(kind, msg.message);
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

let idleWorker: Worker | null = null;
/** A worker being started by `prewarmPdfExport`, taken by the next export. */
let warming: Promise<Worker | null> | null = null;
let started = 0;

/** Workers started so far in this process (tests: a prewarmed worker is the one used). */
export const pdfWorkersStarted = (): number => started;

const spawn = (): Promise<Worker> => {
  started++;
  return startWorker('pdf-worker', import.meta.url);
};

async function takeWorker(): Promise<Worker> {
  if (!idleWorker && warming) await warming;
  const w = idleWorker;
  idleWorker = null;
  if (w) {
    w.ref();
    return w;
  }
  return spawn();
}

/**
 * Starts the export worker now and has it load pdf-lib and fontkit and parse the fonts, so that
 * work overlaps whatever the caller does before exporting (the CLI opens the library meanwhile,
 * on the other core). The worker is unref'd: it never keeps the process alive by itself.
 */
export function prewarmPdfExport(fontsDir?: string): void {
  if (idleWorker || warming) return;
  warming = spawn().then(
    (w) => {
      w.postMessage({ type: 'warm', fontsDir: fontsDir ?? resolveFontsDir() } satisfies PdfWorkerRequest);
      keepOrEnd(w);
      return w;
    },
    () => null, // the export will try again, or run in-thread
  ).finally(() => {
    warming = null;
  });
}

function keepOrEnd(w: Worker): void {
  if (idleWorker) {
    void w.terminate();
    return;
  }
  idleWorker = w;
  w.unref();
  w.once('exit', () => {
    if (idleWorker === w) idleWorker = null;
  });
}

/** Exports `items` to PDF bytes on a worker thread, falling back to this thread. */
export async function exportPdfOffThread(items: PdfJobItem[], opts: PdfJobOptions, hooks: OffThreadOptions = {}): Promise<Uint8Array> {
  // Resolved here: the worker bundle may sit elsewhere than the code that knows the app's layout.
  const jobOpts: PdfJobOptions = { ...opts, fontsDir: opts.fontsDir ?? resolveFontsDir() };
  let worker: Worker;
  try {
    worker = await takeWorker();
  } catch {
    hooks.onThread?.('in-thread');
    return runPdfJob(items, jobOpts, hooks.onProgress);
  }
  hooks.onThread?.('worker');
  let reusable = false;
  const listeners: { message?: (msg: PdfWorkerMessage) => void; error?: (err: Error) => void; exit?: (code: number) => void } = {};
  try {
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      listeners.message = (msg) => {
        if (msg.type === 'progress') hooks.onProgress?.(msg.done, msg.total);
        else if (msg.type === 'done') resolve(msg.bytes);
        else reject(rebuildError(msg));
      };
      listeners.error = reject;
      listeners.exit = (code) => reject(new Error(`The PDF export stopped (exit code ${code})`));
      worker.on('message', listeners.message);
      worker.on('error', listeners.error);
      worker.on('exit', listeners.exit);
      worker.postMessage({ type: 'job', items, opts: jobOpts } satisfies PdfWorkerRequest);
    });
    reusable = true;
    return bytes;
  } finally {
    if (listeners.message) worker.off('message', listeners.message);
    if (listeners.error) worker.off('error', listeners.error);
    if (listeners.exit) worker.off('exit', listeners.exit);
    if (reusable) keepOrEnd(worker);
    else void worker.terminate();
  }
}
