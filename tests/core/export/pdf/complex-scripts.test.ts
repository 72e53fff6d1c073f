/**
 * Complex scripts (issue 13): Hindi and Bengali conjuncts and reordered vowel signs, Thai
 * stacked marks, Arabic with harakat and pointed Hebrew are shaped with HarfBuzz and drawn by
 * glyph id, next to Vietnamese and English lines that keep the plain path. Read back with
 * poppler (pdftotext, raw and layout) and pdf.js: what is extracted is what was written.
 *
 * Known limits of the readers with right-to-left marks (the file is the same for both): poppler
 * treats a combining mark as a left-to-right character when it reorders a line, so it cannot
 * give Arabic harakat or Hebrew points back in place (it could not before shaping either); pdf.js
 * reads a mark that ends an Arabic word before the word. Their letters and marks are all there,
 * in logical order, which is what these tests check for those two lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFRawStream } from 'pdf-lib';
import { systemFallbacks } from '../../../../src-main/core/export/pdf/font-fallback';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { fontkit } from '../../../../src-main/core/export/pdf/pdf-runtime';
import type { Article } from '../../../../src-main/shared/types';
import { highlight, version } from '../../../fixtures/export-pdf/articles';
import { buildArticleModel } from '../../../../src-main/core/export/pdf/document-model';
import { FONT_FILES } from '../../../../src-main/core/export/pdf/fonts';
import { fontkitMeasurer, parseFont } from '../../../../src-main/core/export/pdf/measure';
import { paginate } from '../../../../src-main/core/export/pdf/paginate';
import { loadShaper } from '../../../../src-main/core/export/pdf/shaper';
import { fontBytes } from './real-measurer';
import { HAS_PDFTOTEXT, NO_POPPLER, openWithPdfJs, pdfJsItems, pdfToText, pdfWords, saveReviewRender } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
// Written for this test: one short line per script.
const LINES = {
  vi: 'Tiếng Việt: sáng nay trời trong và gió nhẹ.',
  en: 'English: the river is calm this morning.',
  hi: 'हिन्दी: विद्यार्थी पुस्तक पढ़ते हैं, क्षेत्र बड़ा है।',
  bn: 'বাংলা: ছাত্ররা বই পড়ে, কোথায় যাবে?',
  th: 'ภาษาไทย: น้ำใจดีที่นี่',
  ar: 'العربية: كَتَبَ الوَلَدُ دَرْسَهُ',
  he: 'עברית: שָׁלוֹם לְכֻלָּם',
} as const;
type Script = keyof typeof LINES;
const SAMPLE: Record<Script, string> = { vi: 'ệ', en: 'e', hi: 'क्ष', bn: 'কো', th: 'น้ำ', ar: 'كَ', he: 'שָׁ' };

/** The installed face the export falls back to for `sample`, or null (DejaVu Serif covers Latin). */
function installedFace(sample: string): string | null {
  for (const face of systemFallbacks().candidates(sample, 'regular')) {
    if ([...sample].every((ch) => face.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))) return face.id;
  }
  return null;
}
const FACE: Record<Script, string | null> = Object.fromEntries(
  (Object.keys(LINES) as Script[]).map((s) => [s, s === 'vi' || s === 'en' ? 'DejaVuSerif' : installedFace(SAMPLE[s])]),
) as Record<Script, string | null>;
const missing = (s: Script): string => (FACE[s] ? '' : ` (skipped: no installed font has ${s} letters; install fonts-noto-core)`);
const LTR: Script[] = ['vi', 'en', 'hi', 'bn', 'th'];
const RTL: Script[] = ['ar', 'he'];
const MARKS = /\p{Mn}/gu;
const letters = (s: string): string => s.replace(MARKS, '').replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const marks = (s: string): string => [...(s.match(MARKS) ?? [])].sort().join('');

