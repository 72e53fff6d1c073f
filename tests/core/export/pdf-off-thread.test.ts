/**
 * The PDF export as the app calls it: on a worker thread, the worker reused by the next export,
 * and export errors arriving with their code (the UI translates codes) across the thread hop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioSession } from '../../../src-main/core/session';
import { exportPdfOffThread, pdfWorkersStarted, prewarmPdfExport, type PdfJobThread } from '../../../src-main/core/export/pdf-off-thread';
import { exportPdf, primaryFonts } from '../../../src-main/core/export/pdf/index';
import { PdfExportError } from '../../../src-main/core/export/pdf/errors';

let tmp: string;
let session: FolioSession;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-pdf-thread-'));
  const root = path.join(tmp, 'library');
  await mkdir(root);
  await writeFile(path.join(root, 'cau-tre.md'), '# Cây cầu tre\n\nCây cầu tre bắc qua con mương sau nhà đã được thay bằng cầu xi măng.\n');
  session = await FolioSession.open({ libraryRoot: root, dataDir: path.join(tmp, 'data'), watch: false, search: false });
});
afterAll(async () => {
  await session?.close();
  await rm(tmp, { recursive: true, force: true });
});

const opts = { lang: 'vi' as const, layout: 'side-by-side' as const, paper: 'a4' as const, labels: 'vi' as const };

describe('exportPdfOffThread', () => {
  it('uses the worker a prewarm started (the CLI warms it while opening the library)', async () => {
    const before = pdfWorkersStarted();
    prewarmPdfExport();
    prewarmPdfExport(); // a second call while warming starts nothing more
    expect(pdfWorkersStarted()).toBe(before + 1);
    const items = session.library.articles().map((article) => ({ article, annotations: [] }));
    const threads: PdfJobThread[] = [];
    const bytes = await exportPdfOffThread(items, opts, { onThread: (t) => threads.push(t) });
    expect(threads).toEqual(['worker']);
    expect(pdfWorkersStarted()).toBe(before + 1);
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('reads the font files once per process, and parses them afresh for each document', async () => {
    const first = await primaryFonts();
    const items = session.library.articles().map((article) => ({ article, annotations: [] }));
    const a = await exportPdf(items, { ...opts, now: new Date('2024-05-01T12:00:00Z') });
    const b = await exportPdf(items, { ...opts, now: new Date('2024-05-01T12:00:00Z') });
    const again = await primaryFonts();
    expect(again.fonts.bold).toBe(first.fonts.bold);
    expect(again.parsed.bold).not.toBe(first.parsed.bold);
    // The second document in a process is the same as the first (shared faces once broke this).
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  }, 60_000);

  it('exports on a worker, twice in a row, with progress', async () => {
    const items = session.library.articles().map((article) => ({ article, annotations: [] }));
    for (let round = 0; round < 2; round++) {
      const threads: PdfJobThread[] = [];
      const progress: number[] = [];
      const bytes = await exportPdfOffThread(items, opts, { onThread: (t) => threads.push(t), onProgress: (done) => progress.push(done) });
      expect(threads).toEqual(['worker']);
      expect(progress.at(-1)).toBe(1);
      expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 120_000);

  it('brings export errors back with their code', async () => {
    const err = await exportPdfOffThread([], opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfExportError);
    expect((err as PdfExportError).code).toBe('pdf-nothing-to-export');
  }, 60_000);
});
