/** Messages between the PDF export worker and the thread that started it. */
import type { PdfJobItem, PdfJobOptions } from './pdf-job';

/** Main → worker: one job at a time. */
export interface PdfJobRequest {
  type?: 'job';
  items: PdfJobItem[];
  opts: PdfJobOptions;
}

/** Main → worker: load the PDF modules and parse the fonts now, before a job arrives (no answer). */
export interface PdfWarmRequest {
  type: 'warm';
  fontsDir: string;
}

export type PdfWorkerRequest = PdfJobRequest | PdfWarmRequest;

/** Worker → main. Errors carry their `code` so PdfExportError codes survive the thread hop. */
export type PdfWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; name: string; code?: string; message: string };
