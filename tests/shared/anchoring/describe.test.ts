import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, isAnnotationError, paragraphAt } from '../../../src-main/shared/anchoring';
import { paragraphOffsets } from '../../../src-main/shared/text';
import type { Paragraph } from '../../../src-main/shared/types';
import { fixtureText, rangeOf } from './helpers';

suite('describe', () => {
  const text = fixtureText('river-town.en.txt');

  it('stores the exact quote, 32 characters of context each side, the position and the paragraph', () => {
    const [start, end] = rangeOf(text, 'keeps a notebook of every flood since 1978');
    const t = describe(text, start, end);
    expect(t.quote.exact).toBe('keeps a notebook of every flood since 1978');
    expect(t.quote.prefix).toBe(text.slice(start - 32, start));
    expect(t.quote.suffix).toBe(text.slice(end, end + 32));
    expect(t.position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(t.paragraph).toBe(3);
  });

  it('round-trips: anchoring a fresh description returns the same range by position', () => {
    for (const q of ['The River Town', 'on Monday', 'learn to read first.', 'Mrs. Hoa']) {
      const [start, end] = rangeOf(text, q);
      expect(anchor(text, describe(text, start, end))).toEqual({ start, end, method: 'position' });
    }
  });

  it('clips context at the text edges', () => {
    const t = describe(text, 0, 9);
    expect(t.quote.prefix).toBe('');
    expect(t.paragraph).toBe(0);
    const last = describe(text, text.length - 6, text.length);
    expect(last.quote.suffix).toBe('');
    expect(last.paragraph).toBe(5);
  });

  it('does not split a surrogate pair in the context', () => {
    const emoji = 'x'.repeat(10) + '😀' + 'y'.repeat(31) + 'QUOTE' + 'z';
    const start = emoji.indexOf('QUOTE');
    const t = describe(emoji, start, start + 5);
    expect(t.quote.prefix.startsWith('😀')).toBe(true);
  });

  it('rejects empty, reversed, out-of-range and blank ranges with code invalid-range', () => {
    for (const [s, e] of [[5, 5], [9, 4], [-1, 3], [0, text.length + 1], [text.indexOf('\n\n'), text.indexOf('\n\n') + 2]] as const) {
      try {
        describe(text, s, e);
        expect.unreachable();
      } catch (err) {
        expect(isAnnotationError(err, 'invalid-range')).toBe(true);
      }
    }
  });

  it('finds the paragraph by counting separators, or exactly from paragraphOffsets', () => {
    const paragraphs: Paragraph[] = ['one', 'two\n\nstill two', 'three'].map((t, index) => ({ index, kind: 'paragraph', text: t }));
    const joined = paragraphs.map((p) => p.text).join('\n\n');
    const at = joined.indexOf('three');
    expect(paragraphAt(joined, at, paragraphOffsets(paragraphs))).toBe(2);
    expect(paragraphAt(joined, joined.indexOf('still'), paragraphOffsets(paragraphs))).toBe(1);
    expect(paragraphAt('a\n\nb\n\nc', 6)).toBe(2);
  });
});
