/**
 * Cross-panel UI state in one small store (zustand): the library list, the open article, its
 * annotations, search, settings. Components read slices with selectors; actions call the API.
 */
import { create } from 'zustand';
import type { AppInfo } from '@shared/api';
import type { AnchoredAnnotation, Article, ArticleSummary, LibraryStatus, SearchHit } from '@shared/types';
import type { Settings, SettingsPatch } from '@shared/settings';
import { api } from '../lib/api';

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
  selectedId: string | null;
  article: Article | null;
  articleError: string | null;
  annotations: AnchoredAnnotation[];
  focusedAnnotationId: string | null;
  /** The annotation whose note editor is open. */
  editingId: string | null;
  scrollTarget: ScrollTarget | null;
  query: string;
  hits: SearchHit[] | null;
  /** How many articles match the current search in all (hits holds the pages loaded so far). */
  searchTotal: number;
  /** The total is an upper bound (quoted phrases not all checked yet). */
  searchApproximate: boolean;
  settings: Settings | null;
  toast: { message: string; action?: { label: string; run: () => void } } | null;
  dialog: 'settings' | 'export' | 'shortcuts' | 'skipped' | null;

  loadLibrary(): Promise<void>;
  openArticle(id: string, target?: ScrollTarget | null): Promise<void>;
  refreshAnnotations(): Promise<void>;
  setQuery(q: string): void;
  runSearch(q: string): Promise<void>;
  /** Loads the next page of the current search's results. */
  loadMoreResults(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  focusAnnotation(id: string | null, scroll?: boolean): void;
  showToast(message: string, action?: { label: string; run: () => void }): void;
  setDialog(d: FolioState['dialog']): void;
}

let searchSeq = 0;
/** Results fetched per request; "more results" fetches the next page. */
const RESULTS_PAGE = 50;
let articleSeq = 0;

export const useFolio = create<FolioState>((set, get) => ({
  info: null,
  status: null,
  articles: [],
  selectedId: null,
  article: null,
  articleError: null,
  annotations: [],
  focusedAnnotationId: null,
  editingId: null,
  scrollTarget: null,
  query: '',
  hits: null,
  searchTotal: 0,
  searchApproximate: false,
  settings: null,
  toast: null,
  dialog: null,

  async loadLibrary() {
    const [info, status, articles, settings] = await Promise.all([
      api('getAppInfo', {}),
      api('getLibraryStatus', {}),
      api('listArticles', {}),
      get().settings ? Promise.resolve(get().settings as Settings) : api('getSettings', {}),
    ]);
    set({ info, status, articles, settings });
    const selected = get().selectedId;
    if (selected && !articles.some((a) => a.id === selected)) set({ selectedId: null, article: null, annotations: [] });
  },

  async openArticle(id, target = null) {
    const seq = ++articleSeq;
    set({ selectedId: id, articleError: null, scrollTarget: target, focusedAnnotationId: target?.annotationId ?? null });
    try {
      const [article, annotations] = await Promise.all([api('getArticle', { id }), api('listAnnotations', { articleId: id })]);
      if (seq !== articleSeq) return;
      // Marks for the first-paint measurement (e2e suite and benchmark): data in → rows painted.
      performance.mark('folio:article-data', { detail: id });
      const saved = get().settings?.positions[id] ?? 0;
      const firstLang = article.versions[0]?.lang ?? 'vi';
      // Without a search hit or highlight to show, resume where the reader left off.
      const resume = !target && saved > 0 ? { lang: firstLang, paragraph: saved } : target;
      set({ article, annotations, scrollTarget: resume });
      const paragraph = target?.paragraph ?? saved;
      void api('updateSettings', { position: { id, paragraph } }).then((settings) => set({ settings }));
    } catch (err) {
      if (seq === articleSeq) set({ article: null, annotations: [], articleError: err instanceof Error ? err.message : String(err) });
    }
  },

  async refreshAnnotations() {
    const id = get().article?.id;
    if (!id) return;
    const annotations = await api('listAnnotations', { articleId: id });
    if (get().article?.id === id) set({ annotations });
    const articles = await api('listArticles', {});
    set({ articles });
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
    const page = await api('searchPage', { query: q, limit: RESULTS_PAGE, prefix: true });
    if (seq === searchSeq) set({ hits: page.hits, searchTotal: page.total, searchApproximate: page.approximate ?? false });
  },

  async loadMoreResults() {
    const { query, hits } = get();
    if (!hits || !query.trim()) return;
    const seq = searchSeq;
    const page = await api('searchPage', { query, limit: RESULTS_PAGE, offset: hits.length, prefix: true });
    if (seq === searchSeq && get().hits === hits) set({ hits: [...hits, ...page.hits], searchTotal: page.total, searchApproximate: page.approximate ?? false });
  },

  async updateSettings(patch) {
    // Optimistic: controls reflect the change at once; the saved settings replace it on reply.
    const current = get().settings;
    const { position: _position, ...visible } = patch;
    if (current) set({ settings: { ...current, ...Object.fromEntries(Object.entries(visible).filter(([, v]) => v !== undefined)) } });
    const settings = await api('updateSettings', patch);
    set({ settings });
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
}));
