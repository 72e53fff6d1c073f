/**
 * Tagged, described PDF (issue 13, defect 7): a structure tree (Document → H1, H2, P,
 * BlockQuote, Note) in reading order with /Lang on the other language's blocks, /MarkInfo,
 * XMP metadata that matches the Info dictionary, a file /ID, and qpdf finds no error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { articleNote, highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, openWithPdfJs } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const article = mekongArticle('tagged');
const [VI, EN] = article.versions as [ArticleVersion, ArticleVersion];
const item: PdfExportItem = { article, annotations: [highlight(article.id, VI, 'sầu riêng', 'green', 'Ghi **chú**'), highlight(article.id, EN, 'Sand mining', 'pink', 'Cause'), articleNote(article.id, 'vi', 'Chung')] };

type Node = { role?: string; lang?: string; children?: Node[]; type?: string };
const collect = (n: Node, out: Node[] = []): Node[] => {
  if (n.role) out.push(n);
  for (const c of n.children ?? []) collect(c, out);
  return out;
};

describe.skipIf(!HAS_PDFTOTEXT)('tagged PDF', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await exportPdf([item], { lang: 'both', layout: 'side-by-side', paper: 'a4', fontsDir: FONTS, now: NOW, author: 'Lan' });
  });

  it('passes qpdf --check', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-qpdf-'));
    try {
      writeFileSync(path.join(dir, 'a.pdf'), bytes);
      expect(execFileSync('qpdf', ['--check', path.join(dir, 'a.pdf')], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a structure tree with headings, paragraphs and notes, the English column tagged /Lang en', async () => {
    const doc = await openWithPdfJs(bytes);
    const nodes: Node[] = [];
    for (let p = 1; p <= doc.numPages; p++) collect(((await (await doc.getPage(p)).getStructTree()) ?? {}) as Node, nodes);
    await doc.destroy();
    const roles = new Set(nodes.map((n) => n.role));
    for (const r of ['Document', 'H1', 'H2', 'P', 'BlockQuote', 'Note']) expect(roles, r).toContain(r);
    expect(nodes.filter((n) => n.role === 'H1').map((n) => n.lang ?? 'vi')).toEqual(['vi', 'en']);
    // Every text item sits in marked content: the element's content items hold the page's text.
    const contentLeaves = nodes.flatMap((n) => (n.children ?? []).filter((c) => c.type === 'content'));
    expect(contentLeaves.length).toBeGreaterThan(20);
  });

  it('declares itself tagged and gives the document language', async () => {
    const doc = await PDFDocument.load(bytes);
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toMatch(/vi/);
    expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('ParentTree'))).toBeDefined();
  });

  it('carries XMP metadata matching the Info dictionary, and a file /ID; identical inputs give identical bytes', async () => {
    const doc = await openWithPdfJs(bytes);
    const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, string>; metadata: { get(k: string): string | null } | null };
    await doc.destroy();
    expect(metadata?.get('dc:title')).toBe(info.Title);
    expect(metadata?.get('pdf:keywords') ?? metadata?.get('pdf:Keywords')).toBe(info.Keywords);
    expect(metadata?.get('pdf:producer') ?? metadata?.get('pdf:Producer')).toBe(info.Producer);
    const loaded = await PDFDocument.load(bytes);
    const id = loaded.context.trailerInfo.ID as PDFArray | undefined;
    expect(id?.size()).toBe(2);
    const again = await exportPdf([item], { lang: 'both', layout: 'side-by-side', paper: 'a4', fontsDir: FONTS, now: NOW, author: 'Lan' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
