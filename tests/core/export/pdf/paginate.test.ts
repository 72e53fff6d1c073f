import { describe, expect, it } from 'vitest';
import { buildArticleModel } from '../../../../src-main/core/export/pdf/document-model';
import type { PageLayout } from '../../../../src-main/core/export/pdf/geometry';
import { paginate } from '../../../../src-main/core/export/pdf/paginate';
import { MARGINS, PAPER_SIZES } from '../../../../src-main/core/export/pdf/styles';
import { articleText } from '../../../../src-main/shared/text';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, longArticle, mekongArticle, numberedArticle, version } from '../../../fixtures/export-pdf/articles';
import { realMeasurer as m } from './real-measurer';

const bodyTexts = (p: PageLayout) => p.texts.filter((t) => t.size > 9 && t.y > MARGINS.bottom);

describe('paginate', () => {
  it('keeps every line inside the text block of the page', () => {
    const layout = paginate(m, [buildArticleModel({ article: longArticle('a', 4), annotations: [] }, 'vi')], { paper: 'letter' });
    const { width, height } = PAPER_SIZES.letter;
    expect(layout.pages.length).toBeGreaterThanOrEqual(4);
    for (const page of layout.pages) {
      for (const t of bodyTexts(page)) {
        expect(t.x).toBeGreaterThanOrEqual(MARGINS.left - 20); // bullets hang in the indent, never in the margin
        expect(t.x + m.width(t.text, t.font, t.size)).toBeLessThanOrEqual(width - MARGINS.right + 1e-6);
        expect(t.y).toBeLessThan(height - MARGINS.top);
        expect(t.y).toBeGreaterThan(MARGINS.bottom - 5);
      }
    }
  });

  it('splits a highlight crossing a page break into boxes on both pages, one box per line', () => {
    const article = numberedArticle('b', 30);
    const v = article.versions[0] as ArticleVersion;
    const text = articleText(v.paragraphs);
    const plain = paginate(m, [buildArticleModel({ article, annotations: [] }, 'vi')], { paper: 'a4' });
    // The last body line of page 1, then highlight from its middle to 40 characters further.
    const last = bodyTexts(plain.pages[0] as PageLayout).sort((a, b) => a.y - b.y)[0];
    const at = text.indexOf(last?.text ?? '@@') + Math.floor((last?.text.length ?? 0) / 2);
    const start = text.indexOf(' ', at) + 1;
    const end = text.indexOf(' ', start + 40);
    const a = highlight(article.id, v, text.slice(start, end), 'yellow');
    const layout = paginate(m, [buildArticleModel({ article, annotations: [a] }, 'vi')], { paper: 'a4' });
    const onPages = layout.pages.map((p) => p.highlights.filter((h) => h.annotationId === a.id));
    expect(onPages[0]).toHaveLength(1);
    expect(onPages[1]).toHaveLength(1);
    expect(onPages[0]?.[0]?.boxes).toHaveLength(1);
    expect(onPages[1]?.[0]?.boxes.length).toBeGreaterThanOrEqual(1);
    const top = onPages[1]?.[0]?.boxes[0];
    expect(top?.y2).toBeGreaterThan(PAPER_SIZES.a4.height - MARGINS.top - 20);
  });

  it('starts the two columns of each bead level and every article on a new page', () => {
    const layout = paginate(m, [buildArticleModel({ article: mekongArticle(), annotations: [] }, 'both'), buildArticleModel({ article: mekongArticle('m2'), annotations: [] }, 'en')], { paper: 'a4' });
    const first = layout.pages[0] as PageLayout;
    const y = (s: string) => first.texts.find((t) => t.text.startsWith(s))?.y;
    expect(y('Những cánh đồng')).toBeCloseTo(y('Fields without') as number, 6);
    expect(layout.outline.map((o) => o.page)).toEqual([0, layout.pages.length - 1]);
  });

  it('avoids orphans and widows: no page ends with a lone first line or starts with a lone last line', () => {
    const layout = paginate(m, [buildArticleModel({ article: longArticle('c', 6), annotations: [] }, 'vi')], { paper: 'a4' });
    const v = longArticle('c', 6).versions[0] as ArticleVersion;
    const paras = v.paragraphs.map((p) => p.text);
    layout.pages.forEach((page, i) => {
      const lines = bodyTexts(page).sort((a, b) => b.y - a.y);
      const lastLine = lines[lines.length - 1]?.text ?? '';
      const firstLine = lines[0]?.text ?? '';
      if (i < layout.pages.length - 1) {
        // A paragraph starting on the last line must also end there.
        const startsHere = paras.find((p) => p.startsWith(lastLine));
        if (startsHere) expect(startsHere).toBe(lastLine);
      }
      if (i > 0) {
        const endsHere = paras.find((p) => p.endsWith(firstLine));
        if (endsHere) expect(endsHere).toBe(firstLine);
      }
    });
  });
});

describe('keep-with-next in bilingual layouts', () => {
  /** A bilingual article: `lead` filler paragraphs, then chapters of a heading and two paragraphs. */
  function chapters(lead: number) {
    const filler = (i: number, lang: 'vi' | 'en') => (lang === 'vi' ? `Đoạn mở đầu số ${i}: nước mặn lấn sâu vào kênh rạch, nông dân bơm nước ngọt dự trữ.` : `Opening paragraph ${i}: salt water moves up the canals and farmers store fresh water.`).repeat(1 + (i % 3));
    const paras = (lang: 'vi' | 'en'): Array<[ 'heading' | 'paragraph', string ]> => {
      const out: Array<['heading' | 'paragraph', string]> = [];
      for (let i = 0; i < lead; i++) out.push(['paragraph', filler(i, lang)]);
      for (let c = 1; c <= 8; c++) {
        out.push(['heading', lang === 'vi' ? `Chương ${c}` : `Chapter ${c}`]);
        out.push(['paragraph', filler(c + 1, lang)], ['paragraph', filler(c + 2, lang)]);
      }
      return out;
    };
    return { id: `ch-${lead}`, versions: [version('vi', 'Chương và đoạn', paras('vi')), version('en', 'Chapters and paragraphs', paras('en'))] };
  }

  /** Heading lines that are the last body line of their page (column). */
  function strandedHeadings(pages: readonly PageLayout[]): string[] {
    const stranded: string[] = [];
    for (const [i, page] of pages.entries()) {
      const body = page.texts.filter((t) => !t.artifact);
      for (const column of [(x: number) => x < page.width / 2, (x: number) => x >= page.width / 2]) {
        const col = body.filter((t) => column(t.x));
        const lowest = Math.min(...col.map((t) => t.y));
        const last = col.filter((t) => Math.abs(t.y - lowest) < 0.01);
        if (last.length > 0 && last.every((t) => /^(Chương|Chapter) \d+$/.test(t.text))) stranded.push(`p.${i + 1}: ${last.map((t) => t.text).join(' ')}`);
      }
    }
    return stranded;
  }

  for (const layoutName of ['side-by-side', 'interleaved'] as const) {
    it(`never leaves a heading at the foot of a page (${layoutName})`, () => {
      const stranded: string[] = [];
      for (let lead = 0; lead < 12; lead++) {
        const model = buildArticleModel({ article: chapters(lead), annotations: [] }, 'both', layoutName);
        stranded.push(...strandedHeadings(paginate(m, [model], { paper: 'a4' }).pages).map((s) => `lead ${lead} ${s}`));
      }
      expect(stranded).toEqual([]);
    });
  }
});
