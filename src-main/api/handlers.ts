/**
 * The API's handlers: each contract method implemented once on a FolioSession. Both transports
 * (Electron IPC, web bridge) and the tests call these through `dispatch`.
 */
import path from 'node:path';
import { EXPORT_MAX_ARTICLES, type AppInfo } from '../shared/api';
import { FolioError } from '../shared/result';
import type { Article, ArticleSummary, Lang } from '../shared/types';
import { articleText } from '../shared/text';
import type { FolioSession } from '../core/session';
import { anchoredAnnotations, annotationsByArticleId, annotationsIn } from '../core/article-annotations';
import { exportPdfFile, exportMarkdownFile } from '../core/export/export-files';
import type { Handlers } from './dispatch';
import type { Host } from './host';

/** Looks an article up by id (entry id or any version's file id); 404 as a typed error. */
export function requireArticle(session: FolioSession, id: string): Article {
  const article = session.library.get(id);
  if (!article) throw new FolioError('article-not-found', `No article with id ${id}`, { id });
  return article;
}

/** The version of `article` in `lang`, or its first version. */
export function pickVersion(article: Article, lang?: Lang) {
  const v = (lang && article.versions.find((x) => x.lang === lang)) || article.versions[0];
  if (!v) throw new FolioError('article-not-found', `Article ${article.id} has no readable version`, { id: article.id });
  return v;
}

/** The list row for an article. */
export function summarize(article: Article, annotationCount: number, lastRead: Record<string, number>): ArticleSummary {
  const first = pickVersion(article);
  return {
    id: article.id,
    title: first.title,
    date: article.versions.map((v) => v.date).find((d) => d) ?? null,
    source: article.versions.map((v) => v.source).find((s) => s) ?? null,
    author: article.versions.map((v) => v.author).find((s) => s) ?? null,
    langs: article.versions.map((v) => v.lang),
    tags: [...new Set(article.versions.flatMap((v) => v.tags))],
    path: first.path,
    annotationCount,
    lastReadAt: lastRead[article.id] ?? null,
  };
}

/** The summary's date of an article (its first version that has one), '' when none. */
function articleDate(article: Article): string {
  for (const v of article.versions) if (v.date) return v.date;
  return '';
}

/** Whether an article passes the list's language filter (as the window's filter does). */
function inLanguage(article: Article, lang: 'vi' | 'en' | 'pair'): boolean {
  return lang === 'pair' ? article.versions.length >= 2 : article.versions.some((v) => v.lang === lang);
}

/** Per list of articles, its newest-first order filtered by language (asked while the window loads). */
const byLanguageCache = new WeakMap<readonly Article[], Map<string, Article[]>>();

/** `newestFirst` of the articles that pass a language filter, kept while the list stays the library's. */
function newestFirstIn(articles: readonly Article[], lang: 'vi' | 'en' | 'pair'): Article[] {
  let perLang = byLanguageCache.get(articles);
  if (!perLang) byLanguageCache.set(articles, (perLang = new Map()));
  let order = perLang.get(lang);
  if (!order) perLang.set(lang, (order = newestFirst(articles).filter((a) => inLanguage(a, lang))));
  return order;
}

/** The newest-first order of one list of articles, kept while that list stays the library's. */
const newestFirstCache = new WeakMap<readonly Article[], Article[]>();

/**
 * Articles newest first; the same date keeps the library's order, so pages of one list never
 * overlap. Grouped by date rather than compared pairwise: 50,000 articles in a few milliseconds.
 */
export function newestFirst(articles: readonly Article[]): Article[] {
  const cached = newestFirstCache.get(articles);
  if (cached) return cached;
  const byDate = new Map<string, Article[]>();
  for (const a of articles) {
    const date = articleDate(a);
    const group = byDate.get(date);
    if (group) group.push(a);
    else byDate.set(date, [a]);
  }
  // ISO 8601 dates order as plain strings; '' (no date) comes last.
  const dates = [...byDate.keys()].sort().reverse();
  const sorted: Article[] = [];
  for (const d of dates) for (const a of byDate.get(d) ?? []) sorted.push(a);
  newestFirstCache.set(articles, sorted);
  return sorted;
}

/**
 * Builds the handlers for a session. `getSession` lets the Electron shell swap libraries, and may
 * return a promise while the first library is still opening (the window paints before the scan ends).
 */
