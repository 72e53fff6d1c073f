/**
 * Cross-panel UI state in one small store (zustand): the library list, the open article, its
 * annotations, search, settings. Components read slices with selectors; actions call the API.
 */
import { create } from 'zustand';
import type { AppInfo } from '@shared/api';
import type { AnchoredAnnotation, Article, ArticleSummary, Lang, LibraryStatus, SearchHit } from '@shared/types';
import type { Settings, SettingsPatch } from '@shared/settings';
import { api } from '../lib/api';
import { toUiError, type UiError } from '../lib/errors';
import type { ListFilter } from '../features/library/sort-articles';
import type { ColumnFit } from './fit-columns';
import { backgroundTurn, foreground, noteActivity } from './background';

/** Where to scroll when an article opens: a paragraph with search matches, or a highlight. */
export interface ScrollTarget {
  lang: string;
  paragraph: number;
  /** Search-match ranges local to the paragraph, marked in the reader. */
  ranges?: Array<[number, number]>;
  annotationId?: string;
  /** The snippet text the ranges refer to (a window of the paragraph). */
  snippetText?: string;
}

export interface FolioState {
  info: AppInfo | null;
  status: LibraryStatus | null;
  articles: ArticleSummary[];
  /** False while only the first page of a progressive load is in `articles` (the rest follows). */
  listComplete: boolean;
  selectedId: string | null;
  article: Article | null;
  /** Why the selected article is not shown (a code, translated where it is shown). */
  articleError: UiError | null;
  /**
   * The article last shown before its file disappeared (deleted or renamed): when a file with the
   * same content reappears, it is opened again.
   */
  lostArticle: Article | null;
  /** The library list's filter; the list, its footer and `j`/`k` all follow it. */
  filter: ListFilter;
  /**
   * The first rows of each language filter while the rest of a large list is still loading,
   * asked of the server (which has the whole list) right after the first rows, or when the
   * filter is chosen; shown with the rows loaded so far, so a filter switch needs no request.
   */
  filterHeads: FilterHeads;
  /** The keyboard's current paragraph in the reader (moved with ↑/↓; `h`/`n` act on it). */
  cursor: { lang: Lang; paragraph: number } | null;
  /** The user asked to see the side panes although the window is too narrow for two columns. */
  showPanesAnyway: boolean;
  /** Panes the narrow layout hides now (App keeps it current; the `[`/`]` keys read it). */
  fitHides: { library: boolean; annotations: boolean };
  annotations: AnchoredAnnotation[];
  focusedAnnotationId: string | null;
  /** The annotation whose note editor is open; 'new-note' for a new article note not saved yet. */
  editingId: string | null;
  /** The note a draft article-note editor created on its first save (hidden from the list while it is open). */
  draftNoteId: string | null;
  scrollTarget: ScrollTarget | null;
  query: string;
  hits: SearchHit[] | null;
  /** How many articles match the current search in all (hits holds the pages loaded so far). */
  searchTotal: number;
  /** The total is an upper bound (quoted phrases not all checked yet). */
  searchApproximate: boolean;
  settings: Settings | null;
  toast: Toast | null;
  dialog: 'settings' | 'export' | 'shortcuts' | 'skipped' | 'notebook' | null;

