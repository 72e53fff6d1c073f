/**
 * The article text: one version, or two aligned versions (side by side / interleaved) on one CSS
 * grid so rows stay aligned and scroll together. Each language's cells sit under their own
 * `.lang-root` (display: contents) so selections map to one version's text. Large articles render
 * progressively: the first rows paint at once, the rest in later frames.
 */
import { useMemo, useRef, type MouseEvent } from 'react';
import type { AnchoredAnnotation, Article, ArticleVersion, Lang } from '@shared/types';
import { paragraphOffsets } from '@shared/text';
import { alignParagraphs } from '@shared/align/index';
import { layoutRows, type Cell, type ViewMode } from './reader-rows';
import { ParagraphView } from './ParagraphView';
import type { PlacedHighlight } from './segments';
import type { ScrollTarget } from '../../app/store';
import { localizeSnippetRanges } from './reader-selection';
import { counterpartOf } from './cross-language';
import { useFirstPaintMark, useProgressiveLimit, useReadingPosition, useScrollToTarget } from './reader-hooks';

/**
 * Cells rendered in the first frame; enough to fill any screen. `?render=full` turns progressive
 * rendering off: the benchmark's baseline (bench/reader/first-paint.ts).
 */
const FIRST_CHUNK = new URLSearchParams(location.search).get('render') === 'full' ? Number.MAX_SAFE_INTEGER : 60;
/** Cells added per following frame. */
const CHUNK = 150;

export interface ArticleBodyProps {
  article: Article;
  annotations: AnchoredAnnotation[];
  mode: ViewMode;
  focusedId: string | null;
  scrollTarget: ScrollTarget | null;
  onHighlightClick(id: string): void;
  /** Called when the paragraph at the top of the view changes (reading position). */
  onTopParagraph(paragraph: number): void;
  /** The keyboard's current paragraph, if any. */
  cursor?: { lang: string; paragraph: number } | null;
  /** Called with the paragraph a click landed in (it becomes the keyboard's current one). */
  onParagraphClick?(lang: Lang, paragraph: number): void;
}

/** One language column: its version, paragraph offsets and placed highlights. */
export interface Side {
  version: ArticleVersion;
  starts: number[];
  highlights: PlacedHighlight[];
  withNotes: Set<string>;
}

/**
 * A column's highlights; with `echoes`, also the aligned sentences of highlights made in the
 * other language (cross-language highlights, drawn faintly).
 */
function sideOf(version: ArticleVersion, annotations: AnchoredAnnotation[], article: Article | null): Side {
  const mine = annotations.filter((a) => a.lang === version.lang && a.kind === 'highlight' && !a.orphaned && a.target);
  const echoes: PlacedHighlight[] = article
    ? annotations
        .filter((a) => a.lang !== version.lang)
        .flatMap((a) => (counterpartOf(article, a)?.spans ?? []).map((sp) => ({ id: a.id, start: sp.start, end: sp.end, color: a.color, echo: true })))
    : [];
  return {
    version,
    starts: paragraphOffsets(version.paragraphs),
    highlights: [...echoes, ...mine.map((a) => ({ id: a.id, start: a.target!.position.start, end: a.target!.position.end, color: a.color }))],
    withNotes: new Set(mine.filter((a) => a.note.trim()).map((a) => a.id)),
  };
}

/** Which versions a mode shows, left then right. */
export function versionsForMode(article: Article, mode: ViewMode): { left: ArticleVersion; right: ArticleVersion | null } {
  const [a, b] = article.versions;
  if (!a) throw new Error('article without versions');
  if (!b) return { left: a, right: null };
  if (mode === 'vi' || mode === 'en') return { left: article.versions.find((v) => v.lang === mode) ?? a, right: null };
  return { left: a, right: b };
}

