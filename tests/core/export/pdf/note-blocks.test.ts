/**
 * Notes with block quotes, fenced code and tables, read back from the PDF's end notes: no
 * Markdown syntax left, one line per quoted line, code line and table row; a javascript: link
 * leaves its whole text and no link; a URL with parentheses stays one link.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../../../src-main/core/export/pdf/index';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { highlight, mekongArticle } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, openWithPdfJs, pdfToText, saveReviewRender } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');
const NOTE = [
  'Mở đầu.',
  '',
  '> Trích lời ông Tư:',
  '> mặn về sớm.',
  '',
  '```',
  'do_man = 4.2  # g/l',
  'if do_man > 4: canh_bao()',
  '```',
  '',
  '| Tỉnh | Độ mặn |',
  '|---|--:|',
  '| Bến Tre | 4 g/l |',
  '| Cà Mau | 5 g/l |',
  '',
  'Đừng bấm [vào đây](javascript:alert(1)) và xem [sông Hậu](https://vi.wikipedia.org/wiki/Sông_Hậu_(nhánh)) nữa.',
].join('\n');

type Ann = { subtype: string; url?: string; unsafeUrl?: string; contentsObj?: { str: string } };

describe.skipIf(!HAS_PDFTOTEXT)('notes with quotes, code and tables in the PDF', () => {
  const article = mekongArticle('note-blocks');
  const VI = article.versions[0] as ArticleVersion;
  let bytes: Uint8Array;
  let annotations: Ann[];
  beforeAll(async () => {
    bytes = await exportPdf([{ article, annotations: [highlight(article.id, VI, 'nước mặn đã lấn sâu vào các kênh rạch', 'yellow', NOTE)] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const doc = await openWithPdfJs(bytes);
    annotations = [];
    for (let p = 1; p <= doc.numPages; p++) annotations.push(...((await (await doc.getPage(p)).getAnnotations()) as Ann[]));
    await doc.destroy();
  });

  it('prints quotes, code lines and table rows on their own lines, with no Markdown syntax', () => {
    const text = pdfToText(bytes);
    const notes = text.slice(text.indexOf('Mở đầu.'));
    const lines = notes.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(1, 7)).toEqual(['│ Trích lời ông Tư:', '│ mặn về sớm.', 'do_man = 4.2 # g/l', 'if do_man > 4: canh_bao()', 'Tỉnh │ Độ mặn', 'Bến Tre │ 4 g/l']);
    expect(lines[7]).toBe('Cà Mau │ 5 g/l');
    expect(notes).not.toMatch(/^\s*>|```|\|---|\]\(/m);
  });

  it('keeps the whole text of a javascript: link with nothing left over, and links a URL with parentheses whole', () => {
    const text = pdfToText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Đừng bấm vào đây và xem sông Hậu nữa.');
    const links = annotations.filter((a) => a.subtype === 'Link' && (a.url || a.unsafeUrl));
    expect(links.map((l) => l.url ?? l.unsafeUrl)).toEqual(['https://vi.wikipedia.org/wiki/S%C3%B4ng_H%E1%BA%ADu_(nh%C3%A1nh)']);
  });

  it('gives the popup the same structure as plain text', () => {
    const popup = annotations.find((a) => a.subtype === 'Highlight')?.contentsObj?.str ?? '';
    expect(popup).toContain('│ Trích lời ông Tư:\n│ mặn về sớm.\ndo_man = 4.2  # g/l\nif do_man > 4: canh_bao()\nTỉnh │ Độ mặn\nBến Tre │ 4 g/l\nCà Mau │ 5 g/l\n');
    expect(popup).toContain('Đừng bấm vào đây và xem sông Hậu (https://vi.wikipedia.org/wiki/S%C3%B4ng_H%E1%BA%ADu_(nh%C3%A1nh)) nữa.');
    expect(popup).not.toContain('javascript');
  });

  it('writes a page render for review', () => {
    expect(saveReviewRender(bytes, 'note-blocks')).toHaveLength(1);
  });
});
