/**
 * The reader's DOM contract, and text offsets inside one paragraph element. Each paragraph is an
 * element with `data-paragraph="<index>"` whose visible text is exactly the paragraph's text,
 * possibly split over nested `<mark>`/`<span>` runs; decorations that are not article text (note
 * numbers, icons) carry `data-folio-ignore` and are skipped with their whole subtree.
 */

/** Attribute holding a paragraph element's index in the version's paragraphs. */
export const PARAGRAPH_ATTRIBUTE = 'data-paragraph';
/** Attribute marking a subtree whose text is not article text. */
export const IGNORE_ATTRIBUTE = 'data-folio-ignore';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A point in the DOM as a Range boundary: a node and an offset (characters or child index). */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** True for an element marked `data-folio-ignore`. */
export function isIgnored(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).hasAttribute(IGNORE_ATTRIBUTE);
}

/** The article text inside `node`: its text nodes' data, ignored subtrees and comments skipped. */
export function visibleText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return (node as Text).data;
  if (isIgnored(node)) return '';
  let out = '';
  for (const child of Array.from(node.childNodes)) out += visibleText(child);
  return out;
}

/** Index of `child` among its parent's child nodes. */
export function childIndex(child: Node): number {
  return child.parentNode ? Array.prototype.indexOf.call(child.parentNode.childNodes, child) : 0;
}

/**
 * The character offset, within the paragraph's text, of the DOM point (node, offset). A point
 * inside an ignored subtree counts as the point just before it (the subtree adds no characters,
 * so before and after are the same offset); a point outside the paragraph clamps to 0 or the
 * text's length.
 */
export function textOffsetInParagraph(paragraphEl: Element, node: Node, offset: number): number {
  if (node !== paragraphEl && !paragraphEl.contains(node)) {
    const before = paragraphEl.compareDocumentPosition(node) & 2; // DOCUMENT_POSITION_PRECEDING
    return before ? 0 : visibleText(paragraphEl).length;
  }
  const point = outOfIgnored(paragraphEl, { node, offset });
  let total = 0;
  const visit = (n: Node): boolean => {
    if (n === point.node) {
      if (n.nodeType === TEXT_NODE) total += Math.min(point.offset, (n as Text).data.length);
      else for (const child of Array.from(n.childNodes).slice(0, point.offset)) total += visibleText(child).length;
      return true;
    }
    if (n.nodeType === TEXT_NODE) total += (n as Text).data.length;
    else if (!isIgnored(n)) for (const child of Array.from(n.childNodes)) if (visit(child)) return true;
    return false;
  };
  visit(paragraphEl);
  return total;
}

/** Moves a point out of the outermost ignored subtree containing it, to just before that subtree. */
function outOfIgnored(paragraphEl: Element, point: DomPoint): DomPoint {
  let outermost: Node | null = null;
  for (let n: Node | null = point.node; n && n !== paragraphEl; n = n.parentNode) if (isIgnored(n)) outermost = n;
  return outermost?.parentNode ? { node: outermost.parentNode, offset: childIndex(outermost) } : point;
}

/**
 * The DOM point at character `offset` of the paragraph's text. At a boundary between two text
 * nodes, `forward` picks the start of the later node (for a range start) and `backward` the end
 * of the earlier one (for a range end), so ranges never begin or end on an empty remainder.
 */
export function domPointAtOffset(paragraphEl: Element, offset: number, affinity: 'forward' | 'backward'): DomPoint {
  let before = 0;
  let last: Text | null = null;
  const find = (n: Node): DomPoint | null => {
    if (n.nodeType === TEXT_NODE) {
      const t = n as Text;
      const after = before + t.data.length;
      if (affinity === 'forward' ? offset < after : offset <= after) return { node: t, offset: Math.max(0, offset - before) };
      before = after;
      last = t;
      return null;
    }
    if (isIgnored(n)) return null;
    for (const child of Array.from(n.childNodes)) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const found = find(paragraphEl);
  if (found) return found;
  const tail = last as Text | null;
  return tail ? { node: tail, offset: tail.data.length } : { node: paragraphEl, offset: paragraphEl.childNodes.length };
}
