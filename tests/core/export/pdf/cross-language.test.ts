/**
 * Cross-language highlights in the PDF (issue 11): a highlight in a translation pair carries the
 * aligned sentence of the other version in its comment, labelled in the export's language; the
 * printed page text is unchanged. Read back with pdf.js.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPdf } from '../../../../src-main/core/export/pdf/index';
import { counterpartOf } from '../../../../src-main/shared/align/counterpart';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { openWithPdfJs } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');

async function highlightComments(bytes: Uint8Array): Promise<string[]> {
  const doc = await openWithPdfJs(bytes);
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const a of (await (await doc.getPage(p)).getAnnotations()) as Array<{ subtype: string; contentsObj?: { str: string } }>) {
      if (a.subtype === 'Highlight' && a.contentsObj?.str) out.push(a.contentsObj.str);
    }
  }
  await doc.destroy();
  return out;
}

describe('a highlight in a translation pair, exported to PDF', () => {
  const article = mekongArticle('pair');
  const VI = article.versions[0] as ArticleVersion;
  const withNote = highlight(article.id, VI, 'nước mặn đã lấn sâu vào các kênh rạch', 'yellow', 'Ý chính');
  const bare = highlight(article.id, VI, VI.paragraphs[1]!.text.slice(0, 30), 'green');

  it('carries the aligned English sentence in its comment, after the note', async () => {
    const expected = counterpartOf(article, withNote);
    expect(expected?.version.lang).toBe('en');
    const bytes = await exportPdf([{ article, annotations: [withNote, bare] }], { lang: 'both', layout: 'side-by-side', paper: 'a4', fontsDir: FONTS, now: NOW, labels: 'vi' });
    const comments = await highlightComments(bytes);
    // The popup is structured plain text: one line per paragraph.
    expect(comments).toContain(`Ý chính\nBản dịch (en):\n${expected!.text}`);
    // A highlight without a note still shows its translation when opened in a viewer.
    expect(comments).toContain(`Bản dịch (en):\n${counterpartOf(article, bare)!.text}`);
  });

  it('adds nothing to a single-language article', async () => {
    const single = { id: 'vi-only', versions: [VI] };
    const note = highlight(single.id, VI, 'nước mặn đã lấn sâu vào các kênh rạch', 'yellow', 'Ý chính');
    const bytes = await exportPdf([{ article: single, annotations: [note] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    expect(await highlightComments(bytes)).toEqual(['Ý chính']);
  });
});