  /**
   * Loads the library's state and its article list. `progressive` (the window's first load):
   * the first page of the list (newest first) is shown as soon as it arrives, the rest follows
   * in pages; the promise settles when the whole list is in. `onFirstRows` runs once the first
   * rows and the settings are in the state (the window resumes the last article then).
   */
  loadLibrary(opts?: { progressive?: boolean; onFirstRows?: () => void }): Promise<void>;
  openArticle(id: string, target?: ScrollTarget | null): Promise<void>;
  refreshAnnotations(): Promise<void>;
  /**
   * Brings the list's annotation counts of these articles up to date (their annotations changed
   * while another article was open: an undo, a redo, another process).
   */
  refreshCounts(articleIds: readonly string[]): Promise<void>;
  /** Reloads the library's status only (counts, skipped files, progress), not its list. */
  refreshStatus(): Promise<void>;
  setQuery(q: string): void;
  runSearch(q: string): Promise<void>;
  /** Re-runs the current search (files changed), keeping as many results as were loaded. */
  refreshSearch(): Promise<void>;
  /** Loads the next page of the current search's results. */
  loadMoreResults(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  focusAnnotation(id: string | null, scroll?: boolean): void;
  showToast(message: string, action?: Toast['action']): void;
  setDialog(d: FolioState['dialog']): void;
  setFilter(filter: ListFilter): void;
}

/** A status message; `action` (Undo) is bound to the one annotation change it would revert. */
export interface Toast {
  message: string;
  action?: { label: string; run: () => void; annotationId?: string };
}

/** The id editingId holds while a new article note is being written (created on its first save). */
export const NEW_NOTE = 'new-note';

let searchSeq = 0;
let librarySeq = 0;
let libraryLoad: Promise<void> = Promise.resolve();
/** Rows of the first page of a progressive load: more than any window shows. */
export const FIRST_LIST_PAGE = 500;
/**
 * Rows per later page: each is a short task for the server (~20 ms) and the renderer, so an
 * article clicked meanwhile waits behind at most one of them.
 */
export const LIST_PAGE = 2_000;
/** More changed articles than this reload the list rather than asking for each one's count. */
const MAX_COUNT_REFRESH = 20;
/** Articles whose list counts `refreshCounts` still has to ask for, and the run asking. */
const pendingCounts = new Set<string>();
let countsRun: Promise<void> | null = null;
/** Results fetched per request; "more results" fetches the next page. */
const RESULTS_PAGE = 50;
/** The most results one search request may ask for (SearchRequestSchema's `limit`). */
const MAX_RESULTS_REQUEST = 500;
let articleSeq = 0;
/** Settings requests in flight: only the newest reply may replace the optimistic state. */
let settingsSeq = 0;

export const useFolio = create<FolioState>((set, get) => ({
  info: null,
  status: null,
  articles: [],
  listComplete: true,
  selectedId: null,
  article: null,
  articleError: null,
  lostArticle: null,
  filter: { lang: null, tag: null },
  filterHeads: {},
  cursor: null,
  showPanesAnyway: false,
  fitHides: { library: false, annotations: false },
  annotations: [],
  focusedAnnotationId: null,
  editingId: null,
  draftNoteId: null,
  scrollTarget: null,
  query: '',
  hits: null,
  searchTotal: 0,
  searchApproximate: false,
  settings: null,
  toast: null,
  dialog: null,

  loadLibrary(opts = {}) {
    const seq = ++librarySeq;
    libraryLoad = loadLibraryAs(seq, opts.progressive === true, opts.onFirstRows);
    return libraryLoad;
  },

  async openArticle(id, target = null) {
    const seq = ++articleSeq;
    const same = get().selectedId === id;
    // Another article: the keyboard cursor and any open note editor belong to the previous one.
    set({
      selectedId: id,
      articleError: null,
      scrollTarget: target,
      focusedAnnotationId: target?.annotationId ?? null,
      cursor: same ? get().cursor : null,
      ...(same ? {} : { editingId: null, draftNoteId: null }),
    });
    try {
      // Foreground: the rest of a large list, and any reload, wait until the article is in.
      const [article, annotations] = await foreground(Promise.all([api('getArticle', { id }), api('listAnnotations', { articleId: id })]));
      if (seq !== articleSeq) return;
      // Marks for the first-paint measurement (e2e suite and benchmark): data in → rows painted.
      performance.mark('folio:article-data', { detail: id });
      const saved = get().settings?.positions[id] ?? 0;
      const firstLang = article.versions[0]?.lang ?? 'vi';
      // Without a search hit or highlight to show, resume where the reader left off.
      const resume = !target && saved > 0 ? { lang: firstLang, paragraph: saved } : target;
      set({ article, annotations, scrollTarget: resume, lostArticle: null });
      const paragraph = target?.paragraph ?? saved;
      void get().updateSettings({ position: { id, paragraph } });
    } catch (err) {
      if (seq === articleSeq) set((s) => ({ article: null, annotations: beingEdited(s), lostArticle: s.article ?? s.lostArticle, articleError: toUiError(err) }));
    }
  },

  async refreshAnnotations() {
    const id = get().article?.id;
    if (!id) return refreshKeptOfLost();
    let annotations: AnchoredAnnotation[];
    try {
      annotations = await foreground(api('listAnnotations', { articleId: id }));
    } catch (err) {
      // The file went after the save this refresh follows (which succeeded): the library's reload
      // reports the loss and keeps the note being written; failing here would stop the saves after.
      if (toUiError(err).code === 'article-not-found') return refreshKeptOfLost();
      throw err;
    }
    if (get().article?.id !== id) return;
    // Only this article's count changed: patch its summary rather than refetching the whole
    // library's list (tens of thousands of summaries after every keystroke's autosave).
    set((s) => ({
      annotations,
      articles: s.articles.map((a) => (a.id === id && a.annotationCount !== annotations.length ? { ...a, annotationCount: annotations.length } : a)),
    }));
  },

  refreshCounts(articleIds) {
    for (const id of articleIds) pendingCounts.add(id);
    // One worker drains the ids (an event per annotation when a tag is renamed across hundreds).
    countsRun ??= drainCounts().finally(() => {
      countsRun = null;
    });
    return countsRun;
  },

  async refreshStatus() {
    const seq = librarySeq;
    const status = await api('getLibraryStatus', {}).catch(() => null);
    // A whole load started meanwhile brings its own status.
    if (status && seq === librarySeq) set({ status });
  },

  setQuery(q) {
    set({ query: q });
  },

  async runSearch(q) {
    const seq = ++searchSeq;
    if (!q.trim()) {
      // Clearing the search clears its marks in the reader too (the scroll already happened).
      set({ hits: null, ...(get().scrollTarget?.ranges ? { scrollTarget: null } : {}) });
      return;
    }
    const page = await foreground(api('searchPage', { query: q, limit: RESULTS_PAGE, prefix: true }));
    if (seq === searchSeq) set({ hits: page.hits, searchTotal: page.total, searchApproximate: page.approximate ?? false });
  },

  async refreshSearch() {
    const { query, hits } = get();
    if (!query.trim()) return;
    const seq = ++searchSeq;
    // The pages "more results" loaded stay loaded: a file event must not drop the reader back to 50.
    const limit = Math.min(MAX_RESULTS_REQUEST, Math.max(RESULTS_PAGE, hits?.length ?? 0));
    const page = await api('searchPage', { query, limit, prefix: true });
    if (seq === searchSeq) set({ hits: page.hits, searchTotal: page.total, searchApproximate: page.approximate ?? false });
  },

  async loadMoreResults() {
    const { query, hits } = get();
    if (!hits || !query.trim()) return;
    const seq = searchSeq;
    const page = await foreground(api('searchPage', { query, limit: RESULTS_PAGE, offset: hits.length, prefix: true }));
    if (seq === searchSeq && get().hits === hits) set({ hits: [...hits, ...page.hits], searchTotal: page.total, searchApproximate: page.approximate ?? false });
  },

  async updateSettings(patch) {
    // Optimistic: controls reflect the change at once; the saved settings replace it on reply.
    const current = get().settings;
    const { position: _position, ...visible } = patch;
    if (current) set({ settings: { ...current, ...Object.fromEntries(Object.entries(visible).filter(([, v]) => v !== undefined)) } });
    const seq = ++settingsSeq;
    const settings = await api('updateSettings', patch);
    // An older reply would undo a newer optimistic change (two quick pane toggles): skip it.
    if (seq === settingsSeq) set({ settings });
  },

  focusAnnotation(id, scroll = false) {
    const a = get().annotations.find((x) => x.id === id);
    set({
      focusedAnnotationId: id,
      scrollTarget: scroll && a?.target ? { lang: a.lang, paragraph: a.target.paragraph, annotationId: a.id } : get().scrollTarget,
    });
  },

  showToast(message, action) {
    set({ toast: { message, action } });
  },

  setDialog(dialog) {
    set({ dialog });
  },

  setFilter(filter) {
    set({ filter });
    const lang = filter.lang;
    if (get().listComplete || !lang || lang === 'und' || get().filterHeads[lang]) return;
    // Not fetched yet: the rows loaded so far may hold none of this filter (the newest 500 of
    // 50,000 articles, all in one language), so its first rows come from the server now.
    void foreground(fetchHead(lang));
  },
}));

/** Whether each side pane is shown: the user's choice, unless the window is too narrow for two columns. */
export function panesShown(s: FolioState, fit: ColumnFit): { library: boolean; annotations: boolean } {
  const collapsed = s.settings?.panesCollapsed ?? { library: false, annotations: false };
  return {
    // Search results are listed in the library pane: a query shows it even where the narrow
    // layout hid it (a pane the user closed stays closed).
    library: !collapsed.library && (!fit.hideLibrary || s.query.trim() !== ''),
    // A note editor needs the annotations pane: it shows while one is open, even if hidden.
    annotations: (!collapsed.annotations && !fit.hideAnnotations) || s.editingId !== null,
  };
}

/**
 * What stays of the annotations when the open article's file goes: the one whose note is being
 * written, so the editor stays open and what is typed next is saved rather than sent to the
 * reader's shortcuts (the annotation store keeps it; the notebook lists it).
 */
function beingEdited(s: FolioState): AnchoredAnnotation[] {
  // Already lost (a second report of the same loss): what is shown stays as it is.
  if (!s.article) return keptOfLost && keptOfLost.articleId === s.selectedId ? s.annotations : [];
  // A new note's draft editor stays open too (see AnnotationsPane); the note it created is kept.
  const editedId = s.editingId === NEW_NOTE ? s.draftNoteId : s.editingId;
  const kept = editedId ? s.annotations.filter((a) => a.id === editedId) : [];
  keptOfLost = { articleId: s.article.id, kept };
  return kept;
}

/** The annotations kept on screen when the open article's file went (see `beingEdited`). */
let keptOfLost: { articleId: string; kept: AnchoredAnnotation[] } | null = null;

/**
 * After a delete, undo or edit of a note whose article's file is gone: the per-article listing
 * refuses a missing article, so read the store's own list and show the kept notes still in it
 * (a delete removes the card at once; its Undo brings it back).
 */
async function refreshKeptOfLost(): Promise<void> {
  const lost = keptOfLost;
  if (!lost || useFolio.getState().selectedId !== lost.articleId) return;
  const stored = new Map((await api('searchAnnotations', {})).map((a) => [a.id, a]));
  const s = useFolio.getState();
  if (s.article || s.selectedId !== lost.articleId) return;
  const annotations = lost.kept.flatMap((k) => {
    const now = stored.get(k.id);
    return now ? [{ ...now, orphaned: k.orphaned }] : [];
  });
  useFolio.setState({ annotations });
}

/**
 * One load of the library state (see `loadLibrary`). A load overtaken by a newer one stops
 * applying anything and settles with the newer one. The list always comes in pages, newest
 * first: the first one at once, every later one as background work (see `backgroundTurn`), so a
 * whole 50,000-article list is never one long request, one long parse, nor ahead of an article
 * the user opened. A reload (not `progressive`) keeps showing the old list until the new one is in.
 */
async function loadLibraryAs(seq: number, progressive: boolean, onFirstRows?: () => void): Promise<void> {
  // A reload (a file event) is background work too: it starts when the reader is not waiting.
  if (!progressive) await backgroundTurn();
  if (seq !== librarySeq) return libraryLoad;
  const [info, status, firstPage, firstSettings] = await Promise.all([
    api('getAppInfo', {}),
    api('getLibraryStatus', {}),
    api('listArticles', { offset: 0, limit: FIRST_LIST_PAGE }),
    useFolio.getState().settings ? Promise.resolve(useFolio.getState().settings as Settings) : api('getSettings', {}),
  ]);
  if (seq !== librarySeq) return libraryLoad;
  let articles = firstPage;
  let settings = firstSettings;
  if (articles.length === FIRST_LIST_PAGE) {
    // The first rows paint now; the rest arrive in pages, each when the reader is idle.
    if (progressive) {
      useFolio.setState({ info, status, articles, settings, listComplete: false });
      onFirstRows?.();
      // The reader acts on the first rows now: the rest waits for a quiet moment.
      noteActivity();
    }
    if (progressive) {
      // Each language filter's first rows, before the rest: a switch then shows them at once.
      for (const lang of FILTER_LANGS.filter((l) => !useFolio.getState().filterHeads[l])) {
        await backgroundTurn();
        if (seq !== librarySeq) return libraryLoad;
        await fetchHead(lang);
      }
    }
    const pages: ArticleSummary[][] = [articles];
    for (let offset = FIRST_LIST_PAGE; ; offset += LIST_PAGE) {
      await backgroundTurn();
      if (seq !== librarySeq) return libraryLoad;
      const page = await api('listArticles', { offset, limit: LIST_PAGE });
      // A newer load (an event, a library switch) owns the list now.
      if (seq !== librarySeq) return libraryLoad;
      pages.push(page);
      if (page.length < LIST_PAGE) break;
    }
    articles = withoutRepeats(pages.flat());
    settings = useFolio.getState().settings ?? settings;
  }
  useFolio.setState({ info, status, articles, settings, listComplete: true, filterHeads: {} });
  if (articles.length < FIRST_LIST_PAGE || !progressive) onFirstRows?.();
  const { selectedId: selected, article } = useFolio.getState();
  // The open article's file is gone (deleted or renamed): say so, and remember it.
  if (selected && !articles.some((a) => a.id === selected)) {
    useFolio.setState({ article: null, annotations: beingEdited(useFolio.getState()), lostArticle: article ?? useFolio.getState().lostArticle, articleError: { code: 'article-not-found', params: { id: selected } } });
  }
}

/**
 * The list without a second row for an article: pages are read from a library that may change
 * between two of them, which can move an article across a page boundary (the change's own event
 * then reloads the list, so nothing stays missing).
 */
function withoutRepeats(list: ArticleSummary[]): ArticleSummary[] {
  const seen = new Set<string>();
  const out: ArticleSummary[] = [];
  for (const a of list) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
  }
  return out.length === list.length ? list : out;
}

