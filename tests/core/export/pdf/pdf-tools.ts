/** Independent readers of the produced PDFs for the export tests: poppler's pdftotext and pdf.js. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** True when poppler's pdftotext is on PATH. */
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/** Message for tests skipped without poppler. */
export const NO_POPPLER = 'pdftotext (poppler-utils) is not installed: skipping PDF read-back tests';

function withFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-pdf-'));
  try {
    const file = path.join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain text of the PDF (reading order, as pdftotext infers it), or of one page. */
export function pdfToText(bytes: Uint8Array, page?: number): string {
  return withFile(bytes, (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  });
}

/** A word box from `pdftotext -bbox`, converted to PDF user space (origin bottom-left). */
export interface WordBox {
  page: number;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every word of the PDF with its bounding box. */
export function pdfWords(bytes: Uint8Array): WordBox[] {
  const html = withFile(bytes, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const words: WordBox[] = [];
  let page = 0;
  let height = 0;
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[1]) {
      page++;
      height = Number(m[2]);
      continue;
    }
    const text = (m[7] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    words.push({ page, text, x1: Number(m[3]), y1: height - Number(m[6]), x2: Number(m[5]), y2: height - Number(m[4]) });
  }
  return words;
}

/** NFC, whitespace collapsed. */
export function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Render pages to PNG files `<prefix>-<n>.png` with pdftoppm. */
export function renderPng(bytes: Uint8Array, prefix: string, dpi = 60): void {
  withFile(bytes, (file) => execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, prefix]));
}

/** Open the PDF with pdf.js (legacy build, runs on Node 20). */
export async function openWithPdfJs(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}
