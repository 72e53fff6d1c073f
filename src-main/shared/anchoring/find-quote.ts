/** Finds a typed quote in an article's text, for `folio annotate --quote "..." [--occurrence N]`. */
import { AnnotationError } from './errors';
import { allOccurrences } from './match-quote';
import { collapseString, collapseWhitespace, toOriginalRange } from './whitespace';

/**
 * Returns the range of `quote` in `text`, comparing NFC-normalised text with whitespace runs
 * collapsed (so a quote copied across a line break still matches). `occurrence` is 1-based.
 * Throws 'quote-not-found' when absent (or `occurrence` is past the last one) and
 * 'quote-ambiguous' when it occurs several times and no occurrence was chosen.
 */
export function findQuote(text: string, quote: string, occurrence?: number): { start: number; end: number } {
  const needle = collapseString(quote).trim();
  if (needle.length === 0) throw new AnnotationError('quote-not-found', 'The quote is empty.');
  const view = collapseWhitespace(text.normalize('NFC'));
  if (view.original !== text) {
    throw new AnnotationError('invalid-request', 'The article text is not NFC-normalised; offsets would not match.');
  }
  const starts = allOccurrences(view.collapsed, needle);
  if (starts.length === 0) throw new AnnotationError('quote-not-found', 'The quote was not found in the article text.');
  if (occurrence === undefined && starts.length > 1) {
    throw new AnnotationError(
      'quote-ambiguous',
      `The quote occurs ${starts.length} times; pass --occurrence N (1 to ${starts.length}) to choose one.`,
    );
  }
  const n = occurrence ?? 1;
  const at = starts[n - 1];
  if (!Number.isInteger(n) || n < 1 || at === undefined) {
    throw new AnnotationError(
      'quote-not-found',
      `Occurrence ${n} was requested but the quote occurs only ${starts.length} time${starts.length === 1 ? '' : 's'}.`,
    );
  }
  return toOriginalRange(view, at, at + needle.length);
}
