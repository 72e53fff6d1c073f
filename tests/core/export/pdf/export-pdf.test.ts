/**
 * End-to-end checks of the annotated PDF export, read back with independent tools:
 * poppler's pdftotext (text order, word boxes, page renders) and pdf.js (annotations, text
 * positions, metadata, outline).
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { HIGHLIGHT_RGB } from '../../../../src-main/core/export/pdf/styles';
import { articleText } from '../../../../src-main/shared/text';
import type { AnchoredAnnotation, ArticleVersion } from '../../../../src-main/shared/types';
import { articleNote, highlight, longArticle, mekongArticle, orphan } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, NO_POPPLER, PDF_SCREENSHOT_DIR, openWithPdfJs, pdfToText, pdfWords, renderPng, squash, type WordBox } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
/** The user's note in a highlight's comment, without the translation a pair appends. */
const noteOf = (contents: string | undefined): string => (contents ?? '').split(/\n?(?:Bản dịch|Translation) \((?:vi|en)\):\n/)[0] ?? '';
const NOW = new Date('2024-05-01T12:00:00Z');
const AUTHOR = 'Nguyễn Thị Lan';

const article = mekongArticle();
const [VI, EN] = article.versions as [ArticleVersion, ArticleVersion];
const annotations: AnchoredAnnotation[] = [
  highlight(article.id, VI, 'nước mặn đã lấn sâu vào các kênh rạch', 'yellow', 'Sớm hơn năm 2016 gần một tháng.'),
  highlight(article.id, VI, 'vườn sầu riêng của gia đình ông đã mất gần một nửa sản lượng', 'green'),
  highlight(article.id, VI, 'khai thác cát lòng sông và các đập thủy điện ở thượng nguồn', 'blue', 'Xem thêm báo cáo của Ủy hội sông Mê Kông.'),
  highlight(article.id, EN, 'Sand mining in the riverbed', 'pink', 'Key cause — check the 2023 figures'),
  highlight(article.id, EN, 'steadier incomes', 'purple', 'Source?'),
  articleNote(article.id, 'vi', 'Đọc trước buổi thảo luận ngày 12/4.'),
  orphan(article.id, 'vi', 'một câu đã bị xoá khỏi bài', 'Ghi chú cũ vẫn giữ lại'),
];
const item: PdfExportItem = { article, annotations };
const highlightsOf = (v: ArticleVersion) => annotations.filter((a) => a.kind === 'highlight' && !a.orphaned && a.lang === v.lang);

/** The text pdftotext extracts, page footers (a lone page number) removed, squashed. */
function bodyText(bytes: Uint8Array): string {
  return squash(
    pdfToText(bytes)
      .split('\f')
      .map((page) => page.replace(/\n\s*\d+\s*\n*$/, '\n'))
      .join('\n'),
  );
}

