/**
 * The library's article list: title, date, source, language badges, annotation count.
 * Virtualised (as Zotero's item tree is): only the rows in view, plus a few either side, exist in
 * the DOM, so a 50,000-article library costs what a 100-article one does. It stays a WAI-ARIA
 * listbox: every row carries `aria-setsize`/`aria-posinset`, focus is a roving tab stop moved by
 * index (not by the rows that happen to exist), and the row being moved to is scrolled into
 * existence before it takes focus.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleSummary } from '@shared/types';
import { formatDate } from '../../lib/i18n';
import { langBadge } from './sort-articles';
import { nextListIndex } from './list-keys';

export interface ArticleListProps {
  articles: ArticleSummary[];
  selectedId: string | null;
  onOpen(id: string): void;
}

/** Row height until the first row is measured (CSS gives every row the same height). */
const ROW_ESTIMATE = 72;
/** Rows rendered beyond each edge of the viewport (smooth scrolling, Page Up/Down). */
const OVERSCAN = 12;

interface RowProps {
  article: ArticleSummary;
  language: string;
}

/** The content of one option; memoised so scrolling re-renders only rows that enter. */
const ArticleRow = memo(function ArticleRow({ article: a, language }: RowProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="article-title">{a.title}</div>
      <div className="article-meta">
        <span className="badge" aria-label={a.langs.join(', ')}>{langBadge(a.langs)}</span>
        {a.date && <time dateTime={a.date}>{formatDate(a.date.slice(0, 10), language)}</time>}
        {a.source && <span className="source">{a.source}</span>}
        {a.annotationCount > 0 && (
          <span className="count" title={t('library.annotations', { count: a.annotationCount })}>
            ✎ {a.annotationCount}
          </span>
        )}
      </div>
    </>
  );
});

/** A virtualised listbox of articles; the selected one is `aria-selected`. */
export function ArticleList({ articles, selectedId, onOpen }: ArticleListProps) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [rowHeight, setRowHeight] = useState(ROW_ESTIMATE);
  // Once per list or selection, not on every scroll frame (the list re-renders as it scrolls).
  const selectedIndex = useMemo(() => (selectedId ? articles.findIndex((a) => a.id === selectedId) : -1), [articles, selectedId]);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const focusPending = useRef(false);
  const count = articles.length;

  // Stable callbacks: the virtualizer rebuilds its position of every row (50,000 objects) whenever
  // getItemKey changes identity, which an inline function does on every render.
  const getItemKey = useCallback((i: number) => articles[i]?.id ?? i, [articles]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer({
    count,
    // The pane's scroll box is the list's parent: the list scrolls with the pane's padding.
    getScrollElement: () => listRef.current?.parentElement ?? null,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    // Before layout is known (first paint, tests without layout), render a screenful.
    initialRect: { width: 300, height: 900 },
  });

  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = list?.parentElement;
    if (list && scroller) setScrollMargin(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
  }, []);

  // Every row has the CSS height of the first: measure one row, once and when the font changes,
  // instead of each row as it scrolls in (which re-lays out the whole list at 50,000 rows).
  useLayoutEffect(() => {
    const measure = (): void => {
      const row = listRef.current?.querySelector<HTMLElement>('[role="option"]');
      const h = row?.offsetHeight ?? 0;
      if (h > 0 && Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    const first = listRef.current?.querySelector('[role="option"]');
    if (observer && first) observer.observe(first);
    return () => observer?.disconnect();
  }, [rowHeight, count]);

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // The pane's scroll box shrinks when something appears above it (the scan progress bar): a
  // selected row that was fully in view stays fully in view, rather than half hidden at the bottom.
  const layout = useRef({ selectedIndex, rowHeight, scrollMargin });
  layout.current = { selectedIndex, rowHeight, scrollMargin };
  useEffect(() => {
    const scroller = listRef.current?.parentElement;
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    let height = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      const before = height;
      height = scroller.clientHeight;
      const { selectedIndex: index, rowHeight: rowH, scrollMargin: margin } = layout.current;
      if (index < 0 || height >= before) return;
      const top = margin + index * rowH;
      const bottom = top + rowH;
      const view = scroller.scrollTop;
      const wasShown = top >= view && bottom <= view + before;
      if (wasShown && bottom > view + height) scroller.scrollTop = bottom - height;
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // Keep the roving tab stop on a row that exists in this list (filters and sorting move rows).
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  // The selection moved from elsewhere (j/k, a search hit, a reload): bring its row into view.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActive(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // Focus follows keyboard moves once the target row has been rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const items = virtualizer.getVirtualItems();
  return (
    <ul
      ref={listRef}
      className="article-list virtual"
      role="listbox"
      aria-label={t('library.title')}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      onKeyDown={(e) => {
        // Enter opens the row the keyboard moved to, even if its element has not taken focus yet
        // (End then Enter, typed faster than the row can render).
        if (e.key === 'Enter' || e.key === ' ') {
          const target = articles[activeIndex];
          if (!target) return;
          e.preventDefault();
          onOpen(target.id);
          return;
        }
        const pageRows = Math.max(1, Math.floor((listRef.current?.parentElement?.clientHeight ?? 600) / rowHeight) - 1);
        const next = nextListIndex(e.key, activeIndex, count, pageRows);
        if (next === null) return;
        e.preventDefault();
        focusPending.current = true;
        setActive(next);
        virtualizer.scrollToIndex(next, { align: 'auto' });
      }}
    >
      {items.map((item) => {
        const a = articles[item.index];
        if (!a) return null;
        const selected = a.id === selectedId;
        const tabbable = item.index === activeIndex;
        return (
          <li
            key={item.key}
            title={a.title}
            data-index={item.index}
            role="option"
            aria-selected={selected}
            aria-setsize={count}
            aria-posinset={item.index + 1}
            tabIndex={tabbable ? 0 : -1}
            className="article-item"
            data-article-id={a.id}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start - scrollMargin}px)` }}
            onClick={() => {
              setActive(item.index);
              onOpen(a.id);
            }}
            onFocus={() => {
              if (!focusPending.current) setActive(item.index);
            }}
          >
            <ArticleRow article={a} language={i18n.language} />
          </li>
        );
      })}
    </ul>
  );
}
