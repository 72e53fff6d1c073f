/**
 * Right-to-left paragraphs (issue 13): the bidi algorithm per line. A Hebrew or Arabic
 * paragraph is set flush right with its words right to left (an English phrase or a number
 * inside it keeps its own order), an English paragraph with a Hebrew phrase stays flush left;
 * text is emitted in logical order, so poppler and pdf.js extract it as it was written.
 *
 * Known limits of the readers, not of the file: poppler's default (layout) mode picks one
 * direction for the whole page, so a left-to-right paragraph on a mostly Hebrew page comes out
 * word-reversed (its -raw mode reads the content order, which is logical); and a bracket drawn
 * mirrored carries its logical character as /ActualText, which pdf.js does not read.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { MARGINS, PAPER_SIZES } from '../../../../src-main/core/export/pdf/styles';
import type { Article } from '../../../../src-main/shared/types';
import { highlight, version } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, pdfJsItems, pdfToText, pdfWords, saveReviewRender, squash, type WordBox } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
// Written for this test: "Hello world, the year 2024 (in English: good morning) and peace", in Hebrew, long enough to wrap.
const HEBREW = 'שלום עולם, השנה 2024 (באנגלית: good morning) ושלום לכולם בבוקר הזה של סתיו, מים ואור על הנהר הגדול והרחב.';
const ARABIC = 'مرحبا بالعالم في الصباح الباكر';
const ENGLISH = 'An English line with a Hebrew phrase שלום עולם in the middle.';
const article: Article = { id: 'rtl', versions: [version('en', 'Right to left', [HEBREW, ARABIC, ENGLISH])] };
const v = article.versions[0]!;
const item: PdfExportItem = { article, annotations: [highlight(article.id, v, 'עולם, השנה', 'yellow', 'note')] };
const { width } = PAPER_SIZES.a4;
// Bidi controls poppler may add around right-to-left words.
const plain = (s: string): string => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const lineOf = (words: WordBox[], w: WordBox): WordBox[] => words.filter((o) => o.page === w.page && Math.abs(o.y1 - w.y1) < 2);
// pdftotext -bbox gives a right-to-left word's letters in visual order.
const logical = (w: string): string => (/[\u0590-\u06ff]/.test(w) ? [...w].reverse().join('') : w);
const noSpace = (s: string): string => plain(s).replace(/\s/g, '');
// pdf.js reads a mirrored bracket as drawn (it ignores /ActualText).
const brackets = (s: string): string => s.replace(/[()]/g, '|');

describe.skipIf(!HAS_PDFTOTEXT)('right-to-left paragraphs', () => {
  let bytes: Uint8Array;
  let words: WordBox[];
  beforeAll(async () => {
    bytes = await exportPdf([item], { lang: 'en', paper: 'a4', fontsDir: FONTS, now: NOW });
    words = pdfWords(bytes);
  });

  it('pdftotext extracts each paragraph in logical order (content order, /ActualText of mirrored brackets)', () => {
    const text = noSpace(pdfToText(bytes, undefined, true));
    for (const p of [HEBREW, ARABIC, ENGLISH]) expect(text).toContain(noSpace(p));
    // Layout mode: the right-to-left paragraphs' words in logical order too.
    const layout = squash(plain(pdfToText(bytes)));
    expect(layout).toContain(squash(ARABIC));
    expect(layout).toContain('שלום עולם');
    expect(layout).toContain('ושלום לכולם בבוקר הזה של סתיו');
  });

  it('pdf.js extracts each paragraph in logical order', async () => {
    const text = brackets(noSpace((await pdfJsItems(bytes)).map((i) => i.str).join('')));
    for (const p of [HEBREW, ARABIC, ENGLISH]) expect(text).toContain(brackets(noSpace(p)));
  });

  it('sets right-to-left lines flush right, words right to left, an English phrase and a number in their own order', () => {
    const first = words.find((w) => logical(w.text) === 'שלום')!;
    const line = lineOf(words, first).sort((a, b) => a.x1 - b.x1);
    // Flush right: the line ends at the right margin; its first word is its rightmost.
    expect(Math.max(...line.map((w) => w.x2))).toBeGreaterThan(width - MARGINS.right - 2);
    expect(logical(line[line.length - 1]!.text)).toBe('שלום');
    const x = (t: string): number => line.find((w) => logical(w.text).replace(/[,.:()]/g, '') === t)!.x1;
    expect(x('עולם')).toBeLessThan(x('שלום'));
    expect(x('2024')).toBeLessThan(x('השנה'));
    expect(x('good')).toBeLessThan(x('morning'));
    const arabic = lineOf(words, words.find((w) => logical(w.text) === 'مرحبا')!).sort((a, b) => a.x1 - b.x1);
    expect(logical(arabic[arabic.length - 1]!.text)).toBe('مرحبا');
    expect(Math.max(...arabic.map((w) => w.x2))).toBeGreaterThan(width - MARGINS.right - 2);
  });

  it('keeps a left-to-right paragraph flush left, its Hebrew phrase reversed in place', () => {
    const line = lineOf(words, words.find((w) => w.text === 'English')!).sort((a, b) => a.x1 - b.x1);
    expect(line[0]!.text).toBe('An');
    expect(line[0]!.x1).toBeLessThan(MARGINS.left + 2);
    const x = (t: string): number => line.find((w) => logical(w.text) === t)!.x1;
    expect(x('עולם')).toBeLessThan(x('שלום'));
    expect(x('phrase')).toBeLessThan(x('עולם'));
    expect(x('שלום')).toBeLessThan(x('in'));
  });

  it('keeps an end note that quotes Hebrew left to right, after its number', () => {
    const number = words.find((w) => w.text === '1.' && w.x1 < MARGINS.left + 20)!;
    const line = lineOf(words, number).sort((a, b) => a.x1 - b.x1);
    expect(line[0]).toBe(number);
    expect(line.at(-1)!.text).toBe('note');
    expect(line.at(-1)!.x2).toBeLessThan(width / 2);
  });

  it('highlights exactly the words of the quote, on the right of the line', async () => {
    const { openWithPdfJs } = await import('./pdf-tools');
    const doc = await openWithPdfJs(bytes);
    const ann = ((await (await doc.getPage(1)).getAnnotations()) as Array<{ subtype: string; rect: number[] }>).find((a) => a.subtype === 'Highlight');
    await doc.destroy();
    const [x1, y1, x2, y2] = ann!.rect as [number, number, number, number];
    const under = words.filter((w) => (w.x1 + w.x2) / 2 > x1 && (w.x1 + w.x2) / 2 < x2 && (w.y1 + w.y2) / 2 > y1 && (w.y1 + w.y2) / 2 < y2);
    expect(under.map((w) => logical(plain(w.text))).sort()).toEqual([',', 'השנה', 'עולם'].sort());
  });

  it('writes a page render for review', () => {
    expect(saveReviewRender(bytes, 'right-to-left')).toHaveLength(1);
  });
});
