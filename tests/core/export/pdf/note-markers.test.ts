/**
 * Note numbers are seen, never read (issue 13, defect 2): they sit after the word (and its
 * punctuation) where a noted highlight ends, never inside it, and neither poppler nor pdf.js
 * extracts them, so the text of the PDF is the article text, word for word, in one language
 * and side by side.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { PAPER_SIZES } from '../../../../src-main/core/export/pdf/styles';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, pageContents, pdfJsItems, pdfToText, pdfToTextCrop, squash } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const article = mekongArticle('markers');
const [VI, EN] = article.versions as [ArticleVersion, ArticleVersion];
// Highlights ending mid-word ("s|ớm", "Tr|e"), before a comma, and on a list item — all with notes.
const item: PdfExportItem = {
  article,
  annotations: [
    highlight(article.id, VI, 'Mùa khô năm nay đến s', 'yellow', 'giữa chữ'),
    highlight(article.id, VI, 'đồng bằng sông Cửu Long', 'green', 'trước dấu phẩy'),
    highlight(article.id, VI, 'nuôi tôm ở những vùng', 'blue', 'danh sách'),
    highlight(article.id, EN, 'a farmer in Ben Tr', 'pink', 'mid-word'),
    highlight(article.id, EN, 'steadier incomes', 'purple', 'before a comma'),
  ],
};
const body = (v: ArticleVersion): string => squash(v.paragraphs.map((p) => p.text).join(' '));
const { width, height } = PAPER_SIZES.a4;

describe.skipIf(!HAS_PDFTOTEXT)('note markers stay out of the text', () => {
  let vi: Uint8Array;
  let both: Uint8Array;
  beforeAll(async () => {
    vi = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    both = await exportPdf([item], { lang: 'both', layout: 'side-by-side', paper: 'a4', fontsDir: FONTS, now: NOW });
  });

  it('pdftotext reads the article text exactly, with no note number in it', () => {
    expect(squash(pdfToText(vi))).toContain(body(VI));
  });

  it('pdf.js reads the article text exactly, with no note number in it', async () => {
    const items = await pdfJsItems(vi);
    expect(squash(items.map((i) => i.str).join(' '))).toContain(body(VI));
  });

  it('side by side, each column reads as its own article text in poppler and pdf.js', async () => {
    const left = squash(pdfToTextCrop(both, { x: 0, y: 0, w: width / 2, h: height }));
    const right = squash(pdfToTextCrop(both, { x: width / 2, y: 0, w: width / 2, h: height }));
    expect(left).toContain(body(VI));
    expect(right).toContain(body(EN));
    const items = await pdfJsItems(both);
    expect(squash(items.filter((i) => i.x < width / 2).map((i) => i.str).join(' '))).toContain(body(VI));
    expect(squash(items.filter((i) => i.x >= width / 2).map((i) => i.str).join(' '))).toContain(body(EN));
  });

  it('still prints the numbers, as artifacts (one per noted highlight, plus the list bullets and the page footer)', async () => {
    const artifacts = (await pageContents(vi)).join('\n').match(/\/Artifact BMC/g) ?? [];
    expect(artifacts).toHaveLength(3 + 2 + 1);
    // The end notes keep their numbers as text, in order.
    const text = squash(pdfToText(vi));
    expect(text).toMatch(/1\. “Mùa khô năm nay đến s” \(tr\. 1\) — giữa chữ 2\. “đồng bằng sông Cửu Long” \(tr\. 1\) — trước dấu phẩy 3\./);
  });
});
