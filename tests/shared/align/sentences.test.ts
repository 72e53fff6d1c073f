import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../../src-main/shared/align/sentences';

const cut = (text: string, lang?: string) => sentenceSpans(text, lang).map(([s, e]) => text.slice(s, e));

describe('sentenceSpans', () => {
  it('splits Vietnamese and English paragraphs at sentence ends, without the spaces between', () => {
    expect(cut('Trời chưa sáng hẳn, bến sông đã đông người. Ghe chở dưa cập bờ trước tiên!  Ai gọi?', 'vi')).toEqual([
      'Trời chưa sáng hẳn, bến sông đã đông người.',
      'Ghe chở dưa cập bờ trước tiên!',
      'Ai gọi?',
    ]);
    expect(cut('The landing is crowded. Boats dock first! Calls echo.', 'en')).toEqual(['The landing is crowded.', 'Boats dock first!', 'Calls echo.']);
  });

  it('keeps decimals, and a text without a full stop is one sentence', () => {
    expect(cut('Giá lúa tăng 1.5 lần trong năm 2023. Nông dân vui.', 'vi')).toEqual(['Giá lúa tăng 1.5 lần trong năm 2023.', 'Nông dân vui.']);
    expect(cut('  một câu không có dấu chấm  ', 'vi')).toEqual(['một câu không có dấu chấm']);
  });

  it('gives offsets into the original text (combining marks included) and nothing for blank text', () => {
    const decomposed = 'Hoa\u0300 bi\u0300nh. Xong.';
    const spans = sentenceSpans(decomposed, 'vi');
    expect(spans).toEqual([[0, 11], [12, 17]]);
    expect(decomposed.slice(0, 11)).toBe('Hoa\u0300 bi\u0300nh.');
    expect(sentenceSpans('   ')).toEqual([]);
  });
});
