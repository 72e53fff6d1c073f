/**
 * Keyboard-first reading: a current paragraph moved with ↑/↓, sentence selection with ←/→ (Shift
 * extends), and highlighting what is selected or current. The keyboard selection is a real DOM
 * selection (so the popover, Copy and the mouse path all work on it); its offsets come from
 * reading-units.ts.
 */
import { HIGHLIGHT_COLORS, type AnchoredAnnotation, type Article, type ArticleVersion, type HighlightColor } from '@shared/types';
import { paragraphOffsets } from '@shared/text';
import { alignParagraphs } from '@shared/align/index';
import { useFolio } from '../../app/store';
import { textRangeToDomRange } from '../../anchoring/textRange';
import { createHighlight, updateAnnotation } from '../annotations/actions';
import { currentReaderSelection } from './reader-selection';
import { highlightSelection } from './Reader';
import { paragraphUnit, stepSentence, versionSentences, type Unit } from './reading-units';
import { versionsForMode } from './ArticleBody';

const sentenceCache = new WeakMap<ArticleVersion, Unit[]>();
function sentencesOf(v: ArticleVersion): Unit[] {
  let s = sentenceCache.get(v);
  if (!s) sentenceCache.set(v, (s = versionSentences(v.paragraphs, v.lang)));
  return s;
}

/** The version the cursor is in: its own language if set and shown, else the view's first. */
function cursorVersion(article: Article): ArticleVersion {
  const s = useFolio.getState();
  const { left, right } = versionsForMode(article, s.settings?.viewMode ?? 'side-by-side');
  return right && s.cursor?.lang === right.lang ? right : left;
}

/** The cursor's paragraph: the stored one, else where the reader left off (the top of the view). */
function cursorParagraph(article: Article, version: ArticleVersion): number {
  const s = useFolio.getState();
  if (s.cursor && s.cursor.lang === version.lang) return Math.min(s.cursor.paragraph, version.paragraphs.length - 1);
  return Math.min(s.settings?.positions[article.id] ?? 0, version.paragraphs.length - 1);
}

function rootOf(lang: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.article-grid .lang-root[data-lang="${lang}"]`);
}

function scrollToParagraph(lang: string, paragraph: number): void {
  rootOf(lang)?.querySelector(`[data-paragraph="${paragraph}"]`)?.scrollIntoView({ block: 'nearest' });
}

/** Moves the current paragraph by `delta` (clears any selection). */
export function moveParagraph(delta: 1 | -1): void {
  const article = useFolio.getState().article;
  if (!article) return;
  const version = cursorVersion(article);
  const had = useFolio.getState().cursor?.lang === version.lang;
  const from = cursorParagraph(article, version);
  // The first press shows the cursor where the reader is; later presses move it.
  const paragraph = had ? Math.max(0, Math.min(version.paragraphs.length - 1, from + delta)) : from;
  window.getSelection()?.removeAllRanges();
  useFolio.setState({ cursor: { lang: version.lang, paragraph }, focusedAnnotationId: null });
  scrollToParagraph(version.lang, paragraph);
}

/** Moves the cursor to the aligned paragraph of the other language (side by side, interleaved). */
export function switchLanguage(): void {
  const s = useFolio.getState();
  const article = s.article;
  if (!article) return;
  const { left, right } = versionsForMode(article, s.settings?.viewMode ?? 'side-by-side');
  if (!right) return;
  const from = cursorVersion(article);
  const p = cursorParagraph(article, from);
  const beads = alignParagraphs(left.paragraphs.map((x) => x.text), right.paragraphs.map((x) => x.text));
  const fromLeft = from === left;
  const bead = beads.find((b) => (fromLeft ? b.left : b.right).includes(p));
  const target = fromLeft ? right : left;
  const paragraph = (fromLeft ? bead?.right[0] : bead?.left[0]) ?? Math.min(p, target.paragraphs.length - 1);
  window.getSelection()?.removeAllRanges();
  useFolio.setState({ cursor: { lang: target.lang, paragraph } });
  scrollToParagraph(target.lang, paragraph);
}

/** Selects the next/previous sentence, or extends/shrinks the selection by one (`extend`). */
export function moveSentence(dir: 1 | -1, extend: boolean): void {
  const article = useFolio.getState().article;
  if (!article) return;
  const sel = currentReaderSelection(article);
  const version = sel ? (article.versions.find((v) => v.lang === sel.lang) ?? cursorVersion(article)) : cursorVersion(article);
  const next = stepSentence(sentencesOf(version), sel && sel.lang === version.lang ? sel : null, cursorParagraph(article, version), dir, extend);
  const root = rootOf(version.lang);
  if (!next || !root) return;
  const range = textRangeToDomRange(root, next.start, next.end, paragraphOffsets(version.paragraphs));
  if (!range) return;
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
  const endParagraph = sentencesOf(version).filter((u) => u.end <= next.end).pop()?.paragraph ?? next.paragraph;
  useFolio.setState({ cursor: { lang: version.lang, paragraph: endParagraph }, focusedAnnotationId: null });
  (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.scrollIntoView({ block: 'nearest' });
}

/** Highlights the selection, or else the current paragraph; `withNote` opens its note editor. */
export async function highlightCurrent(color: HighlightColor, withNote: boolean): Promise<void> {
  if (await highlightSelection(color, withNote)) return;
  // Text selected outside the article (a card, the header): not ours to highlight, nor a paragraph.
  if (window.getSelection()?.isCollapsed === false) return;
  const article = useFolio.getState().article;
  if (!article) return;
  const version = cursorVersion(article);
  const unit = paragraphUnit(version.paragraphs, cursorParagraph(article, version));
  if (!unit) return;
  useFolio.setState({ cursor: { lang: version.lang, paragraph: unit.paragraph } });
  // `h` then `n` on the same paragraph: note the highlight already there, never a duplicate of it.
  const same = useFolio
    .getState()
    .annotations.find((a) => a.kind === 'highlight' && !a.orphaned && a.lang === version.lang && a.target?.position.start === unit.start && a.target.position.end === unit.end);
  if (same) {
    useFolio.setState({ focusedAnnotationId: same.id, ...(withNote ? { editingId: same.id } : {}) });
    return;
  }
  await createHighlight(article.id, version.lang, unit.start, unit.end, color, withNote);
}

/**
 * `1`–`5`: with a selection, highlight it in that colour; else recolour the highlight just made or
 * clicked (its card is focused); else highlight the current paragraph in that colour.
 */
export async function pickColour(k: number): Promise<void> {
  const color = HIGHLIGHT_COLORS[k - 1];
  if (!color) return;
  const s = useFolio.getState();
  const focused: AnchoredAnnotation | undefined = s.annotations.find((a) => a.id === s.focusedAnnotationId);
  if (!currentReaderSelection(s.article) && focused?.kind === 'highlight' && !focused.orphaned) {
    await updateAnnotation(focused.id, { color });
    return;
  }
  await highlightCurrent(color, false);
}
