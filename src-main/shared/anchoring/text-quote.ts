/** W3C TextQuoteSelector: the exact quote plus a little context on each side. */
import type { TextQuoteSelector } from '../types';

/** Characters of context kept on each side (Hypothesis and the W3C examples use ~32). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** True when the UTF-16 unit at `i` is the second half of a surrogate pair. */
function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Describes [start, end) of `text` as a TextQuoteSelector, never splitting a surrogate pair. */
export function describeQuote(text: string, start: number, end: number, context = QUOTE_CONTEXT_LENGTH): TextQuoteSelector {
  let from = Math.max(0, start - context);
  if (from > 0 && isLowSurrogate(text, from)) from -= 1;
  let to = Math.min(text.length, end + context);
  if (to < text.length && isLowSurrogate(text, to)) to += 1;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  };
}
