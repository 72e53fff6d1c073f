/**
 * Notes as a reader expects (issue 13, defect 4): Markdown rendered in end notes and as plain
 * structured text in popups, numbers linked to their end notes and back, end notes giving the
 * page, one comment per highlight across a page break, article and orphaned notes as sticky
 * notes, bookmarks for headings and for the notes section. Read back with pdf.js and poppler.
 */
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../../../src-main/core/export/pdf/index';
import { articleText } from '../../../../src-main/shared/text';
import type { Article, ArticleVersion } from '../../../../src-main/shared/types';
import { articleNote, highlight, longArticle, mekongArticle, orphan } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, openWithPdfJs, pdfToText, pdfWords, saveReviewRender, squash } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const MD = '**Ý chính**: nước *mặn* vào sâu, xem `báo cáo` của [Ủy hội](https://www.mrcmekong.org/).\n\n- một\n- hai';

type Ann = { subtype: string; rect: number[]; contentsObj?: { str: string }; dest?: unknown; url?: string; inReplyTo?: string; replyType?: string; popupRef?: string | null; id: string };

async function annotationsByPage(bytes: Uint8Array): Promise<Ann[][]> {
  const doc = await openWithPdfJs(bytes);
  const out: Ann[][] = [];
  for (let p = 1; p <= doc.numPages; p++) out.push((await (await doc.getPage(p)).getAnnotations()) as Ann[]);
  await doc.destroy();
  return out;
}

/** Page (1-based) a named destination points to. */
async function destPage(bytes: Uint8Array, name: string): Promise<number> {
  const doc = await openWithPdfJs(bytes);
  const dest = await doc.getDestination(name);
  const page = (await doc.getPageIndex(dest?.[0] as { num: number; gen: number })) + 1;
  await doc.destroy();
  return page;
}

const wordsIn = (bytes: Uint8Array, page: number, r: number[]): string =>
  pdfWords(bytes)
    .filter((w) => w.page === page && (w.x1 + w.x2) / 2 > (r[0] as number) && (w.x1 + w.x2) / 2 < (r[2] as number) && (w.y1 + w.y2) / 2 > (r[1] as number) && (w.y1 + w.y2) / 2 < (r[3] as number))
    .map((w) => w.text)
    .join(' ');