/** The article's paragraphs, laid out for `mode`. */
export function ArticleBody({ article, annotations, mode, focusedId, scrollTarget, onHighlightClick, onTopParagraph, cursor, onParagraphClick }: ArticleBodyProps) {
  const { left, right } = versionsForMode(article, mode);
  // Echoes only where both versions are on screen.
  const sides = useMemo(
    () => ({ left: sideOf(left, annotations, right ? article : null), right: right ? sideOf(right, annotations, article) : null }),
    [left, right, annotations, article],
  );
  const beads = useMemo(
    () => (right ? alignParagraphs(left.paragraphs.map((p) => p.text), right.paragraphs.map((p) => p.text)) : []),
    [left, right],
  );
  const cells = useMemo(() => layoutRows(mode, beads, left.paragraphs.length, right?.paragraphs.length ?? 0, right ? null : 'left'), [mode, beads, left, right]);
  const gridRef = useRef<HTMLDivElement>(null);

  const limit = useProgressiveLimit(article.id, mode, cells.length, FIRST_CHUNK, CHUNK);
  useFirstPaintMark(article.id);
  useScrollToTarget(gridRef, scrollTarget, cells, limit, left.lang, (lang) => (lang === left.lang ? sides.left : sides.right), annotations);
  useReadingPosition(gridRef, left.lang, onTopParagraph);

  const marksFor = (side: Side, p: number) => {
    if (!scrollTarget?.ranges || scrollTarget.lang !== side.version.lang || scrollTarget.paragraph !== p) return undefined;
    const text = side.version.paragraphs[p]?.text ?? '';
    return scrollTarget.snippetText ? localizeSnippetRanges(text, scrollTarget.snippetText, scrollTarget.ranges) : scrollTarget.ranges;
  };

  const renderCell = (cell: Cell, i: number) => {
    const side = cell.side === 'left' ? sides.left : sides.right;
    if (!side) return null;
    const column = mode === 'side-by-side' && right ? (cell.side === 'left' ? 1 : 2) : 1;
    return (
      <div
        key={`${cell.side}-${cell.row}`}
        className={`cell cell-${cell.side}${right && mode === 'interleaved' && cell.side === 'right' ? ' translation' : ''}`}
        data-bead={cell.bead}
        data-row={cell.row}
        data-side={cell.side}
        lang={side.version.lang === 'und' ? undefined : side.version.lang}
        ref={(el) => {
          if (el) {
            el.style.gridRow = String(cell.row);
            el.style.gridColumn = String(column);
          }
        }}
        data-cell={i}
      >
        {cell.paragraphs.map((p) => {
          const paragraph = side.version.paragraphs[p];
          if (!paragraph) return null;
          return (
            <ParagraphView
              key={p}
              paragraph={paragraph}
              start={side.starts[p] ?? 0}
              highlights={side.highlights}
              withNotes={side.withNotes}
              focusedId={focusedId}
              marks={marksFor(side, p)}
              current={cursor?.lang === side.version.lang && cursor.paragraph === p}
            />
          );
        })}
      </div>
    );
  };

  const visible = cells.slice(0, limit);
  const onClick = (e: MouseEvent) => {
    const mark = (e.target as Element).closest('[data-highlight-ids]');
    const ids = mark?.getAttribute('data-highlight-ids')?.split(' ').filter(Boolean);
    const last = ids?.[ids.length - 1];
    if (last && window.getSelection()?.isCollapsed !== false) onHighlightClick(last);
    const para = (e.target as Element).closest<HTMLElement>('[data-paragraph]');
    const lang = para?.closest<HTMLElement>('.lang-root[data-lang]')?.dataset.lang as Lang | undefined;
    if (para && lang) onParagraphClick?.(lang, Number(para.dataset.paragraph));
  };
  const clearCounterparts = () => gridRef.current?.querySelectorAll('.counterpart').forEach((el) => el.classList.remove('counterpart'));
  const onHover = (e: MouseEvent) => {
    const grid = gridRef.current;
    const cell = (e.target as Element).closest<HTMLElement>('[data-bead]');
    clearCounterparts();
    if (!grid || !cell || !right || mode === 'vi' || mode === 'en') return;
    grid.querySelectorAll(`[data-bead="${cell.dataset.bead}"]`).forEach((el) => el !== cell && el.classList.add('counterpart'));
  };

  return (
    <div
      ref={gridRef}
      className={`article-grid mode-${right ? mode : 'single'}`}
      onClick={onClick}
      onMouseOver={onHover}
      // Leaving the text (to a dialog, a pane, the top bar) ends the hover: nothing stays shaded.
      onMouseLeave={clearCounterparts}
      data-rendered={visible.length === cells.length ? 'all' : 'partial'}
    >
      <div className="lang-root" data-lang={left.lang}>
        {visible.map((c, i) => (c.side === 'left' ? renderCell(c, i) : null))}
      </div>
      {right && (
        <div className="lang-root" data-lang={right.lang}>
          {visible.map((c, i) => (c.side === 'right' ? renderCell(c, i) : null))}
        </div>
      )}
    </div>
  );
}
