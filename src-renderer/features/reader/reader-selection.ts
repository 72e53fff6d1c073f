/**
 * The reader's current text selection as offsets in one language version's normalised text.
 * Each language's paragraphs live under their own `.lang-root[data-lang]` element, so a
 * selection is mapped within the version where it starts (and clamped to it).
 */
import { selectionToTextRange } from '../../anchoring/selection';
import { paragraphOffsets } from '@shared/text';
import type { Article, Lang } from '@shared/types';

export interface ReaderSelection {
  articleId: string;
  lang: Lang;
  start: number;
  end: number;
  text: string;
  rect: DOMRect | null;
}

/** The element a DOM node is, or sits in. */
function elementOf(node: Node | null): Element | null {
  return node instanceof Element ? node : (node?.parentElement ?? null);
}

/**
 * The selection kept inside the language version where the drag started (the anchor's
 * `.lang-root`). A drag that ends in the other version's column (side by side) or in a
 * translation row (interleaved) ends instead at the same grid row of the starting version: the
 * end of its last cell at or above that row going forward, the start of its first cell at or
 * below it going back. Without this, the DOM range (Vietnamese root before English root) runs
 * to the end of the whole Vietnamese article.
 */
export function rangeInStartingVersion(sel: Selection, root: Element): Range {
  const range = sel.getRangeAt(0);
  const anchor = sel.anchorNode;
  const focus = sel.focusNode;
  if (!anchor || !focus || root.contains(focus)) return range;
  const anchorCell = elementOf(anchor)?.closest<HTMLElement>('[data-row]');
  const focusCell = elementOf(focus)?.closest<HTMLElement>('[data-row]');
  const clamped = document.createRange();
  if (!anchorCell || !focusCell) {
    // The drag left the article (header, another pane): stop at the edge of this version.
    clamped.setStart(range.startContainer, range.startOffset);
    clamped.setEnd(range.endContainer, range.endOffset);
    if (!root.contains(range.endContainer)) clamped.setEnd(root, root.childNodes.length);
    if (!root.contains(range.startContainer)) clamped.setStart(root, 0);
    return clamped;
  }
  const anchorRow = Number(anchorCell.dataset.row);
  const focusRow = Number(focusCell.dataset.row);
  // Same row, other column: right of a left-column start is forward.
  const forward = focusRow > anchorRow || (focusRow === anchorRow && anchorCell.dataset.side === 'left');
  const cells = [...root.querySelectorAll<HTMLElement>('[data-row]')];
  if (forward) {
    const last = cells.filter((c) => Number(c.dataset.row) <= focusRow).pop() ?? anchorCell;
    clamped.setStart(anchor, sel.anchorOffset);
    clamped.setEnd(last, last.childNodes.length);
  } else {
    const first = cells.find((c) => Number(c.dataset.row) >= focusRow) ?? anchorCell;
    clamped.setStart(first, 0);
    clamped.setEnd(anchor, sel.anchorOffset);
  }
  return clamped;
}

/** Reads window.getSelection() against the rendered article; null when nothing usable is selected. */
export function currentReaderSelection(article: Article | null): ReaderSelection | null {
  const sel = window.getSelection();
  if (!article || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const root = elementOf(sel.anchorNode)?.closest<HTMLElement>('.lang-root[data-lang]');
  if (!root) return null;
  const lang = root.dataset.lang as Lang;
  const version = article.versions.find((v) => v.lang === lang);
  if (!version) return null;
  const range = rangeInStartingVersion(sel, root);
  const offsets = selectionToTextRange(root, range, paragraphOffsets(version.paragraphs));
  if (!offsets) return null;
  const rects = range.getClientRects();
  return {
    articleId: article.id,
    lang,
    ...offsets,
    text: range.toString(),
    rect: rects.length ? (rects[rects.length - 1] ?? null) : range.getBoundingClientRect(),
  };
}

/** Paragraph-local ranges of a search snippet (whose text is a window of the paragraph). */
export function localizeSnippetRanges(paragraphText: string, snippetText: string, ranges: Array<[number, number]>): Array<[number, number]> {
  const core = snippetText.replace(/^…\s*/, '').replace(/\s*…$/, '');
  const lead = snippetText.indexOf(core);
  const at = paragraphText.indexOf(core);
  if (at < 0) return [];
  const shift = at - lead;
  return ranges
    .map(([s, e]) => [s + shift, e + shift] as [number, number])
    .filter(([s, e]) => s >= 0 && e <= paragraphText.length && e > s);
}
