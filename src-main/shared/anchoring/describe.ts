/** Turns a selection in the normalised text into the selectors a highlight stores. */
import type { TextPositionSelector, TextQuoteSelector } from '../types';
import { AnnotationError } from './errors';
import { describePosition, paragraphAt } from './text-position';
import { describeQuote } from './text-quote';

/** What a highlight stores about where it is: W3C quote + position selectors and a paragraph. */
export interface HighlightTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Paragraph index where the highlight starts. */
  paragraph: number;
}

/**
 * Describes [start, end) of a version's normalised text (see shared/text.ts `articleText`).
 * Throws AnnotationError 'invalid-range' for an empty, reversed, out-of-bounds or blank range.
 */
export function describe(text: string, start: number, end: number, offsets?: readonly number[]): HighlightTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new AnnotationError('invalid-range', `Range [${start}, ${end}) is not inside the text (length ${text.length}).`);
  }
  if (text.slice(start, end).trim() === '') {
    throw new AnnotationError('invalid-range', 'The selected range contains only whitespace.');
  }
  return {
    quote: describeQuote(text, start, end),
    position: describePosition(start, end),
    paragraph: paragraphAt(text, start, offsets),
  };
}
