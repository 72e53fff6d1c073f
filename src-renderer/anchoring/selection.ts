/** DOM selection -> offsets in a version's normalised text (what a TextPositionSelector stores). */
import { comparePointToElement, firstParagraphNotBefore, renderedParagraphs, type RenderedParagraph } from './paragraphs';
import { textOffsetInParagraph, type DomPoint } from './paragraphText';

/** [start, end) in UTF-16 code units of the normalised text (`articleText`). */
export interface TextOffsets {
  start: number;
  end: number;
}

/** A position as (index into the rendered paragraphs, offset in that paragraph's text). */
interface Cursor {
  at: number;
  offset: number;
}

/**
 * Map a DOM Range (usually `window.getSelection().getRangeAt(0)`) under the article `root` to
 * offsets in the normalised text, where paragraph i starts at `paragraphStarts[i]`.
 * An end that falls between paragraphs (or outside the root) clamps to the nearest paragraph
 * text inside the range; leading and trailing whitespace is trimmed; the ends are widened so a
 * combining mark or surrogate pair is never cut from its base character. Returns null when the
 * range is collapsed or holds no article text.
 */
export function selectionToTextRange(
  root: HTMLElement,
  range: Range,
  paragraphStarts: readonly number[],
): TextOffsets | null {
  if (range.collapsed) return null;
  const paragraphs = renderedParagraphs(root, paragraphStarts);
  const from = startCursor(paragraphs, { node: range.startContainer, offset: range.startOffset });
  const to = endCursor(paragraphs, { node: range.endContainer, offset: range.endOffset });
  if (!from || !to) return null;
  const trimmed = trimWhitespace(paragraphs, from, to);
  if (!trimmed) return null;
  const start = paragraphs[trimmed.from.at]!;
  const end = paragraphs[trimmed.to.at]!;
  return {
    start: start.start + graphemeStart(start.text, trimmed.from.offset),
    end: end.start + graphemeEnd(end.text, trimmed.to.offset),
  };
}

/** The cursor of a range start: inside its paragraph, or the start of the next paragraph. */
function startCursor(paragraphs: readonly RenderedParagraph[], point: DomPoint): Cursor | null {
  const at = firstParagraphNotBefore(paragraphs, point);
  const p = paragraphs[at];
  if (!p) return null;
  const inside = comparePointToElement(point, p.el) === 0;
  return { at, offset: inside ? textOffsetInParagraph(p.el, point.node, point.offset) : 0 };
}

/** The cursor of a range end: inside its paragraph, or the end of the previous paragraph. */
function endCursor(paragraphs: readonly RenderedParagraph[], point: DomPoint): Cursor | null {
  const at = firstParagraphNotBefore(paragraphs, point);
  const p = paragraphs[at];
  if (p && comparePointToElement(point, p.el) === 0) {
    return { at, offset: textOffsetInParagraph(p.el, point.node, point.offset) };
  }
  const previous = paragraphs[at - 1];
  return previous ? { at: at - 1, offset: previous.text.length } : null;
}

const WHITESPACE = /\s/u;

/** Move both ends inwards past whitespace, crossing paragraph ends; null when nothing is left. */
function trimWhitespace(paragraphs: readonly RenderedParagraph[], from: Cursor, to: Cursor): { from: Cursor; to: Cursor } | null {
  let { at: si, offset: so } = from;
  let { at: ei, offset: eo } = to;
  for (;;) {
    const text = paragraphs[si]!.text;
    while (so < text.length && WHITESPACE.test(text[so]!)) so++;
    if (so < text.length || si >= ei) break;
    si++;
    so = 0;
  }
  for (;;) {
    const text = paragraphs[ei]!.text;
    while (eo > 0 && WHITESPACE.test(text[eo - 1]!)) eo--;
    if (eo > 0 || ei <= si) break;
    ei--;
    eo = paragraphs[ei]!.text.length;
  }
  if (si > ei || (si === ei && so >= eo)) return null;
  return { from: { at: si, offset: so }, to: { at: ei, offset: eo } };
}

/** Code units that continue the character before them: combining marks and low surrogates. */
const CONTINUATION = /[\p{M}\uDC00-\uDFFF]/u;

/** Move a start offset back to the start of its character (base letter plus combining marks). */
function graphemeStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && CONTINUATION.test(text[at]!)) at--;
  return at;
}

/** Move an end offset forward past combining marks or a low surrogate that belong to the last character. */
function graphemeEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && CONTINUATION.test(text[at]!)) at++;
  return at;
}
