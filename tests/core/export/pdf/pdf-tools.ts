/** Independent readers of the produced PDFs for the export tests: poppler's pdftotext and pdf.js. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCREENSHOTS } from '../../../support/output';

/**
 * Where page renders of the main export cases are written for review: the one place that knows
 * the e2e screenshots folder (it may move to an ignored folder).
 */
/** Page renders for review go with the other screenshots, in the ignored test-results folder. */
export const PDF_SCREENSHOT_DIR = path.join(SCREENSHOTS, 'pdf');

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

/** Plain text of the PDF (reading order, as pdftotext infers it, or content stream order with `raw`), or of one page. */
export function pdfToText(bytes: Uint8Array, page?: number, raw = false): string {
  return withFile(bytes, (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', [...range, ...(raw ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
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

/** A rendered page as RGB bytes (pdftoppm's PPM output). */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Render one page to RGB pixels; `hideAnnotations` renders as "print without comments" does. */
export function renderRgb(bytes: Uint8Array, page: number, dpi = 50, hideAnnotations = false): RgbImage {
  const ppm = withFile(bytes, (file) =>
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), ...(hideAnnotations ? ['-hide-annotations'] : []), file]),
  );
  // P6 header: magic, width, height, maxval, each followed by white space.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PPM image');
  return { width: Number(header[1]), height: Number(header[2]), data: new Uint8Array(ppm.subarray(header[0].length)) };
}

/** Pixels tinted yellow or green (a highlight), which grey text, paper and red note numbers never are. */
export function yellowGreenPixels(img: RgbImage): number {
  let n = 0;
  for (let i = 0; i + 2 < img.data.length; i += 3) {
    const [r, g, b] = [img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number];
    if (g - b > 30 && (r - b > 30 || g - r > 30)) n++;
  }
  return n;
}

/** The decoded content streams of each page (what is painted in the page itself, annotations excluded). */
export async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const { PDFDocument, PDFArray, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    return streams
      .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
      .join('\n');
  });
}

/** Text of a rectangle of every page (x, y from the top-left, in points), pages separated by form feeds. */
export function pdfToTextCrop(bytes: Uint8Array, crop: { x: number; y: number; w: number; h: number }): string {
  return withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-x', String(Math.round(crop.x)), '-y', String(Math.round(crop.y)), '-W', String(Math.round(crop.w)), '-H', String(Math.round(crop.h)), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** pdf.js text items of every page, with their page and position. */
export async function pdfJsItems(bytes: Uint8Array): Promise<Array<{ page: number; str: string; x: number; y: number }>> {
  const doc = await openWithPdfJs(bytes);
  const out: Array<{ page: number; str: string; x: number; y: number }> = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const it of content.items) if ('str' in it) out.push({ page: p, str: it.str, x: it.transform[4] as number, y: it.transform[5] as number });
  }
  await doc.destroy();
  return out;
}

/** Render the first `pages` pages of `bytes` at `dpi` (default 60) as PDF_SCREENSHOT_DIR/<name>-<n>.png for review. */
export function saveReviewRender(bytes: Uint8Array, name: string, pages = 1, dpi = 60): string[] {
  mkdirSync(PDF_SCREENSHOT_DIR, { recursive: true });
  for (const f of readdirSync(PDF_SCREENSHOT_DIR)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(path.join(PDF_SCREENSHOT_DIR, f));
  withFile(bytes, (file) => execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', String(pages), file, path.join(PDF_SCREENSHOT_DIR, name)]));
  return readdirSync(PDF_SCREENSHOT_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}