/** The language filters the list offers (the `und` filter is never chosen in the window). */
const FILTER_LANGS = ['pair', 'vi', 'en'] as const;
/** First rows per language filter (see `filterHeads`). */
export type FilterHeads = Partial<Record<(typeof FILTER_LANGS)[number], ArticleSummary[]>>;

/** Fetches the first rows of a language filter into `filterHeads` while the list is loading. */
async function fetchHead(lang: (typeof FILTER_LANGS)[number]): Promise<void> {
  const rows = await api('listArticles', { offset: 0, limit: FIRST_LIST_PAGE, lang }).catch(() => null);
  const s = useFolio.getState();
  if (rows && !s.listComplete) useFolio.setState({ filterHeads: { ...s.filterHeads, [lang]: rows } });
}

/** Asks for the annotation count of every pending article not open, in the background. */
async function drainCounts(): Promise<void> {
  while (pendingCounts.size > 0) {
    await backgroundTurn();
    const { article, articles } = useFolio.getState();
    const known = new Set(articles.map((a) => a.id));
    const ids = [...pendingCounts].filter((id) => id !== article?.id && known.has(id));
    pendingCounts.clear();
    // Many at once (a tag renamed across the library): one reload beats a request per article.
    if (ids.length > MAX_COUNT_REFRESH) {
      await useFolio.getState().loadLibrary();
      continue;
    }
    for (const id of ids) {
      const count = await api('listAnnotations', { articleId: id }).then(
        (list) => list.length,
        () => null,
      );
      if (count !== null) useFolio.setState((s) => ({ articles: s.articles.map((a) => (a.id === id && a.annotationCount !== count ? { ...a, annotationCount: count } : a)) }));
    }
  }
}