const article: Article = { id: 'scripts', versions: [version('vi', 'Chữ viết', Object.values(LINES))] };
const v = article.versions[0]!;
const item: PdfExportItem = { article, annotations: [highlight(article.id, v, 'विद्यार्थी', 'yellow', 'học sinh')] };

/** Text of each pdf.js line (items on one baseline, in content order). */
async function pdfJsLines(bytes: Uint8Array): Promise<string[]> {
  const lines = new Map<number, string>();
  for (const it of await pdfJsItems(bytes)) lines.set(Math.round(it.y), (lines.get(Math.round(it.y)) ?? '') + it.str);
  return [...lines.values()];
}

describe.skipIf(!HAS_PDFTOTEXT)(`complex scripts${HAS_PDFTOTEXT ? '' : ` — ${NO_POPPLER}`}`, () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
  });

  for (const s of LTR) {
    it.skipIf(!FACE[s])(`pdftotext (layout and raw) and pdf.js extract the ${s} line exactly${missing(s)}`, async () => {
      const layout = pdfToText(bytes, 1).split('\n').map((l) => l.trim());
      const raw = pdfToText(bytes, 1, true).split('\n').map((l) => l.trim());
      expect(layout).toContain(LINES[s]);
      expect(raw).toContain(LINES[s]);
      expect(await pdfJsLines(bytes)).toContain(LINES[s]);
    });
  }

  for (const s of RTL) {
    it.skipIf(!FACE[s])(`keeps every letter and mark of the ${s} line, letters in logical order${missing(s)}`, async () => {
      const line = (await pdfJsLines(bytes)).find((l) => letters(l).includes(letters(LINES[s]).slice(0, 4)));
      expect(letters(line ?? '')).toBe(letters(LINES[s]));
      expect(marks(line ?? '')).toBe(marks(LINES[s]));
      const layout = letters(pdfToText(bytes, 1));
      for (const word of LINES[s].split(' ')) expect(layout).toContain(letters(word).replace(':', ''));
    });
  }

  it.skipIf(!FACE.he)(`pdf.js reads pointed Hebrew exactly${missing('he')}`, async () => {
    const lines = (await pdfJsLines(bytes)).map((l) => l.replace(/\s/g, ''));
    expect(lines).toContain(LINES.he.replace(/\s/g, ''));
  });

  it.skipIf(!FACE.hi)(`puts the highlight over the Hindi word it marks${missing('hi')}`, async () => {
    const doc = await openWithPdfJs(bytes);
    const ann = ((await (await doc.getPage(1)).getAnnotations()) as Array<{ subtype: string; rect: number[] }>).find((a) => a.subtype === 'Highlight');
    await doc.destroy();
    const [x1, y1, x2, y2] = ann!.rect as [number, number, number, number];
    const word = pdfWords(bytes).find((w) => w.text === 'विद्यार्थी');
    expect(word).toBeDefined();
    // The box spans the word's glyphs as drawn (shaped widths), within a point at each end.
    expect(Math.abs(x1 - word!.x1)).toBeLessThan(1);
    expect(Math.abs(x2 - word!.x2)).toBeLessThan(1);
    const under = pdfWords(bytes).filter((w) => (w.x1 + w.x2) / 2 > x1 && (w.x1 + w.x2) / 2 < x2 && (w.y1 + w.y2) / 2 > y1 && (w.y1 + w.y2) / 2 < y2);
    expect(under.map((w) => w.text)).toEqual(['विद्यार्थी']);
  });

  it.skipIf(!FACE.hi)(`draws the conjunct क्ष as one shaped glyph, not the glyphs a cmap lookup gives${missing('hi')}`, async () => {
    const face = await embeddedFace(bytes, 'Devanagari');
    const source = [...systemFallbacks().candidates('क्ष', 'regular')].find((f) => f.id === FACE.hi)!.font;
    const unshaped = source.glyphsForString('क्ष').map((g) => outline(g));
    // The code that extracts as "क" where क्ष is written: its glyph is none of क, ् or ष.
    const drawn = face.codes.filter((c) => c.text === 'क').map((c) => outline(face.font.getGlyph(c.gid)));
    expect(unshaped).toHaveLength(3);
    expect(drawn.some((d) => d !== '' && !unshaped.includes(d))).toBe(true);
    // Its other characters are carried by codes of their own, so the word still extracts letter by letter.
    for (const ch of ['्', 'ष']) expect(face.codes.some((c) => c.text === ch)).toBe(true);
  });

  it.skipIf(!FACE.ar)(`sets an Arabic running header right to left: its first word rightmost${missing('ar')}`, async () => {
    const fonts = { regular: parseFont(fontBytes(FONT_FILES.regular)), bold: parseFont(fontBytes(FONT_FILES.bold)), italic: parseFont(fontBytes(FONT_FILES.italic)) };
    const m = fontkitMeasurer(fonts, systemFallbacks(), await loadShaper());
    const long: Article = { id: 'long-ar', versions: [version('vi', 'كَتَبَ الوَلَدُ', Array.from({ length: 60 }, (_, i) => `${i}. ${LINES.vi}`))] };
    const layout = paginate(m, [buildArticleModel({ article: long, annotations: [] }, 'vi')], { paper: 'a4' });
    const header = layout.pages[1]!.texts.filter((t) => t.artifact && t.y > layout.pages[1]!.height - 60);
    const x = (word: string): number => header.find((t) => t.text === word)!.x;
    expect(x('كَتَبَ')).toBeGreaterThan(x('الوَلَدُ'));
  });

  it('gives identical bytes for identical input (codes are numbered in drawing order, subset tags hashed)', async () => {
    const again = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('leaves Vietnamese, English and CJK on the plain path: no shaped font is written', async () => {
    const plain: Article = { id: 'plain', versions: [version('vi', 'Chữ', [LINES.vi, LINES.en, 'Chinese 中文字 and Japanese ひらがな.'])] };
    const out = await exportPdf([{ article: plain, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const { PDFDocument, PDFName } = await import('pdf-lib');
    const fontsOf = async (b: Uint8Array): Promise<string> => (await PDFDocument.load(b)).getPages()[0]!.node.Resources()!.get(PDFName.of('Font'))?.toString() ?? '';
    expect(await fontsOf(out)).toMatch(/DejaVuSerif/);
    expect(await fontsOf(out)).not.toMatch(/FolioShaped/);
    expect(await fontsOf(bytes)).toMatch(/FolioShaped/);
    expect(Buffer.from(await exportPdf([{ article: plain, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW })).equals(Buffer.from(out))).toBe(true);
  });

  it.skipIf(!FACE.hi)(`sets a Hindi running header in the Devanagari face, shaped, as an artifact${missing('hi')}`, async () => {
    const fonts = { regular: parseFont(fontBytes(FONT_FILES.regular)), bold: parseFont(fontBytes(FONT_FILES.bold)), italic: parseFont(fontBytes(FONT_FILES.italic)) };
    const m = fontkitMeasurer(fonts, systemFallbacks(), await loadShaper());
    const long: Article = { id: 'long', versions: [version('vi', 'क्षेत्र और विद्यार्थी', Array.from({ length: 60 }, (_, i) => `${i}. ${LINES.vi}`))] };
    const layout = paginate(m, [buildArticleModel({ article: long, annotations: [] }, 'vi')], { paper: 'a4' });
    const header = layout.pages[1]!.texts.filter((t) => t.artifact && t.y > layout.pages[1]!.height - 60);
    expect(header.map((t) => t.text).join('')).toBe('क्षेत्र और विद्यार्थी');
    const deva = header.filter((t) => t.face === FACE.hi?.replace('Regular', 'Italic') || t.face === FACE.hi);
    expect(deva.length).toBeGreaterThan(0);
    expect(deva.every((t) => (t.glyphs?.length ?? 0) > 0)).toBe(true);
  });

  const ETHIOPIC = installedFace('ሰላም');
  it.skipIf(!ETHIOPIC)(`sets a running header the italic face lacks in the fallback face, and characters no font has as boxes${ETHIOPIC ? '' : ' (skipped: no installed Ethiopic font; install fonts-noto-core)'}`, async () => {
    const fonts = { regular: parseFont(fontBytes(FONT_FILES.regular)), bold: parseFont(fontBytes(FONT_FILES.bold)), italic: parseFont(fontBytes(FONT_FILES.italic)) };
    const m = fontkitMeasurer(fonts, systemFallbacks(), await loadShaper());
    // Ethiopic needs no shaping, so only the face choice decides whether it is drawn or .notdef;
    // U+0378 is unassigned, so no font has it.
    const title = 'Tin ngắn ሰላም ዓለም \u0378';
    const long: Article = { id: 'long-et', versions: [version('vi', title, Array.from({ length: 60 }, (_, i) => `${i}. ${LINES.vi}`))] };
    const layout = paginate(m, [buildArticleModel({ article: long, annotations: [] }, 'vi')], { paper: 'a4' });
    const header = layout.pages[1]!.texts.filter((t) => t.artifact && t.y > layout.pages[1]!.height - 60);
    expect(header.map((t) => t.text).join('')).toBe(title);
    expect(header.find((t) => t.text.includes('ሰላም'))?.face).toMatch(/Ethiopic/);
    expect(header.find((t) => t.text.includes('\u0378'))?.face).toBe('replacement');
    expect(header.find((t) => t.text.includes('Tin ngắn'))?.face ?? 'italic').toBe('italic');
    // In the file, the boxes are drawn in the replacement font on page 2, inside an artifact.
    const pdf = await exportPdf([{ article: long, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
    const doc = await PDFDocument.load(pdf);
    const names = [...doc.getPages()[1]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).keys()].map((k) => k.toString());
    expect(names.some((n) => n.startsWith('/FolioBox'))).toBe(true);
  });

  it('passes qpdf --check (the embedded CID fonts, CIDToGIDMap and ToUnicode streams included)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-qpdf-'));
    try {
      writeFileSync(path.join(dir, 'a.pdf'), bytes);
      expect(execFileSync('qpdf', ['--check', path.join(dir, 'a.pdf')], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a page render for review (110 dpi)', () => {
    expect(saveReviewRender(bytes, 'complex-scripts', 1, 110)).toHaveLength(1);
  });
});

const outline = (g: { path: { toSVG(): string } }): string => g.path.toSVG();

/** The embedded shaped face whose name contains `name`: its font program and its codes' text. */
async function embeddedFace(bytes: Uint8Array, name: string): Promise<{ font: Font; codes: Array<{ gid: number; text: string }> }> {
  const { PDFDocument, PDFDict, PDFName, PDFArray, decodePDFRawStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes);
  const decode = (s: unknown): Uint8Array => decodePDFRawStream(s as PDFRawStream).decode();
  for (const [, ref] of doc.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).entries()) {
    const font = doc.context.lookup(ref, PDFDict);
    if (!font.get(PDFName.of('BaseFont'))?.toString().includes(name)) continue;
    const cid = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const program = decode(cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2')));
    const map = decode(cid.lookup(PDFName.of('CIDToGIDMap')));
    const cmap = Buffer.from(decode(font.lookup(PDFName.of('ToUnicode')))).toString('latin1').split('endcodespacerange')[1] ?? '';
    const codes = [...cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]*)>/g)].map((m) => {
      const code = parseInt(m[1]!, 16);
      const units = (m[2]!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
      return { gid: ((map[code * 2] ?? 0) << 8) | (map[code * 2 + 1] ?? 0), text: String.fromCharCode(...units) };
    });
    return { font: fontkit.create(program), codes };
  }
  throw new Error(`no embedded font named like ${name}`);
}
