/** The paragraph elements rendered under an article root, and where a DOM point falls among them. */
import { PARAGRAPH_ATTRIBUTE, childIndex, visibleText, type DomPoint } from './paragraphText';

/** A rendered paragraph: its element, its index, its start in the normalised text and its text. */
export interface RenderedParagraph {
  el: Element;
  index: number;
  start: number;
  text: string;
}

/**
 * The paragraph elements under `root`, in document order, that have a valid index into
 * `paragraphStarts` (elements with a missing or unknown index are left out).
 */
export function renderedParagraphs(root: Element, paragraphStarts: readonly number[]): RenderedParagraph[] {
  const out: RenderedParagraph[] = [];
  for (const el of Array.from(root.querySelectorAll(`[${PARAGRAPH_ATTRIBUTE}]`))) {
    const index = Number(el.getAttribute(PARAGRAPH_ATTRIBUTE));
    const start = Number.isInteger(index) ? paragraphStarts[index] : undefined;
    if (start !== undefined) out.push({ el, index, start, text: visibleText(el) });
  }
  return out;
}

/** The rendered paragraph element with this index, or null when it is not in the DOM. */
export function paragraphElement(root: Element, index: number): Element | null {
  return root.querySelector(`[${PARAGRAPH_ATTRIBUTE}="${index}"]`);
}

/** −1 if the point lies before `el`, 0 if inside it (or on its boundary), 1 if after it. */
export function comparePointToElement(point: DomPoint, el: Element): -1 | 0 | 1 {
  const { node, offset } = point;
  if (node === el || el.contains(node)) return 0;
  if (node.contains(el)) {
    // The point is a child index of an ancestor of `el`: compare with the child holding `el`.
    let child: Node = el;
    while (child.parentNode && child.parentNode !== node) child = child.parentNode;
    return offset <= childIndex(child) ? -1 : 1;
  }
  return node.compareDocumentPosition(el) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
}

/**
 * Position in `paragraphs` of the first paragraph the point is not after (the one containing it
 * or the next one); `paragraphs.length` when the point is after them all. Binary search: the
 * paragraphs are in document order, so the comparisons are sorted.
 */
export function firstParagraphNotBefore(paragraphs: readonly RenderedParagraph[], point: DomPoint): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePointToElement(point, paragraphs[mid]!.el) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
