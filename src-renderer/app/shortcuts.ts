/** Global keyboard shortcuts: j/k articles, / search, h/n highlight, ? help, Ctrl/Cmd+Z undo. */
import { useEffect, type RefObject } from 'react';
import { useFolio } from './store';
import { highlightSelection } from '../features/reader/Reader';
import { redo, undo } from '../features/annotations/actions';
import { sortAndFilter } from '../features/library/sort-articles';
import i18n from '../lib/i18n';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Moves to the next (+1) or previous (−1) article in the list order. */
function step(delta: 1 | -1) {
  const s = useFolio.getState();
  // The list exactly as the library pane shows it: search hits, or the sorted, filtered articles.
  const list = s.query.trim() && s.hits ? s.hits.map((h) => h.id) : sortAndFilter(s.articles, s.settings?.sort ?? 'date', s.filter, i18n.language, s.settings?.lastRead).map((a) => a.id);
  if (!list.length) return;
  const at = s.selectedId ? list.indexOf(s.selectedId) : -1;
  const next = list[Math.max(0, Math.min(list.length - 1, at + delta))];
  if (next && next !== s.selectedId) {
    void s.openArticle(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-article-id="${next}"]`)?.scrollIntoView({ block: 'nearest' }));
  }
}

/** Installs the shortcuts on the document. */
export function useShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !typingInField(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo());
        return;
      }
      if (mod && e.key.toLowerCase() === 'y' && !typingInField(e.target)) {
        e.preventDefault();
        void redo();
        return;
      }
      if (mod || e.altKey || typingInField(e.target) || useFolio.getState().dialog) return;
      switch (e.key) {
        case 'j':
          step(1);
          break;
        case 'k':
          step(-1);
          break;
        case '/':
          e.preventDefault();
          searchRef.current?.focus();
          break;
        case '?':
          useFolio.getState().setDialog('shortcuts');
          break;
        case 'h':
          void highlightSelection('yellow', false);
          break;
        case 'n':
          void highlightSelection('yellow', true);
          break;
        default:
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
