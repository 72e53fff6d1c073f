import { describe, expect, it } from 'vitest';
import { CODE_COLOR, noteToPlainText, noteToRichText } from '../../../../src-main/core/export/pdf/note-markdown';

const NOTE = '**Ý chính**: nước *mặn* vào sâu, xem `báo cáo` và [Ủy hội](https://www.mrcmekong.org/).\n\n- một\n- hai\n\n1. đầu\n2. sau';

describe('notes as rich text', () => {
  it('renders bold, italics, code and links as ranges, with no Markdown syntax left', () => {
    const r = noteToRichText(NOTE);
    expect(r.text).toBe('Ý chính: nước mặn vào sâu, xem báo cáo và Ủy hội.\n• một\n• hai\n1. đầu\n2. sau');
    const at = (s: string) => r.text.indexOf(s);
    expect(r.styles).toContainEqual({ start: at('Ý chính'), end: at('Ý chính') + 7, font: 'bold' });
    expect(r.styles).toContainEqual({ start: at('mặn'), end: at('mặn') + 3, font: 'italic' });
    expect(r.styles).toContainEqual({ start: at('báo cáo'), end: at('báo cáo') + 7, font: 'regular', color: CODE_COLOR });
    expect(r.links).toEqual([{ start: at('Ủy hội'), end: at('Ủy hội') + 6, uri: 'https://www.mrcmekong.org/' }]);
  });

  it('keeps only web and mail links, and prints raw HTML as text', () => {
    const r = noteToRichText('[x](javascript:alert(1)) <b>y</b>');
    expect(r.links).toEqual([]);
    expect(r.text).toContain('<b>y</b>');
  });

  it('gives popups plain text that keeps the structure and the link targets', () => {
    expect(noteToPlainText(NOTE)).toBe('Ý chính: nước mặn vào sâu, xem báo cáo và Ủy hội (https://www.mrcmekong.org/).\n• một\n• hai\n1. đầu\n2. sau');
    expect(noteToPlainText('Sớm hơn năm 2016.')).toBe('Sớm hơn năm 2016.');
  });
});
