/**
 * Highlights are annotations only (issue 13, defects 1 and 5): the page content carries no
 * highlight paint, every /Highlight has its own multiply appearance and the print flag, and
 * "print without comments" (poppler's -hide-annotations) shows no highlight at all. The
 * "flatten highlights" option does the opposite. Read back with pdf-lib's parser and poppler.
 */
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream, PDFArray } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { blendHighlights, contrastRatio } from '../../../../src-main/core/export/pdf/highlight-blend';
import { exportPdf, type PdfExportItem } from '../../../../src-main/core/export/pdf/index';
import { KIND_STYLES, TRANSLATION_COLOR, type Rgb } from '../../../../src-main/core/export/pdf/styles';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, pageContents, renderRgb, saveReviewRender, yellowGreenPixels } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const article = mekongArticle('overlaps');
const VI = article.versions[0] as ArticleVersion;
// Three highlights stacked on "nước mặn đã lấn sâu", plus a separate one.
const item: PdfExportItem = {
  article,
  annotations: [
    highlight(article.id, VI, 'Long, nước mặn đã lấn sâu vào các kênh rạch', 'yellow', 'một'),
    highlight(article.id, VI, 'nước mặn đã lấn sâu', 'green', 'hai'),
    highlight(article.id, VI, 'mặn đã lấn sâu vào', 'blue'),
    highlight(article.id, VI, 'vườn sầu riêng', 'yellow'),
  ],
};

/** A path-filling operator (PDF 32000-1 Table 60) standing alone in a content stream. */
const FILL = /(?:^|\s)(?:f\*?|F|B\*?|b\*?)(?=\s|$)/m;

const withoutArtifacts = (content: string): string => content.replace(/\/Artifact BMC[\s\S]*?\bEMC\b/g, '');

async function highlightDicts(bytes: Uint8Array): Promise<PDFDict[]> {
  const doc = await PDFDocument.load(bytes);
  return doc
    .getPages()
    .flatMap((p) => (p.node.Annots()?.asArray() ?? []).map((ref) => doc.context.lookup(ref, PDFDict)))
    .filter((d) => d.get(PDFName.of('Subtype')) === PDFName.of('Highlight'));
}

const gsOf = (d: PDFDict): PDFDict =>
  d.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'), PDFStream).dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('ExtGState'), PDFDict).lookup(PDFName.of('G0'), PDFDict);

describe.skipIf(!HAS_PDFTOTEXT)('highlights as annotations only', () => {
  let annotated: Uint8Array;
  let flattened: Uint8Array;
  beforeAll(async () => {
    annotated = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    flattened = await exportPdf([item], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW, flattenHighlights: true });
  });

  it('writes each highlight with an appearance stream (multiply, light), the print flag, and no fill in the page', async () => {
    const dicts = await highlightDicts(annotated);
    expect(dicts).toHaveLength(4);
    for (const d of dicts) {
      expect(d.lookup(PDFName.of('F'), PDFNumber).asNumber()).toBe(4);
      const gs = gsOf(d);
      expect(gs.get(PDFName.of('BM'))).toBe(PDFName.of('Multiply'));
      expect(gs.lookup(PDFName.of('ca'), PDFNumber).asNumber()).toBeLessThanOrEqual(0.5);
    }
    const contents = await pageContents(annotated);
    // No path is filled in the page outside artifacts (note numbers and bullets are drawn as outlines).
    for (const c of contents) expect(withoutArtifacts(c)).not.toMatch(FILL);
  });

  it('shows nothing when printed without comments, and the highlight colour with them', () => {
    expect(yellowGreenPixels(renderRgb(annotated, 1, 50, true))).toBe(0);
    expect(yellowGreenPixels(renderRgb(annotated, 1, 50, false))).toBeGreaterThan(200);
  });

  it('writes page renders for review (annotated, flattened)', () => {
    expect(saveReviewRender(annotated, 'highlight-overlaps')).toHaveLength(1);
    expect(saveReviewRender(flattened, 'highlight-overlaps-flattened')).toHaveLength(1);
  });

  it('flattens highlights into the page when asked: painted fills, no highlight annotations', async () => {
    expect(await highlightDicts(flattened)).toHaveLength(0);
    const [first] = await pageContents(flattened);
    expect(withoutArtifacts(first ?? '')).toMatch(FILL);
    expect(yellowGreenPixels(renderRgb(flattened, 1, 50, true))).toBeGreaterThan(200);
  });

  it('keeps text at ≥ 4.5:1 under the three overlapping highlights, computed from the colours and opacity in the file', async () => {
    const dicts = (await highlightDicts(annotated)).slice(0, 3);
    const layers = dicts.map((d) => ({
      color: d.lookup(PDFName.of('C'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as unknown as Rgb,
      alpha: gsOf(d).lookup(PDFName.of('ca'), PDFNumber).asNumber(),
    }));
    const paper = layers.reduce<Rgb>((under, l) => blendHighlights([l.color], l.alpha, under), [1, 1, 1]);
    for (const text of [KIND_STYLES.paragraph.color, KIND_STYLES.caption.color, TRANSLATION_COLOR]) expect(contrastRatio(text, paper)).toBeGreaterThanOrEqual(4.5);
  });
});
