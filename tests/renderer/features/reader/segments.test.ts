import { describe, expect, it } from 'vitest';
import { segmentParagraph, type PlacedHighlight, type Segment } from '../../../../src-renderer/features/reader/segments';
import { articleText, paragraphOffsets } from '../../../../src-main/shared/text';
import type { Paragraph } from '../../../../src-main/shared/types';

const text = 'Thư viện mở cửa trở lại sau ba năm.';
/** A compact view of segments: [text, ids, colour, match]. */
const view = (segments: Segment[]) => segments.map((s) => [s.text, s.highlightIds.join('+'), s.color, s.match]);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');
const hl = (id: string, start: number, end: number, color: PlacedHighlight['color'] = 'yellow'): PlacedHighlight => ({
  id,
  start,
  end,
  color,
});

describe('segmentParagraph', () => {
  it('returns the whole text as one plain segment without highlights', () => {
    expect(view(segmentParagraph(text, 100, []))).toEqual([[text, '', null, false]]);
    expect(segmentParagraph('', 100, [hl('a', 90, 110)])).toEqual([]);
  });

  it('splits around a highlight inside the paragraph, in paragraph-local offsets', () => {
    const segments = segmentParagraph(text, 100, [hl('a', 109, 115, 'green')]);
    expect(view(segments)).toEqual([
      ['Thư viện ', '', null, false],
      ['mở cửa', 'a', 'green', false],
      [' trở lại sau ba năm.', '', null, false],
    ]);
    expect(segments[1]).toMatchObject({ start: 9, end: 15, startIds: ['a'], endIds: ['a'] });
  });

  it('gives A-only, A+B and B-only runs for overlapping highlights, painting the later one on top', () => {
    // A = "viện mở cửa", B = "cửa trở lại"
    const segments = segmentParagraph(text, 0, [hl('A', 4, 15, 'yellow'), hl('B', 12, 23, 'pink')]);
    expect(view(segments)).toEqual([
      ['Thư ', '', null, false],
      ['viện mở ', 'A', 'yellow', false],
      ['cửa', 'A+B', 'pink', false],
      [' trở lại', 'B', 'pink', false],
      [' sau ba năm.', '', null, false],
    ]);
    expect(segments.map((s) => s.startIds)).toEqual([[], ['A'], ['B'], [], []]);
    expect(segments.map((s) => s.endIds)).toEqual([[], [], ['A'], ['B'], []]);
    expect(joined(segments)).toBe(text);
  });

  it('keeps input order for the ids and colour of nested highlights', () => {
    // Outer created first, inner second: the inner colour shows on top where both apply.
    const segments = segmentParagraph(text, 0, [hl('outer', 0, 23, 'blue'), hl('inner', 9, 15, 'purple')]);
    expect(view(segments)).toEqual([
      ['Thư viện ', 'outer', 'blue', false],
      ['mở cửa', 'outer+inner', 'purple', false],
      [' trở lại', 'outer', 'blue', false],
      [' sau ba năm.', '', null, false],
    ]);
    // Created the other way round, the outer one was painted last.
    expect(segmentParagraph(text, 0, [hl('inner', 9, 15, 'purple'), hl('outer', 0, 23, 'blue')])[1]!.color).toBe('blue');
  });

  it('covers the middle paragraphs of a cross-paragraph highlight fully and marks start/end once', () => {
    const paragraphs: Paragraph[] = ['Một.', 'Hai ba bốn.', 'Năm sáu.', 'Bảy tám chín.', 'Mười.'].map((t, index) => ({
      index,
      kind: 'paragraph',
      text: t,
    }));
    const full = articleText(paragraphs);
    const starts = paragraphOffsets(paragraphs);
    const start = full.indexOf('ba bốn'); // in paragraph 2 (index 1)
    const end = full.indexOf(' chín'); // in paragraph 4 (index 3)
    const h = hl('x', start, end, 'green');
    const per = paragraphs.map((p, i) => segmentParagraph(p.text, starts[i]!, [h]));
    expect(view(per[0]!)).toEqual([['Một.', '', null, false]]);
    expect(view(per[1]!)).toEqual([['Hai ', '', null, false], ['ba bốn.', 'x', 'green', false]]);
    expect(view(per[2]!)).toEqual([['Năm sáu.', 'x', 'green', false]]);
    expect(view(per[3]!)).toEqual([['Bảy tám', 'x', 'green', false], [' chín.', '', null, false]]);
    expect(view(per[4]!)).toEqual([['Mười.', '', null, false]]);
    expect(per.flat().flatMap((s) => s.startIds)).toEqual(['x']);
    expect(per[1]![1]!.startIds).toEqual(['x']);
    expect(per.flat().flatMap((s) => s.endIds)).toEqual(['x']);
    expect(per[3]![0]!.endIds).toEqual(['x']);
    // The highlighted characters, read back from the segments, are exactly the selected text minus separators.
    const painted = per.flat().filter((s) => s.highlightIds.length > 0).map((s) => s.text).join('');
    expect(painted).toBe(full.slice(start, end).replace(/\n\n/g, ''));
  });

  it('marks a highlight that starts in the separator as beginning in the next paragraph', () => {
    // Paragraph at 20; the highlight starts at 19, inside the "\n\n" before it.
    const segments = segmentParagraph('Năm sáu.', 20, [hl('s', 19, 23)]);
    expect(segments[0]).toMatchObject({ text: 'Năm', startIds: ['s'] });
  });

  it('ignores zero-length, inverted and out-of-range highlights', () => {
    const segments = segmentParagraph(text, 50, [hl('zero', 55, 55), hl('inverted', 60, 56), hl('before', 0, 50), hl('after', 85, 99)]);
    expect(view(segments)).toEqual([[text, '', null, false]]);
  });

  it('marks search matches, alone and overlapping a highlight, and ignores empty ones', () => {
    const segments = segmentParagraph(text, 0, [hl('a', 9, 15)], [[0, 3], [12, 23], [30, 30]]);
    expect(view(segments)).toEqual([
      ['Thư', '', null, true],
      [' viện ', '', null, false],
      ['mở ', 'a', 'yellow', false],
      ['cửa', 'a', 'yellow', true],
      [' trở lại', '', null, true],
      [' sau ba năm.', '', null, false],
    ]);
    expect(joined(segments)).toBe(text);
  });

  it('always concatenates back to the text on random highlights', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 300; round++) {
      const hs = Array.from({ length: Math.floor(random() * 6) }, (_, k) =>
        hl(`h${k}`, Math.floor(random() * 60) + 40, Math.floor(random() * 60) + 40));
      const ms = Array.from({ length: Math.floor(random() * 3) }, () =>
        [Math.floor(random() * 40) - 2, Math.floor(random() * 40)] as [number, number]);
      const segments = segmentParagraph(text, 50, hs, ms);
      expect(joined(segments)).toBe(text);
      for (const s of segments) {
        expect(s.end).toBeGreaterThan(s.start);
        const ids = hs.filter((h) => h.start - 50 <= s.start && h.end - 50 >= s.end && h.end > h.start).map((h) => h.id);
        expect(s.highlightIds).toEqual(ids);
      }
    }
  });
});

describe('echoes of highlights made in the other language', () => {
  it('paint under real highlights, are marked as echoes, and get no note markers', () => {
    const echo: PlacedHighlight = { id: 'E', start: 0, end: 15, color: 'green', echo: true };
    const segments = segmentParagraph(text, 0, [hl('R', 9, 20, 'pink'), echo]);
    expect(segments.map((s) => [s.text, s.color, s.echo])).toEqual([
      ['Thư viện ', 'green', true],
      ['mở cửa', 'pink', false],
      [' trở ', 'pink', false],
      ['lại sau ba năm.', null, false],
    ]);
    expect(segments.flatMap((s) => [...s.startIds, ...s.endIds])).toEqual(['R', 'R']);
  });
});
