/**
 * Anchors stored selectors in a version's current normalised text, trying selectors from simple
 * to complex as Hypothesis's `anchoring/html.ts` does: the stored position if the quote is still
 * there, else an exact quote search, else an approximate one. Failure is a state (null = orphaned),
 * never an exception, and never a guess (see match-quote.ts for the minimum scores).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../types';
import { contextSimilarity } from './context-similarity';
import { matchExact, matchFuzzy, MIN_CONTEXT_SIMILARITY } from './match-quote';
import { collapseString, collapseWhitespace, toCollapsedOffset, toOriginalRange, type CollapsedText } from './whitespace';

/** The selectors anchoring needs (a stored highlight's target). */
export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

/** Where a highlight landed, in original offsets, and which selector placed it. */
export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** A text prepared once for anchoring many highlights (the whitespace-collapsed view). */
export type PreparedText = CollapsedText;

/** Prepares `text` for repeated anchoring; pass the result to `anchor` to skip re-collapsing. */
export function prepareText(text: string): PreparedText {
  return collapseWhitespace(text);
}

/** True when the stored position still holds the exact quote with its context around it. */
function positionStillHolds(text: string, quote: TextQuoteSelector, pos: TextPositionSelector): boolean {
  if (pos.start < 0 || pos.end > text.length || pos.start >= pos.end) return false;
  if (text.slice(pos.start, pos.end) !== quote.exact) return false;
  return contextSimilarity(text, pos.start, pos.end, quote.prefix, quote.suffix) >= MIN_CONTEXT_SIMILARITY;
}

/** Options for `anchor`. */
export interface AnchorOptions {
  /**
   * A likely shift of positions (e.g. how far the previous highlight moved): an insertion shifts
   * everything after it by the same amount, so checking `position + shift` first skips the search.
   */
  shift?: number;
}

/** Anchors `selectors` in `text` (a string or a PreparedText); null when it cannot be placed. */
export function anchor(text: string | PreparedText, selectors: AnchorSelectors, opts: AnchorOptions = {}): Anchor | null {
  const { quote, position } = selectors;
  const original = typeof text === 'string' ? text : text.original;
  if (position && positionStillHolds(original, quote, position)) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  if (position && opts.shift) {
    const shifted = { ...position, start: position.start + opts.shift, end: position.end + opts.shift };
    if (positionStillHolds(original, quote, shifted)) return { start: shifted.start, end: shifted.end, method: 'quote' };
  }
  const exact = collapseString(quote.exact).trim();
  if (exact.length === 0) return null;
  const view = typeof text === 'string' ? collapseWhitespace(text) : text;
  const query = {
    exact,
    prefix: collapseString(quote.prefix),
    suffix: collapseString(quote.suffix),
    hint: position ? toCollapsedOffset(view, position.start) : undefined,
  };
  const found = matchExact(view.collapsed, query) ?? matchFuzzy(view.collapsed, query);
  if (!found) return null;
  const range = toOriginalRange(view, found.start, found.end);
  return { ...trimRange(original, range.start, range.end), method: found.errors === 0 ? 'quote' : 'fuzzy' };
}

/** Drops whitespace a collapsed match may carry at its edges (a run maps to its whole extent). */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  return s < e ? { start: s, end: e } : { start, end };
}
