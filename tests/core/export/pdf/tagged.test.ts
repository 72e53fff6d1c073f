/**
 * Tagged, described PDF (issue 13, defect 7): a structure tree (Document → H1, H2, P,
 * BlockQuote, Note) in reading order with /Lang on the other language's blocks, /MarkInfo,
 * XMP metadata that matches the Info dictionary, a file /ID, and qpdf finds no error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { articleNote, highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, openWithPdfJs } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const article = mekongArticle('tagged');
const [VI, EN] = article.versions as [ArticleVersion, ArticleVersion];
const item: PdfExportItem = {
  article,
  annotations: [
    highlight(article.id, VI, 'sầu riêng', 'green', 'Ghi **chú**, [nguồn](https://example.org/man)'),
    highlight(article.id, EN, 'Sand mining', 'pink', 'Cause'),
    highlight(article.id, VI, 'nước mặn', 'yellow'),
    articleNote(article.id, 'vi', 'Chung'),
  ],
};

/** Every object reachable from `root` through /K (structure elements, OBJR references), with its parent element. */
function walkStructure(doc: PDFDocument): Array<{ elem: PDFDict; parent: PDFDict | null }> {
  const out: Array<{ elem: PDFDict; parent: PDFDict | null }> = [];
  const visit = (obj: unknown, parent: PDFDict | null): void => {
    const o = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
    if (o instanceof PDFArray) for (const k of o.asArray()) visit(k, parent);
    else if (o instanceof PDFDict) {
      out.push({ elem: o, parent });
      const k = o.get(PDFName.of('K'));
      if (k) visit(k, o);
    }
  };
  visit(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict), null);
  return out;
}

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

  it('puts every highlight, sticky note and link in the structure tree: an /Annot or /Link element with an /OBJR, inside the block it sits on', async () => {
    const doc = await PDFDocument.load(bytes);
    const walked = walkStructure(doc);
    const objrs = walked.filter((w) => w.elem.get(PDFName.of('Type')) === PDFName.of('OBJR'));
    const reached = new Map(objrs.map((w) => [(w.elem.get(PDFName.of('Obj')) as PDFRef).toString(), w.parent as PDFDict]));
    const parentTree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const bySubtype = new Map<string, number>();
    for (const page of doc.getPages()) {
      expect(page.node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
      for (const ref of page.node.Annots()?.asArray() ?? []) {
        const annot = doc.context.lookup(ref, PDFDict);
        const subtype = (annot.get(PDFName.of('Subtype')) as PDFName).decodeText();
        if (subtype === 'Popup') continue; // part of its parent annotation (PDF/UA-1 §7.18.1)
        bySubtype.set(subtype, (bySubtype.get(subtype) ?? 0) + 1);
        const elem = reached.get(ref.toString());
        expect(elem, `${subtype} ${ref.toString()} is not in the structure tree`).toBeDefined();
        expect((elem?.get(PDFName.of('S')) as PDFName).decodeText()).toBe(subtype === 'Link' ? 'Link' : 'Annot');
        // The parent tree leads from the annotation's /StructParent back to that element.
        const key = annot.lookup(PDFName.of('StructParent'), PDFNumber).asNumber();
        const at = parentTree.findIndex((n, i) => i % 2 === 0 && (n as PDFNumber).asNumber() === key);
        expect(doc.context.lookup(parentTree[at + 1])).toBe(elem);
        // Described: its own /Contents, or /Alt on its element.
        expect(annot.get(PDFName.of('Contents')) ?? elem?.get(PDFName.of('Alt'))).toBeDefined();
        // Nested in the block it sits on (a paragraph, note or heading), not loose under Document.
        const block = elem?.lookup(PDFName.of('P'), PDFDict);
        expect(['P', 'H1', 'H2', 'Note', 'BlockQuote']).toContain((block?.get(PDFName.of('S')) as PDFName).decodeText());
      }
    }
    // 3 highlights, the article note's sticky note, note-number links both ways and the web link in a note.
    expect(bySubtype.get('Highlight')).toBe(3);
    expect(bySubtype.get('Text')).toBe(1);
    expect(bySubtype.get('Link')).toBeGreaterThanOrEqual(5);
  });

  it('shows the annotations in pdf.js\'s structure tree too', async () => {
    const doc = await openWithPdfJs(bytes);
    let inTree = 0;
    let annots = 0;
    const count = (n: Node & { type?: string }): void => {
      if (n.type === 'annotation') inTree++;
      for (const c of n.children ?? []) count(c);
    };
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      count(((await page.getStructTree()) ?? {}) as Node);
      annots += ((await page.getAnnotations()) as Array<{ subtype: string }>).filter((a) => a.subtype !== 'Popup').length;
    }
    await doc.destroy();
    expect(annots).toBeGreaterThan(8);
    expect(inTree).toBe(annots);
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