export function createHandlers(getSession: () => FolioSession | Promise<FolioSession>, host: Host): Handlers {
  const appInfo = async (): Promise<AppInfo> => {
    const s = await getSession();
    return {
      version: host.version,
      transport: host.transport,
      libraryRoot: s.libraryRoot,
      dataDir: s.dataDir,
      capabilities: { revealInFolder: !!host.revealInFolder, openLibrary: !!host.openLibraryDialog },
      recovery: s.annotationReport.message ?? s.readOnlyNotice(),
      foreignAnnotations: ((f) => (f ? { annotations: f.annotations } : null))(s.annotations.foreignStore()),
    };
  };
  const status = async () => {
    const s = await getSession();
    const base = s.library.status();
    // Files read fine but not fully searchable are listed with the skipped ones, saying why.
    const index = s.searchIfReady();
    const unindexed = [...(index?.unindexed() ?? new Map<string, ReadonlyMap<string, string>>())].flatMap(([articleId, byLang]) =>
      [...byLang].map(([lang, why]) => {
        const path = s.library.get(articleId)?.versions.find((v) => v.lang === lang)?.path ?? articleId;
        return { path, reason: 'parse-error' as const, message: `Listed, but ${why}` };
      }),
    );
    return { ...base, skipped: unindexed.length ? [...base.skipped, ...unindexed].sort((a, b) => (a.path < b.path ? -1 : 1)) : base.skipped, progress: s.scanProgress() };
  };

  return {
    getAppInfo: async () => appInfo(),
    getLibraryStatus: async () => status(),
    listArticles: async ({ offset, limit, lang }) => {
      const s = await getSession();
      const lastRead = s.settings.get().lastRead;
      const byId = annotationsByArticleId(s.annotations);
      const all = s.library.articles();
      const paged = offset !== undefined || limit !== undefined || lang !== undefined;
      const order = lang ? newestFirstIn(all, lang) : newestFirst(all);
      // A page summarises only its own articles: the first rows cost the same at 50,000 as at 100.
      const chosen = paged ? order.slice(offset ?? 0, (offset ?? 0) + (limit ?? all.length)) : all;
      return chosen.map((a) => summarize(a, annotationsIn(byId, a).length, lastRead));
    },
    getArticle: async ({ id }) => requireArticle(await getSession(), id),
    editMetadata: async ({ id, lang, patch }) => {
      const s = await getSession();
      const keep = requireArticle(s, id).versions[0]!.fileId;
      await s.applyMetadataEdit((l) => l.editMetadata(id, patch, lang));
      return requireArticle(s, keep);
    },
    resetMetadata: async ({ id }) => {
      const s = await getSession();
      const keep = requireArticle(s, id).versions[0]!.fileId;
      await s.applyMetadataEdit((l) => l.resetMetadata(id));
      return requireArticle(s, keep);
    },
    pairArticles: async ({ id, other }) => {
      const s = await getSession();
      const keep = requireArticle(s, id).versions[0]!.fileId;
      await s.applyMetadataEdit((l) => l.pairArticles(id, other));
      return requireArticle(s, keep);
    },
    unpairArticle: async ({ id }) => {
      const s = await getSession();
      const keep = requireArticle(s, id).versions[0]!.fileId;
      await s.applyMetadataEdit((l) => l.unpairArticle(id));
      return requireArticle(s, keep);
    },
    getRawText: async ({ id, lang }) => {
      const s = await getSession();
      const article = requireArticle(s, id);
      const version = pickVersion(article, lang);
      return { text: await s.library.rawText(article.id, version.lang), path: version.path };
    },
    listSkipped: async () => (await getSession()).library.status().skipped,
    rescan: async () => {
      await (await getSession()).rescan();
      return status();
    },
    search: async ({ query, limit, offset, prefix, filters }) => {
      const index = await (await getSession()).search();
      if (!index) return [];
      return index.search(query, { limit: limit ?? 50, offset, prefix: prefix ?? true, filters });
    },
    searchPage: async ({ query, limit, offset, prefix, filters }) => {
      const index = await (await getSession()).search();
      if (!index) return { total: 0, offset: offset ?? 0, hits: [] };
      return index.searchPage(query, { limit: limit ?? 50, offset, prefix: prefix ?? true, filters });
    },

    listAnnotations: async ({ articleId }) => {
      const s = await getSession();
      return anchoredAnnotations(s.annotations, requireArticle(s, articleId));
    },
    searchAnnotations: async (q) => (await getSession()).annotations.list(q),
    createHighlight: async ({ articleId, lang, start, end, color, note, tags }) => {
      const s = await getSession();
      const article = requireArticle(s, articleId);
      const version = article.versions.find((v) => v.lang === lang);
      if (!version) throw new FolioError('not-found', `Article ${articleId} has no ${lang} version`, { id: articleId, lang });
      const text = articleText(version.paragraphs);
      if (end <= start || end > text.length) {
        throw new FolioError('invalid-range', `Range ${start}–${end} is outside the text (length ${text.length})`);
      }
      const created = await s.annotations.createHighlight({ articleId: article.id, lang, text, start, end, color, note, tags });
      return { ...created, orphaned: false };
    },
    createNote: async ({ articleId, lang, note, tags }) => {
      const s = await getSession();
      const article = requireArticle(s, articleId);
      const created = await s.annotations.createNote({ articleId: article.id, lang, note, tags });
      return { ...created, orphaned: false };
    },
    updateAnnotation: async ({ id, ...patch }) => {
      const s = await getSession();
      if (!s.annotations.get(id)) throw new FolioError('annotation-not-found', `No annotation with id ${id}`, { id });
      return s.annotations.update(id, patch);
    },
    deleteAnnotation: async ({ id }) => {
      const s = await getSession();
      if (!s.annotations.get(id)) throw new FolioError('annotation-not-found', `No annotation with id ${id}`, { id });
      await s.annotations.delete(id);
      return { id };
    },
    undo: async ({ id }) => {
      const r = await (await getSession()).annotations.undo(id);
      return r ? { description: r.undone, articleId: r.articleId } : null;
    },
    redo: async ({ id }) => {
      const r = await (await getSession()).annotations.redo(id);
      return r ? { description: r.redone, articleId: r.articleId } : null;
    },

    mergeForeignAnnotations: async () => {
      const s = await getSession();
      const r = await s.annotations.mergeForeignStore();
      return { added: r.added, updated: r.updated, keptAs: r.keptAs };
    },
    renameTag: async ({ from, to }) => {
      const s = await getSession();
      const target = to.trim();
      if (!target) throw new FolioError('invalid-request', 'A tag cannot be blank');
      const same = (t: string) => t.toLowerCase() === from.toLowerCase();
      let updated = 0;
      for (const a of s.annotations.list({ tag: from })) {
        // Renaming onto a tag the annotation already has merges them: no duplicate.
        const tags = [...new Set(a.tags.map((t) => (same(t) ? target : t)))];
        await s.annotations.update(a.id, { tags });
        updated++;
      }
      return { updated };
    },

    exportPdf: async (req) => {
      const s = await getSession();
      return exportPdfFile(s, { ...req, onProgress: (done, total) => s.events.emit('exportProgress', { done, total }) });
    },
    exportMarkdown: async ({ ids, fileNameLang }) => exportMarkdownFile(await getSession(), ids, fileNameLang),
    searchIds: async ({ query, prefix, filters }) => {
      const index = await (await getSession()).search();
      if (!index) return { ids: [], total: 0 };
      // One past the cap: a set that fits is read whole (every phrase candidate checked, so its
      // size is the true total); a bigger one says how big it is.
      const page = index.searchPage(query, { limit: EXPORT_MAX_ARTICLES + 1, prefix: prefix ?? true, filters, snippets: false });
      const ids = page.hits.map((h) => h.id);
      return ids.length <= EXPORT_MAX_ARTICLES ? { ids, total: ids.length } : { ids: ids.slice(0, EXPORT_MAX_ARTICLES), total: page.total };
    },

    getSettings: async () => (await getSession()).settings.get(),
    updateSettings: async (patch) => (await getSession()).settings.update(patch),

    revealInFolder: async ({ id }) => {
      if (!host.revealInFolder) throw new FolioError('unsupported', 'Revealing files is only available in the desktop app');
      const s = await getSession();
      const version = pickVersion(requireArticle(s, id));
      await host.revealInFolder(s.library.resolveInside(version.path));
      return null;
    },
    openLibraryDialog: async () => {
      if (!host.openLibraryDialog) throw new FolioError('unsupported', 'Opening another library is only available in the desktop app');
      return host.openLibraryDialog();
    },
    openLibraryPath: async ({ path: p }) => {
      if (!host.openLibraryPath) throw new FolioError('unsupported', 'Opening another library is only available in the desktop app');
      if (p.includes('\0') || !path.isAbsolute(p)) throw new FolioError('invalid-request', 'Expected an absolute folder path');
      return host.openLibraryPath(p);
    },
  };
}

