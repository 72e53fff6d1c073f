import { beforeEach, describe, expect, it } from 'vitest';
import { selectionToTextRange } from '../../../src-renderer/anchoring/selection';
import { textRangeToDomRange } from '../../../src-renderer/anchoring/textRange';
import { HIGHLIGHTS, MARKS, PARAGRAPHS, TEXT, find } from './fixture';
import { renderArticle } from './readerDom';

let root: HTMLElement;
let starts: number[];

beforeEach(() => {
  ({ root, starts } = renderArticle(PARAGRAPHS, HIGHLIGHTS, MARKS));
});

describe('textRangeToDomRange', () => {
  it('covers exactly a highlight inside one paragraph, without its note marker', () => {
    const h1 = HIGHLIGHTS[0]!;
    const range = textRangeToDomRange(root, h1.start, h1.end, starts)!;
    expect(range.toString()).toBe('hàng trăm người dân');
    expect(selectionToTextRange(root, range, starts)).toEqual({ start: h1.start, end: h1.end });
  });

  it('round-trips a cross-paragraph highlight', () => {
    const h2 = HIGHLIGHTS[1]!;
    const range = textRangeToDomRange(root, h2.start, h2.end, starts)!;
    expect((range.startContainer as Text).data.startsWith('xếp hàng')).toBe(true);
    expect(range.endContainer.parentElement!.closest('[data-paragraph]')!.getAttribute('data-paragraph')).toBe('2');
    expect(selectionToTextRange(root, range, starts)).toEqual({ start: h2.start, end: h2.end });
  });

  it('moves ends that fall in a separator onto the adjacent paragraph text', () => {
    const [, p1End] = find('thư viện.');
    const [p2Start] = find('Bà Hạnh');
    // [p1End + 1, p2Start + 2): starts inside "\n\n", so the range starts at paragraph 2.
    const range = textRangeToDomRange(root, p1End + 1, p2Start + 2, starts)!;
    expect(range.toString()).toBe('Bà');
    // Ending exactly where paragraph 2 starts ends the range at the end of paragraph 1.
    const tail = textRangeToDomRange(root, p1End - 4, p2Start, starts)!;
    expect(selectionToTextRange(root, tail, starts)).toEqual({ start: p1End - 4, end: p1End });
  });

  it('returns null for empty, inverted, separator-only and unrendered ranges', () => {
    const [, p1End] = find('thư viện.');
    expect(textRangeToDomRange(root, 5, 5, starts)).toBeNull();
    expect(textRangeToDomRange(root, 9, 5, starts)).toBeNull();
    expect(textRangeToDomRange(root, p1End, p1End + 2, starts)).toBeNull();
    root.querySelector('[data-paragraph="4"]')!.remove();
    expect(textRangeToDomRange(root, TEXT.length - 5, TEXT.length, starts)).toBeNull();
  });

  it('round-trips every non-blank range that starts and ends on whole characters', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const solid = (i: number) => /\S/u.test(TEXT[i] ?? ' ') && !/\p{M}/u.test(TEXT[i] ?? '');
    let checked = 0;
    while (checked < 300) {
      const a = Math.floor(random() * TEXT.length);
      const b = a + 1 + Math.floor(random() * 80);
      if (b > TEXT.length || !solid(a) || !solid(b - 1) || /\p{M}/u.test(TEXT[b] ?? '')) continue;
      const range = textRangeToDomRange(root, a, b, starts);
      expect(range).not.toBeNull();
      expect(selectionToTextRange(root, range!, starts)).toEqual({ start: a, end: b });
      checked++;
    }
  });
});
