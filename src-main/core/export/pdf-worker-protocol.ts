/** Messages between the PDF export worker and the thread that started it. */
import type { PdfJobItem, PdfJobOptions } from './pdf-job';

/** Main → worker: one job per worker. */
export interface PdfWorkerRequest {
  items: PdfJobItem[];
  opts: PdfJobOptions;
}

/** Worker → main. Errors carry their `code` so PdfExportError codes survive the thread hop. */
export type PdfWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; name: string; code?: string; message: string };
