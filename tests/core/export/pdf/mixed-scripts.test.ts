/**
 * Characters DejaVu Serif lacks (issue 13, defect 3): each is drawn with an installed font
 * that has it or, failing that, as a measured replacement box that still extracts as the
 * character; the layout measures exactly what is drawn, so no word overprints another and
 * highlights cover their words. Read back with pdftotext (words and their boxes) and pdf.js.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { MARGINS, PAPER_SIZES } from '../../../../src-main/core/export/pdf/styles';
import type { Article } from '../../../../src-main/shared/types';
import { highlight, version } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, pdfJsItems, pdfToText, pdfWords, saveReviewRender, squash, type WordBox } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const MIXED = [
  'Tiếng Việt có dấu: Hà Nội mùa thu. English words: autumn in Hanoi.',
  'Chinese 中文字 and then Arabic مرحبا بالعالم then Hebrew שלום עולם then emoji 😀 🌏 and the end of the line keeps going after them all.',
  'Một đoạn nữa: 漢字 ở giữa câu tiếng Việt, rồi שלום, rồi سلام, rồi 👍 và dấu chấm.',
];
const article: Article = { id: 'mixed', versions: [version('vi', 'Nhiều chữ viết', MIXED)] };
const v = article.versions[0]!;
const item: PdfExportItem = { article, annotations: [highlight(article.id, v, 'and then Arabic', 'yellow', 'sau chữ Hán')] };
// Bidi controls poppler adds around right-to-left words.
const plain = (s: string): string => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
const WORDS = MIXED.flatMap((p) => p.split(/\s+/)).map((w) => w.replace(/[.,:]$/, ''));
const { width } = PAPER_SIZES.a4;

function sameLineOverlaps(words: WordBox[]): string[] {
  const bad: string[] = [];
  for (const [i, a] of words.entries()) {
    for (const b of words.slice(i + 1)) {
      const sameLine = a.page === b.page && Math.abs((a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2) < 2;
      if (sameLine && Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5) bad.push(`${a.text} / ${b.text}`);
    }
  }
  return bad;
}

function fontsOf(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-fonts-'));
  try {
    writeFileSync(path.join(dir, 'f.pdf'), bytes);
    return execFileSync('pdffonts', [path.join(dir, 'f.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_PDFTOTEXT)('mixed scripts', () => {
  const variants: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    variants['system fonts'] = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    variants['no fallback fonts'] = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW, systemFontDirs: [] });
  });

  for (const name of ['system fonts', 'no fallback fonts']) {
    describe(name, () => {
      it('pdftotext extracts every word of every script', () => {
        const text = plain(pdfToText(variants[name]!));
        for (const w of WORDS) expect(text, w).toContain(w);
        // In order, on one line with their neighbours (a replacement box does not split the line).
        expect(squash(text)).toContain('Chinese 中文字 and then Arabic');
        expect(squash(text)).toContain('Một đoạn nữa: 漢字 ở giữa câu tiếng Việt');
      });

      it('pdf.js extracts every word, and no NUL or replacement character', async () => {
        const text = plain((await pdfJsItems(variants[name]!)).map((i) => i.str).join(' '));
        expect(text.includes('\u0000') || text.includes('\ufffd')).toBe(false);
        for (const w of WORDS) expect(text, w).toContain(w);
      });

      it('draws no word over another and keeps every word inside the margins', () => {
        const words = pdfWords(variants[name]!);
        expect(sameLineOverlaps(words)).toEqual([]);
        for (const w of words) expect(w.x2, w.text).toBeLessThanOrEqual(width - MARGINS.right + 0.5);
      });

      it('covers exactly the highlighted words after the Chinese ones', async () => {
        const { openWithPdfJs } = await import('./pdf-tools');
        const doc = await openWithPdfJs(variants[name]!);
        const ann = ((await (await doc.getPage(1)).getAnnotations()) as Array<{ subtype: string; rect: number[] }>).find((a) => a.subtype === 'Highlight');
        await doc.destroy();
        const [x1, y1, x2, y2] = ann!.rect as [number, number, number, number];
        const under = pdfWords(variants[name]!).filter((w) => (w.x1 + w.x2) / 2 > x1 && (w.x1 + w.x2) / 2 < x2 && (w.y1 + w.y2) / 2 > y1 && (w.y1 + w.y2) / 2 < y2);
        expect(under.map((w) => w.text).join(' ')).toBe('and then Arabic');
      });
    });
  }

  it('writes page renders for review', () => {
    expect(saveReviewRender(variants['system fonts']!, 'mixed-scripts')).toHaveLength(1);
    expect(saveReviewRender(variants['no fallback fonts']!, 'mixed-scripts-no-fonts')).toHaveLength(1);
  });

  it.skipIf(!existsSync('/usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf'))('uses installed Noto fonts for Hebrew and Arabic, and boxes only what no font has', () => {
    const withSystem = fontsOf(variants['system fonts']!);
    expect(withSystem).toMatch(/NotoSerifHebrew/);
    expect(withSystem).toMatch(/NotoNaskhArabic/);
    const without = fontsOf(variants['no fallback fonts']!);
    expect(without).not.toMatch(/Noto/);
    expect(without).toMatch(/Type 3/);
  });
});
