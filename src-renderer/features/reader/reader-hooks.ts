/** The reader's effects: progressive rendering, first-paint mark, scroll-to-target, reading position. */
import { useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { AnchoredAnnotation } from '@shared/types';
import { textRangeToDomRange } from '../../anchoring/textRange';
import type { ScrollTarget } from '../../app/store';
import type { Cell } from './reader-rows';
import type { Side } from './ArticleBody';

/** How many cells to render: `first` at once, then `chunk` more per frame until `total`. */
export function useProgressiveLimit(articleId: string, mode: string, total: number, first: number, chunk: number): number {
  const [limit, setLimit] = useState(first);
  useLayoutEffect(() => setLimit(first), [articleId, mode, first]);
  useEffect(() => {
    if (limit >= total) return;
    const frame = requestAnimationFrame(() => setLimit((l) => l + chunk));
    return () => cancelAnimationFrame(frame);
  }, [limit, total, chunk]);
  return limit;
}

/** Marks the first paint of a newly opened article, measured from the data's arrival (store.openArticle). */
export function useFirstPaintMark(articleId: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      performance.mark('folio:article-painted', { detail: articleId });
      try {
        performance.measure('folio:first-paint', 'folio:article-data', 'folio:article-painted');
      } catch {
        // no data mark (e.g. a mode switch): nothing to measure
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [articleId]);
}

/**
 * Scrolls to a search hit, a highlight or the saved position once its row is rendered
 * (progressive rendering may not have reached it yet: the caller's limit grows past it).
 */
export function useScrollToTarget(
  gridRef: RefObject<HTMLDivElement | null>,
  target: ScrollTarget | null,
  cells: Cell[],
  limit: number,
  leftLang: string,
  sideFor: (lang: string) => Side | null,
  annotations: AnchoredAnnotation[],
): void {
  const targetCell = useMemo(() => {
    if (!target) return -1;
    const side = target.lang === leftLang ? 'left' : 'right';
    return cells.findIndex((c) => c.side === side && c.paragraphs.includes(target.paragraph));
  }, [target, cells, leftLang]);
  const rendered = targetCell >= 0 && targetCell < limit;
  useEffect(() => {
    if (!target || !rendered || !gridRef.current) return;
    const root = gridRef.current.querySelector<HTMLElement>(`.lang-root[data-lang="${target.lang}"]`);
    const side = sideFor(target.lang);
    const ann = target.annotationId ? annotations.find((a) => a.id === target.annotationId) : undefined;
    let el: Element | null = null;
    if (root && side && ann?.target) {
      const range = textRangeToDomRange(root, ann.target.position.start, ann.target.position.end, side.starts);
      el = range?.startContainer instanceof Element ? range.startContainer : (range?.startContainer.parentElement ?? null);
    }
    el ??= root?.querySelector(`[data-paragraph="${target.paragraph}"]`) ?? null;
    el?.scrollIntoView({ block: 'center' });
    // Scroll once per target, when its row appears; not again as annotations or limits change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, rendered]);
}

/** Reports the first paragraph (of `lang`) whose bottom is in view, at most every 800 ms of scrolling. */
export function useReadingPosition(gridRef: RefObject<HTMLDivElement | null>, lang: string, onTopParagraph: (p: number) => void): void {
  useEffect(() => {
    const grid = gridRef.current;
    const scroller = grid?.closest('.reader-scroll');
    if (!grid || !scroller) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const top = scroller.getBoundingClientRect().top;
        for (const p of grid.querySelectorAll<HTMLElement>(`.lang-root[data-lang="${lang}"] [data-paragraph]`)) {
          if (p.getBoundingClientRect().bottom > top + 10) {
            onTopParagraph(Number(p.dataset.paragraph));
            break;
          }
        }
      }, 800);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [gridRef, lang, onTopParagraph]);
}
