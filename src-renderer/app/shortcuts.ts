/**
 * Global keyboard shortcuts. Articles: j/k. Reading: ↑/↓ paragraph, ←/→ sentence (Shift extends),
 * t other language, h/n highlight/note (the selection, else the current paragraph), 1–5 colours.
 * View: v/e/b/i, [ and ] hide panes. / search, ? help, Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z redo.
 * The full list, with labels, is SHORTCUTS (shown by `?`).
 */
import { useEffect, type RefObject } from 'react';
import { useFolio } from './store';
import { redo, undo } from '../features/annotations/actions';
import { sortedList } from '../features/library/sort-articles';
import { highlightCurrent, moveParagraph, moveSentence, pickColour, switchLanguage } from '../features/reader/keyboard-reading';
import type { ViewMode } from '../features/reader/reader-rows';
import i18n from '../lib/i18n';

/** Every shortcut as the help dialog lists it: keys and an i18n label key. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; label: string }> = [
  { keys: 'j / k', label: 'shortcuts.nextPrev' },
  { keys: '↓ / ↑', label: 'shortcuts.paragraph' },
  { keys: '→ / ←', label: 'shortcuts.sentence' },
  { keys: 'Shift → / Shift ←', label: 'shortcuts.extend' },
  { keys: 't', label: 'shortcuts.otherLanguage' },
  { keys: 'h', label: 'shortcuts.highlight' },
  { keys: 'n', label: 'shortcuts.note' },
  { keys: '1 – 5', label: 'shortcuts.colours' },
  { keys: 'v / e', label: 'shortcuts.viewSingle' },
  { keys: 'b / i', label: 'shortcuts.viewPair' },
  { keys: '[ / ]', label: 'shortcuts.panes' },
  { keys: '/', label: 'shortcuts.focusSearch' },
  { keys: 'Esc', label: 'shortcuts.escape' },
  { keys: 'Ctrl/⌘ Z', label: 'shortcuts.undo' },
  { keys: 'Ctrl/⌘ Shift Z', label: 'shortcuts.redo' },
  { keys: '?', label: 'shortcuts.help' },
];

const VIEW_KEYS: Record<string, ViewMode> = { v: 'vi', e: 'en', b: 'side-by-side', i: 'interleaved' };

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Arrow keys belong to widgets that use them (the article list, the view switch, resizers). */
function arrowsOwnedBy(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('[role="listbox"], [role="radiogroup"], [role="separator"], [role="slider"]');
}

/** Moves to the next (+1) or previous (−1) article in the list order. */
export function step(delta: 1 | -1) {
  const s = useFolio.getState();
  // The list exactly as the library pane shows it: search hits, or the sorted, filtered articles.
  const sort = s.settings?.sort ?? 'date';
  const list = s.query.trim() && s.hits ? s.hits.map((h) => h.id) : sortedList(s.articles, sort, s.filter, i18n.language, sort === 'recent' ? s.settings?.lastRead : undefined).map((a) => a.id);
  if (!list.length) return;
  const at = s.selectedId ? list.indexOf(s.selectedId) : -1;
  const next = list[Math.max(0, Math.min(list.length - 1, at + delta))];
  if (next && next !== s.selectedId) {
    void s.openArticle(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-article-id="${next}"]`)?.scrollIntoView({ block: 'nearest' }));
  }
}

/** As the top bar's toggles: shows a pane the narrow layout hid, else flips the saved choice. */
function togglePane(pane: 'library' | 'annotations'): void {
  const s = useFolio.getState();
  const collapsed = s.settings?.panesCollapsed ?? { library: false, annotations: false };
  if (!collapsed[pane] && s.fitHides[pane] && !s.showPanesAnyway) useFolio.setState({ showPanesAnyway: true });
  else void s.updateSettings({ panesCollapsed: { ...collapsed, [pane]: !collapsed[pane] } });
}

/** Handles one key press; returns true when it was a shortcut (the default action is then prevented). */
export function handleShortcut(e: KeyboardEvent, focusSearch: () => void): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key.toLowerCase() === 'z' && !typingInField(e.target)) {
    void (e.shiftKey ? redo() : undo());
    return true;
  }
  if (mod && e.key.toLowerCase() === 'y' && !typingInField(e.target)) {
    void redo();
    return true;
  }
  const s = useFolio.getState();
  if (mod || e.altKey || typingInField(e.target) || s.dialog) return false;
  if (e.key.startsWith('Arrow')) {
    if (arrowsOwnedBy(e.target) || !s.article) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') moveParagraph(e.key === 'ArrowDown' ? 1 : -1);
    else moveSentence(e.key === 'ArrowRight' ? 1 : -1, e.shiftKey);
    return true;
  }
  if (/^[1-5]$/.test(e.key)) {
    void pickColour(Number(e.key));
    return true;
  }
  const view = VIEW_KEYS[e.key];
  if (view) {
    void s.updateSettings({ viewMode: view });
    return true;
  }
  switch (e.key) {
    case 'j':
      step(1);
      return true;
    case 'k':
      step(-1);
      return true;
    case '/':
      focusSearch();
      return true;
    case '?':
      s.setDialog('shortcuts');
      return true;
    case 'h':
      void highlightCurrent('yellow', false);
      return true;
    case 'n':
      void highlightCurrent('yellow', true);
      return true;
    case 't':
      switchLanguage();
      return true;
    case '[':
      togglePane('library');
      return true;
    case ']':
      togglePane('annotations');
      return true;
    case 'Escape':
      if (!s.cursor && window.getSelection()?.isCollapsed !== false) return false;
      window.getSelection()?.removeAllRanges();
      useFolio.setState({ cursor: null });
      return true;
    default:
      return false;
  }
}

/** Installs the shortcuts on the document. */
export function useShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (handleShortcut(e, () => searchRef.current?.focus())) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
