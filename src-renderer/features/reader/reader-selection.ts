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

/** Reads window.getSelection() against the rendered article; null when nothing usable is selected. */
export function currentReaderSelection(article: Article | null): ReaderSelection | null {
  const sel = window.getSelection();
  if (!article || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const root = startEl?.closest<HTMLElement>('.lang-root[data-lang]');
  if (!root) return null;
  const lang = root.dataset.lang as Lang;
  const version = article.versions.find((v) => v.lang === lang);
  if (!version) return null;
  const clamped = range.cloneRange();
  if (!root.contains(range.endContainer)) clamped.setEnd(root, root.childNodes.length);
  const offsets = selectionToTextRange(root, clamped, paragraphOffsets(version.paragraphs));
  if (!offsets) return null;
  const rects = range.getClientRects();
  return {
    articleId: article.id,
    lang,
    ...offsets,
    text: sel.toString(),
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