describe.skipIf(!HAS_PDFTOTEXT)('notes', () => {
  const article = mekongArticle('notes');
  const VI = article.versions[0] as ArticleVersion;
  const annotations = [
    highlight(article.id, VI, 'nước mặn đã lấn sâu vào các kênh rạch', 'yellow', MD),
    articleNote(article.id, 'vi', 'Đọc *trước* buổi thảo luận.'),
    orphan(article.id, 'vi', 'một câu đã bị xoá', 'Ghi chú **cũ**'),
  ];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await exportPdf([{ article, annotations }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
  });

  it('renders the Markdown in the end note: no syntax left, list items on their own lines, a working link', async () => {
    const text = pdfToText(bytes);
    expect(squash(text)).toContain('(tr. 1) — Ý chính: nước mặn vào sâu, xem báo cáo của Ủy hội. • một • hai');
    expect(text).toMatch(/\n• một\n• hai\n/);
    expect(text).not.toMatch(/\*\*|\]\(|`/);
    const link = (await annotationsByPage(bytes)).flat().find((a) => a.subtype === 'Link' && a.url);
    expect(link?.url).toBe('https://www.mrcmekong.org/');
    expect(wordsIn(bytes, 1, link?.rect ?? [])).toBe('Ủy hội.');
  });

  it('writes a page render for review', () => {
    expect(saveReviewRender(bytes, 'notes')).toHaveLength(1);
  });

  it('gives the popup plain text that keeps the structure', async () => {
    const h = (await annotationsByPage(bytes)).flat().find((a) => a.subtype === 'Highlight');
    // The note as structured plain text; the article is a pair, so the aligned English sentence follows.
    expect(h?.contentsObj?.str).toMatch(/^Ý chính: nước mặn vào sâu, xem báo cáo của Ủy hội \(https:\/\/www\.mrcmekong\.org\/\)\.\n• một\n• hai\nBản dịch \(en\):\n/);
  });

  it('links the note number to its end note and the end note number back to the text', async () => {
    const links = (await annotationsByPage(bytes)).flat().filter((a) => a.subtype === 'Link' && typeof a.dest === 'string');
    const names = links.map((l) => l.dest as string).sort();
    expect(names).toEqual(['note:1:1', 'ref:1:1']);
    const words = pdfWords(bytes);
    const toNote = links.find((l) => l.dest === 'note:1:1')!;
    const back = links.find((l) => l.dest === 'ref:1:1')!;
    // The forward link sits just after "rạch" (the marker is an outline, so no word under it); the back link on "1.".
    const rach = words.find((w) => w.text === 'rạch')!;
    expect(toNote.rect[0]).toBeGreaterThan(rach.x2 - 2);
    expect(Math.abs((toNote.rect[1] as number) - rach.y1)).toBeLessThan(4);
    expect(wordsIn(bytes, 1, back.rect)).toBe('1.');
    expect(await destPage(bytes, 'note:1:1')).toBe(1);
    expect(await destPage(bytes, 'ref:1:1')).toBe(1);
  });

  it('writes the article note and the orphaned highlight as sticky notes with plain text', async () => {
    const texts = (await annotationsByPage(bytes)).flat().filter((a) => a.subtype === 'Text');
    expect(texts.map((t) => t.contentsObj?.str).sort()).toEqual(['Ghi chú cũ', 'Đọc trước buổi thảo luận.']);
  });

  it('gives the page of each highlight in a long export, and bookmarks headings and the notes section', async () => {
    const long = longArticle('long-notes', 4);
    const v = long.versions[0] as ArticleVersion;
    const text = articleText(v.paragraphs);
    // A noted highlight near the end of the body: on a later page than the first.
    const quote = 'chính quyền địa phương đang hỗ trợ vốn';
    const occurrences = text.split(quote).length - 1;
    const a = highlight(long.id, v, quote, 'green', 'Ở cuối bài', occurrences - 1);
    const pdf = await exportPdf([{ article: long, annotations: [a] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const markerPage = await destPage(pdf, 'ref:1:1');
    expect(markerPage).toBeGreaterThan(1);
    expect(squash(pdfToText(pdf))).toContain(`“${quote}” (tr. ${markerPage}) — Ở cuối bài`);
    const doc = await openWithPdfJs(pdf);
    const [entry] = (await doc.getOutline()) as Array<{ title: string; items: Array<{ title: string; dest: unknown[] }> }>;
    const headings = v.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text);
    expect(entry?.items.map((i) => i.title)).toEqual([...headings, 'Ghi chú']);
    const notesPage = (await doc.getPageIndex(entry?.items.at(-1)?.dest[0] as { num: number; gen: number })) + 1;
    expect(squash(pdfToText(pdf, notesPage))).toContain('Ghi chú');
    await doc.destroy();
  });
});

describe.skipIf(!HAS_PDFTOTEXT)('a highlight across a page break', () => {
  it('is one comment: the second part is grouped with the first (/IRT, /RT /Group), with no note or popup of its own', async () => {
    const long: Article = longArticle('cross', 3);
    const v = long.versions[0] as ArticleVersion;
    const plain = await exportPdf([{ article: long, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    // The last words of page 1 and the first of page 2 (body lines only).
    const words = pdfWords(plain).filter((w) => w.y1 > 60 && w.y2 < 800);
    const tail = words.filter((w) => w.page === 1).slice(-3).map((w) => w.text);
    const head = words.filter((w) => w.page === 2).slice(0, 3).map((w) => w.text);
    const text = articleText(v.paragraphs);
    const pattern = new RegExp([...tail, ...head].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    const all = [...text.matchAll(pattern)];
    const before = squash(pdfToText(plain, 1)).split(squash([...tail, ...head].join(' '))).length - 1;
    const match = all[before];
    if (!match) throw new Error('page break words not found');
    const a = highlight(long.id, v, match[0], 'pink', 'Qua **trang**', before);
    const pdf = await exportPdf([{ article: long, annotations: [a] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const doc = await PDFDocument.load(pdf);
    const parts = doc.getPages().map((p) =>
      (p.node.Annots()?.asArray() ?? []).map((r) => doc.context.lookup(r, PDFDict)).filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight')),
    );
    expect(parts.slice(0, 2).map((p) => p.length)).toEqual([1, 1]);
    const [first, second] = [parts[0]![0]!, parts[1]![0]!];
    expect(first.has(PDFName.of('Contents'))).toBe(true);
    expect(first.has(PDFName.of('Popup'))).toBe(true);
    expect(second.has(PDFName.of('Contents'))).toBe(false);
    expect(second.has(PDFName.of('Popup'))).toBe(false);
    expect(second.get(PDFName.of('RT'))).toBe(PDFName.of('Group'));
    expect(doc.context.lookup(second.get(PDFName.of('IRT')))).toBe(first);
    // Popups in the whole file: exactly one.
    const popups = doc.getPages().flatMap((p) => (p.node.Annots()?.asArray() ?? []).map((r) => doc.context.lookup(r, PDFDict))).filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Popup'));
    expect(popups).toHaveLength(1);
  });
});
