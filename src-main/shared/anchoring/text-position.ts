/** W3C TextPositionSelector over the normalised text, and the paragraph an offset falls in. */
import { PARAGRAPH_SEPARATOR } from '../text';
import type { TextPositionSelector } from '../types';

/** Describes [start, end) as a TextPositionSelector. */
export function describePosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/**
 * Index of the paragraph containing `offset` in a normalised text (paragraphs joined by "\n\n").
 * With `offsets` (from `paragraphOffsets`) the answer is exact even if a paragraph itself contains
 * blank lines; without, paragraphs are recovered by counting separators.
 */
export function paragraphAt(text: string, offset: number, offsets?: readonly number[]): number {
  if (offsets && offsets.length > 0) {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  let index = 0;
  let at = text.indexOf(PARAGRAPH_SEPARATOR);
  while (at !== -1 && at + PARAGRAPH_SEPARATOR.length <= offset) {
    index++;
    at = text.indexOf(PARAGRAPH_SEPARATOR, at + PARAGRAPH_SEPARATOR.length);
  }
  return index;
}
