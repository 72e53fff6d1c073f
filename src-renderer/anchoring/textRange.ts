/** Offsets in a version's normalised text -> a DOM Range over the rendered paragraphs. */
import { paragraphElement } from './paragraphs';
import { domPointAtOffset, visibleText } from './paragraphText';

/**
 * The DOM Range covering [start, end) of the normalised text under `root` (to scroll to or flash
 * a highlight). Ends that fall in a paragraph separator move to the adjacent paragraph text
 * inside the range. Returns null for a range holding no paragraph text (empty, inverted, only a
 * separator) or when a paragraph holding an end is not rendered.
 */
export function textRangeToDomRange(
  root: HTMLElement,
  start: number,
  end: number,
  paragraphStarts: readonly number[],
): Range | null {
  if (!(end > start) || paragraphStarts.length === 0) return null;
  let first = lastIndexAtOrBefore(paragraphStarts, start, false);
  let firstEl = paragraphElement(root, first);
  if (!firstEl) return null;
  let startOffset = start - (paragraphStarts[first] ?? 0);
  const firstLength = visibleText(firstEl).length;
  if (startOffset >= firstLength && first + 1 < paragraphStarts.length && (paragraphStarts[first + 1] ?? Infinity) < end) {
    first += 1;
    firstEl = paragraphElement(root, first);
    if (!firstEl) return null;
    startOffset = 0;
  } else {
    startOffset = Math.min(startOffset, firstLength);
  }

  const last = lastIndexAtOrBefore(paragraphStarts, end, true);
  const lastEl = paragraphElement(root, last);
  if (!lastEl) return null;
  const endOffset = Math.min(end - (paragraphStarts[last] ?? 0), visibleText(lastEl).length);

  if (last < first || (last === first && endOffset <= startOffset)) return null;

  const from = domPointAtOffset(firstEl, startOffset, 'forward');
  const to = domPointAtOffset(lastEl, endOffset, 'backward');
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Index of the last paragraph starting at or before `offset` (strictly before when `strict`,
 * so an end at a paragraph's first character belongs to the previous paragraph). 0 when none.
 */
function lastIndexAtOrBefore(starts: readonly number[], offset: number, strict: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    if (strict ? s < offset : s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