/** Assert each string occurs in `text`, in order. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(squash(part), from);
    expect(at, `"${part}" after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(part).length;
  }
}

type PdfJsAnnotation = {
  subtype: string;
  contentsObj?: { str: string };
  titleObj?: { str: string };
  quadPoints?: Float32Array;
  rect: number[];
  color?: Uint8ClampedArray;
  modificationDate?: string;
  creationDate?: string;
  hasAppearance?: boolean;
  popupRef?: string | null;
};

async function highlightAnnotations(bytes: Uint8Array): Promise<Array<PdfJsAnnotation & { page: number }>> {
  const doc = await openWithPdfJs(bytes);
  const out: Array<PdfJsAnnotation & { page: number }> = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    for (const a of (await page.getAnnotations()) as PdfJsAnnotation[]) if (a.subtype === 'Highlight') out.push({ ...a, page: p });
  }
  await doc.destroy();
  return out;
}

/** Drop what trails the last highlighted word inside its poppler word box: punctuation, a note marker. */
const trimTrailing = (s: string): string => s.replace(/[\d.,;:!?”’"]+$/u, '');

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Quads of a pdf.js annotation as boxes. */
function quadBoxes(q: Float32Array): Array<{ x1: number; x2: number; y1: number; y2: number }> {
  const boxes = [];
  for (let i = 0; i + 8 <= q.length; i += 8) {
    const xs = [q[i], q[i + 2], q[i + 4], q[i + 6]] as number[];
    const ys = [q[i + 1], q[i + 3], q[i + 5], q[i + 7]] as number[];
    boxes.push({ x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) });
  }
  return boxes;
}

/** Words of `page` whose centre lies inside one of the boxes, in reading order. */
function wordsUnder(words: WordBox[], page: number, boxes: ReturnType<typeof quadBoxes>): string {
  return words
    .filter((w) => w.page === page && boxes.some((b) => (w.x1 + w.x2) / 2 > b.x1 && (w.x1 + w.x2) / 2 < b.x2 && (w.y1 + w.y2) / 2 > b.y1 && (w.y1 + w.y2) / 2 < b.y2))
    .map((w) => w.text)
    .join(' ');
}

describe.skipIf(!HAS_PDFTOTEXT)('PDF export read back with pdftotext and pdf.js', () => {
  let vi: Uint8Array;
  let sideBySide: Uint8Array;

  beforeAll(async () => {
    vi = await exportPdf([item], { lang: 'vi', paper: 'a4', author: AUTHOR, fontsDir: FONTS, now: NOW });
    sideBySide = await exportPdf([item], { lang: 'both', layout: 'side-by-side', paper: 'a4', author: AUTHOR, fontsDir: FONTS, now: NOW });
  });

  it('extracts the Vietnamese text with diacritics intact and in reading order', () => {
    const text = bodyText(vi);
    expectInOrder(text, [VI.title, ...VI.paragraphs.map((p) => p.text)]);
    expect(text).not.toContain('Salt water');
  });

  it('writes Highlight annotations with the note, the author and quads over the highlighted words', async () => {
    const found = await highlightAnnotations(vi);
    const expected = highlightsOf(VI);
    expect(found).toHaveLength(expected.length);
    const words = pdfWords(vi);
    const doc = await openWithPdfJs(vi);
    for (const [i, a] of expected.entries()) {
      const ann = found[i];
      if (!ann?.quadPoints) throw new Error('annotation without quad points');
      // The note, then (in a pair) the aligned sentence of the other version.
      expect(noteOf(ann.contentsObj?.str)).toBe(a.note);
      expect(ann.titleObj?.str).toBe(AUTHOR);
      expect(ann.modificationDate).toBe('D:20240402113000Z');
      expect(ann.creationDate).toBe('D:20240401100000Z');
      expect(ann.hasAppearance).toBe(true);
      // Every highlight of a pair has a comment (its translation at least), so a popup.
      expect(Boolean(ann.popupRef)).toBe((ann.contentsObj?.str ?? '') !== '');
      expect([...(ann.color ?? [])]).toEqual(HIGHLIGHT_RGB[a.color].map((c) => Math.round(c * 255)));
      const boxes = quadBoxes(ann.quadPoints);
      const quote = a.target?.quote.exact ?? '';
      // poppler's word boxes under the quads are exactly the highlighted words (a note marker may trail the last one).
      expect(trimTrailing(wordsUnder(words, ann.page, boxes))).toBe(squash(quote));
      // pdf.js text items crossing the quads contain the highlighted text.
      const page = await doc.getPage(ann.page);
      const items = (await page.getTextContent()).items.flatMap((it) => ('str' in it && it.str ? [it] : []));
      const under = items.filter((it) => {
        const [x, y] = [it.transform[4] as number, it.transform[5] as number];
        return boxes.some((b) => y > b.y1 && y < b.y2 && x < b.x2 && x + it.width > b.x1);
      });
      expect(squash(under.map((it) => it.str).join(' '))).toContain(squash(quote));
    }
    await doc.destroy();
  });

  it('writes the annotation dictionaries viewers and printers rely on (/F 4, /NM, UTF-16 /Contents, multiply /AP)', async () => {
    const doc = await PDFDocument.load(vi);
    const dicts = doc.getPages().flatMap((p) => (p.node.Annots()?.asArray() ?? []).map((ref) => doc.context.lookup(ref, PDFDict)));
    const highlights = dicts.filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight'));
    expect(highlights).toHaveLength(highlightsOf(VI).length);
    for (const [i, d] of highlights.entries()) {
      const a = highlightsOf(VI)[i] as AnchoredAnnotation;
      expect(d.get(PDFName.of('F'))?.toString()).toBe('4');
      expect(d.lookup(PDFName.of('NM'), PDFHexString).decodeText()).toBe(a.id);
      if (a.note) expect(d.lookup(PDFName.of('Contents'), PDFHexString).toString()).toMatch(/^<FEFF/i);
      const ap = d.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream);
      const gs = ap.dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('ExtGState'), PDFDict).lookup(PDFName.of('G0'), PDFDict);
      expect(gs.get(PDFName.of('BM'))).toBe(PDFName.of('Multiply'));
      const quads = d.lookup(PDFName.of('QuadPoints'), PDFArray).size();
      expect(quads % 8).toBe(0);
      expect(quads).toBeGreaterThanOrEqual(8);
    }
  });

  it('lists orphaned highlights as not found, without an annotation, and prints article notes', async () => {
    const text = bodyText(vi);
    // A Vietnamese export is labelled in Vietnamese.
    expect(text).toContain('“một câu đã bị xoá khỏi bài” — Ghi chú cũ vẫn giữ lại (không còn tìm thấy trong văn bản hiện tại)');
    expect(text).toContain('Ghi chú: Đọc trước buổi thảo luận ngày 12/4.');
    expect(text).toContain('1. “nước mặn đã lấn sâu vào các kênh rạch” (tr. 1) — Sớm hơn năm 2016 gần một tháng.');
    const found = await highlightAnnotations(vi);
    expect(found.some((a) => a.contentsObj?.str === 'Ghi chú cũ vẫn giữ lại')).toBe(false);
  });

  it('renders only the highlights of the printed versions', async () => {
    const en = await exportPdf([item], { lang: 'en', paper: 'a4', author: AUTHOR, fontsDir: FONTS, now: NOW });
    const found = await highlightAnnotations(en);
    expect(found.map((a) => noteOf(a.contentsObj?.str))).toEqual(highlightsOf(EN).map((a) => a.note));
    expect(bodyText(en)).toContain(squash(EN.paragraphs[0]?.text ?? ''));
    expect(bodyText(en)).not.toContain('Mùa khô');
  });

  it('falls back to the version an article has when the requested language is missing', async () => {
    const enOnly = { id: 'en-only', versions: [EN] };
    const bytes = await exportPdf([{ article: enOnly, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    expect(bodyText(bytes)).toContain(squash(EN.paragraphs[0]?.text ?? ''));
  });

  it('sets both languages side by side, aligned row by row', async () => {
    const text = bodyText(sideBySide);
    for (const p of [...VI.paragraphs, ...EN.paragraphs]) expect(text).toContain(squash(p.text).split(' ').slice(0, 4).join(' '));
    const words = pdfWords(sideBySide);
    const middle = 595.28 / 2;
    const first = (w: string): WordBox => words.find((x) => x.text === w) as WordBox;
    expect(first('Mùa').x1).toBeLessThan(middle);
    expect(first('dry').x1).toBeGreaterThan(middle);
    // Bead rows start level: the headings of paragraph 1 share a baseline.
    expect(Math.abs(first('Những').y1 - first('Fields').y1)).toBeLessThan(1);
    const found = await highlightAnnotations(sideBySide);
    expect(found).toHaveLength(highlightsOf(VI).length + highlightsOf(EN).length);
  });

  it('uses the alignment beads it is given', async () => {
    // Vietnamese paragraph 0 set beside English paragraphs 0 and 1; the rest by index.
    const beads = [{ left: [0], right: [0, 1] }, { left: [1], right: [] }, ...VI.paragraphs.slice(2).map((_, i) => ({ left: [i + 2], right: [i + 2] }))];
    const bytes = await exportPdf([{ ...item, beads }], { lang: 'both', paper: 'a4', fontsDir: FONTS, now: NOW });
    const words = pdfWords(bytes);
    const first = (w: string): WordBox => words.find((x) => x.text === w) as WordBox;
    // Row 2 (vi heading alone) starts below the English heading of row 1; row 3 starts level.
    expect(first('Những').y1).toBeLessThan(first('Fields').y1 - 5);
    expect(Math.abs(first('Ông').y1 - first('Nguyen').y1)).toBeLessThan(1);
  });

  it('interleaves each paragraph with its translation', async () => {
    const bytes = await exportPdf([item], { lang: 'both', layout: 'interleaved', paper: 'a4', fontsDir: FONTS, now: NOW });
    const text = bodyText(bytes);
    expectInOrder(text, [VI.paragraphs[2]?.text.slice(0, 40) ?? '', EN.paragraphs[2]?.text.slice(0, 40) ?? '', VI.paragraphs[4]?.text.slice(0, 40) ?? '', EN.paragraphs[4]?.text.slice(0, 40) ?? '']);
  });

  it('produces A4 and Letter pages', async () => {
    const letter = await exportPdf([item], { lang: 'both', paper: 'letter', fontsDir: FONTS, now: NOW });
    for (const [bytes, w, h] of [[sideBySide, 595.28, 841.89], [letter, 612, 792]] as const) {
      const doc = await openWithPdfJs(bytes);
      const view = (await doc.getPage(1)).view;
      expect(view[2]).toBeCloseTo(w, 1);
      expect(view[3]).toBeCloseTo(h, 1);
      await doc.destroy();
    }
  });

  it('splits a highlight crossing a page break into annotations on both pages', async () => {
    const long = longArticle('long', 3);
    const v = long.versions[0] as ArticleVersion;
    const plain = await exportPdf([{ article: long, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const pages = pdfToText(plain).split('\f').map((p) => squash(p.replace(/\n\s*\d+\s*\n*$/, '\n')));
    const tail = (pages[0] ?? '').split(' ').slice(-4).join(' ');
    const head = (pages[1] ?? '').split(' ').slice(0, 4).join(' ');
    // The fixture repeats sentences: take the occurrence that page 1 does not already contain.
    const before = (pages[0] ?? '').split(`${tail} ${head}`).length - 1;
    const pattern = new RegExp([...tail.split(' '), ...head.split(' ')].map(escapeRe).join('\\s+'), 'g');
    const match = [...articleText(v.paragraphs).matchAll(pattern)][before];
    if (!match) throw new Error(`page break words not found: ${tail} | ${head}`);
    const quote = match[0];
    const a = highlight(long.id, v, quote, 'green', 'Qua trang', before);
    const bytes = await exportPdf([{ article: long, annotations: [a] }], { lang: 'vi', paper: 'a4', author: AUTHOR, fontsDir: FONTS, now: NOW });
    const found = await highlightAnnotations(bytes);
    expect(found.map((f) => f.page)).toEqual([1, 2]);
    expect(found.every((f) => f.contentsObj?.str === 'Qua trang')).toBe(true);
    const words = pdfWords(bytes);
    const under = found.map((f) => wordsUnder(words, f.page, quadBoxes(f.quadPoints as Float32Array))).join(' ');
    expect(trimTrailing(under)).toBe(squash(quote));
  });

  it('writes metadata and one bookmark per article for a multi-article export', async () => {
    const items = [item, { article: mekongArticle('second'), annotations: [] }, { article: longArticle('third', 1), annotations: [] }];
    let progress: Array<[number, number]> = [];
    const bytes = await exportPdf(items, { lang: 'vi', paper: 'letter', author: AUTHOR, fontsDir: FONTS, now: NOW, onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    const doc = await openWithPdfJs(bytes);
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    expect(info.Title).toBe('Folio — 3 articles');
    expect(info.Author).toBe(AUTHOR);
    expect(info.Producer).toBe('Folio');
    expect(String(info.Keywords)).toContain('nông nghiệp');
    expect(info.CreationDate).toBe('D:20240501120000Z');
    const outline = (await doc.getOutline()) as Array<{ title: string; dest: unknown[] }>;
    expect(outline.map((o) => o.title)).toEqual([VI.title, VI.title, 'Ghi chép từ miền Tây (third)']);
    const starts = await Promise.all(outline.map((o) => doc.getPageIndex(o.dest[0] as { num: number; gen: number })));
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThan(starts[0] as number);
    expect(starts[2]).toBeGreaterThan(starts[1] as number);
    for (const [k, start] of starts.entries()) expect(squash(pdfToText(bytes, (start as number) + 1))).toContain(outline[k]?.title);
    await doc.destroy();
    progress = [];
  });

  it('writes page renders of a bilingual export for review', () => {
    const dir = PDF_SCREENSHOT_DIR;
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.startsWith('bilingual-')) rmSync(path.join(dir, f));
    renderPng(sideBySide, path.join(dir, 'bilingual'), 60);
    const pngs = readdirSync(dir).filter((f) => f.startsWith('bilingual-') && f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const f of pngs) expect(statSync(path.join(dir, f)).size).toBeGreaterThan(5000);
  });
});

describe.skipIf(HAS_PDFTOTEXT)('PDF export read-back', () => {
  it.skip(NO_POPPLER, () => undefined);
});
