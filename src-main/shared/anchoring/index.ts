/**
 * Pure anchoring of W3C Web Annotation selectors in Folio's normalised article text
 * (https://www.w3.org/TR/annotation-model/#selectors). No node or DOM imports: the renderer may
 * import it. `describe` makes selectors, `anchor` places them, `reanchorAll` re-places a version's
 * highlights after an edit, `findQuote` serves the CLI.
 */
export { describe, type HighlightTarget } from './describe';
export { anchor, prepareText, type Anchor, type AnchorSelectors, type PreparedText } from './anchor';
export { reanchorAll, type ReanchorResult } from './reanchor';
export { findQuote } from './find-quote';
export { describeQuote, QUOTE_CONTEXT_LENGTH } from './text-quote';
export { describePosition, paragraphAt } from './text-position';
export { AnnotationError, isAnnotationError, type AnnotationErrorCode } from './errors';
export { MIN_CONTEXT_SIMILARITY, LONG_UNIQUE_QUOTE, MAX_ERROR_RATE, MIN_FUZZY_LENGTH } from './match-quote';
