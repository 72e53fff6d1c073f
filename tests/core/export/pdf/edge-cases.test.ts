/**
 * Labels, language and edge cases of the export (issue 13, defects 7 and 8): an English export
 * says "Notes" and is tagged /Lang en; keywords are "; "-separated; an empty article exports a
 * page titled with its title saying it is empty; the last end note never stands alone.
 */
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildArticleModel } from '../../../../src-main/core/export/pdf/document-model';
import { exportPdf } from '../../../../src-main/core/export/pdf/index';
import { paginate } from '../../../../src-main/core/export/pdf/paginate';
import { HEADER_STYLES } from '../../../../src-main/core/export/pdf/styles';
import { articleText } from '../../../../src-main/shared/text';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, mekongArticle, numberedArticle, version } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, openWithPdfJs, pdfToText, squash } from './pdf-tools';
import { realMeasurer } from './real-measurer';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');

async function catalogLang(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const lang = doc.catalog.get(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : String(lang);
}

describe.skipIf(!HAS_PDFTOTEXT)('labels and language', () => {
  const article = mekongArticle('labels');
  const EN = article.versions[1] as ArticleVersion;
  const VI = article.versions[0] as ArticleVersion;
  const annotations = [highlight(article.id, EN, 'steadier incomes', 'yellow', 'Source?'), highlight(article.id, VI, 'sầu riêng', 'green', 'Nguồn?')];

  it('labels an English export in English and tags it /Lang en; a Vietnamese one in Vietnamese, /Lang vi', async () => {
    const en = await exportPdf([{ article, annotations }], { lang: 'en', paper: 'a4', fontsDir: FONTS, now: NOW });
    const vi = await exportPdf([{ article, annotations }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    expect(pdfToText(en)).toMatch(/\nNotes\n/);
    expect(pdfToText(en)).not.toContain('Ghi chú');
    expect(await catalogLang(en)).toBe('en');
    expect(pdfToText(vi)).toMatch(/\nGhi chú\n/);
    expect(await catalogLang(vi)).toBe('vi');
  });

  it('joins keywords with "; " so multi-word tags stay whole', async () => {
    const bytes = await exportPdf([{ article, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const doc = await openWithPdfJs(bytes);
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    await doc.destroy();
    expect(info.Keywords).toBe('mekong; nông nghiệp');
  });
});

describe.skipIf(!HAS_PDFTOTEXT)('empty articles', () => {
  it('exports a page titled with the article title that says it is empty, never the internal id', async () => {
    const empty = { id: 'f3a9c2e1d4b5', versions: [version('vi', 'Bài viết trống', [])] };
    const bytes = await exportPdf([{ article: empty, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const text = squash(pdfToText(bytes));
    expect(text).toContain('Bài viết trống');
    expect(text).toContain('Bài này không có nội dung.');
    expect(text).not.toContain('f3a9c2e1d4b5');
    const doc = await openWithPdfJs(bytes);
    expect(((await doc.getMetadata()).info as Record<string, unknown>).Title).toBe('Bài viết trống');
    await doc.destroy();
  });

  it('uses the file name when the article has no title, and a generic title when it has no version', async () => {
    const untitled = { id: 'abc123', versions: [version('en', '', [], { path: 'notes/river-trip.md' })] };
    const none = { id: 'def456', versions: [] };
    const bytes = await exportPdf([{ article: untitled, annotations: [] }, { article: none, annotations: [] }], { lang: 'en', paper: 'a4', fontsDir: FONTS, now: NOW });
    const text = squash(pdfToText(bytes));
    expect(text).toContain('river-trip');
    expect(text).toContain('Untitled article');
    expect(text).not.toMatch(/abc123|def456/);
  });
});

describe('the last end note', () => {
  it('never stands alone at the top of a page', () => {
    const bullets = /^\d+\.$/;
    let checked = 0;
    let crossed = 0;
    for (let run = 0; run < 40; run++) {
      const paragraphs = 7 + (run % 2) * 4;
      const article = numberedArticle(`n${run}`, paragraphs);
      const v = article.versions[0] as ArticleVersion;
      const text = articleText(v.paragraphs);
      // One noted highlight per paragraph, one short line each: the notes section crosses a page break at some length.
      // The first note grows run by run, pushing the others down a line at a time.
      const annotations = v.paragraphs.map((p, k) => {
        const quote = p.text.split(' ').slice(2, 5).join(' ');
        const note = k === 0 ? 'Ghi chú dài dần. '.repeat(1 + Math.floor(run / 2) * 3) : 'Ngắn.';
        return highlight(article.id, v, quote, 'yellow', note, text.slice(0, text.indexOf(quote)).split(quote).length - 1);
      });
      const layout = paginate(realMeasurer, [buildArticleModel({ article, annotations }, 'vi')], { paper: 'a4' });
      const numbers = layout.pages.flatMap((page, i) => page.texts.filter((t) => bullets.test(t.text) && t.size === HEADER_STYLES.endNote.size).map((t) => ({ n: t.text, page: i })));
      const last = numbers.at(-1);
      const before = numbers.at(-2);
      if (!last || !before) continue;
      checked++;
      if (numbers[0] && numbers[0].page !== last.page) crossed++;
      expect(last.page, `run ${run}`).toBe(before.page);
    }
    expect(checked).toBeGreaterThan(5);
    expect(crossed).toBeGreaterThan(0);
  });
});
