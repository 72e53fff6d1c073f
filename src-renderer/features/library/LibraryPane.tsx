/** The left pane: search, sort and filters, scan progress, the article list or search results. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFolio } from '../../app/store';
import { ArticleList } from './ArticleList';
import { SearchResults } from '../search/SearchResults';
import { allTags, sortedList, titleRanksIfQuick, titleRanksInSlices, type ListFilter } from './sort-articles';
import type { ArticleSummary, SearchHit, SearchSnippet } from '@shared/types';

/** Opens a search hit scrolled to the snippet's paragraph with the matches marked. */
function openHit(hit: SearchHit, snippet: SearchSnippet | undefined) {
  if (snippet?.annotationId) {
    // A note or highlight that matched: open the article at that annotation, focused.
    void useFolio.getState().openArticle(hit.id, { lang: snippet.lang, paragraph: snippet.paragraph, annotationId: snippet.annotationId });
    return;
  }
  void useFolio.getState().openArticle(hit.id, snippet ? { lang: snippet.lang, paragraph: snippet.paragraph, ranges: snippet.ranges, snippetText: snippet.text } : null);
}

/** `list` with the rows of `head` it does not hold yet appended (the same list when none). */
function withHead(list: ArticleSummary[], head: ArticleSummary[] | undefined): ArticleSummary[] {
  if (!head?.length) return list;
  const have = new Set(list.map((a) => a.id));
  const extra = head.filter((a) => !have.has(a.id));
  return extra.length ? [...list, ...extra] : list;
}

/** The library pane. */
export function LibraryPane() {
  const { t, i18n } = useTranslation();
  const loaded = useFolio((s) => s.articles);
  const headRows = useFolio((s) => (s.listComplete || !s.filter.lang || s.filter.lang === 'und' ? undefined : s.filterHeads[s.filter.lang]));
  // While the list loads, the chosen language filter's first rows (from the server) join the rows loaded.
  const articles = useMemo(() => withHead(loaded, headRows), [loaded, headRows]);
  const listComplete = useFolio((s) => s.listComplete);
  const status = useFolio((s) => s.status);
  const info = useFolio((s) => s.info);
  const selectedId = useFolio((s) => s.selectedId);
  const hits = useFolio((s) => s.hits);
  const searchTotal = useFolio((s) => s.searchTotal);
  const searchApproximate = useFolio((s) => s.searchApproximate);
  const query = useFolio((s) => s.query);
  const sort = useFolio((s) => s.settings?.sort ?? 'date');
  const filter = useFolio((s) => s.filter);
  const setFilter = useFolio((s) => s.setFilter);
  const lastRead = useFolio((s) => s.settings?.lastRead);
  const tags = useMemo(() => allTags(articles), [articles]);
  // Reading times matter only to the "recently read" order: opening an article (which updates
  // them) must not re-sort a large library sorted by date or title.
  const readTimes = sort === 'recent' ? lastRead : undefined;
  // Ranking 50,000 new titles by collation is a long job: it runs in slices while the list
  // shows what it showed before (the first page), never a half-sorted list.
  const [rankRound, setRankRound] = useState(0);
  const rank = useMemo(() => titleRanksIfQuick(articles, i18n.language), [articles, i18n.language, rankRound]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (rank) return;
    let live = true;
    void titleRanksInSlices(articles, i18n.language).then(() => live && setRankRound((r) => r + 1));
    return () => {
      live = false;
    };
  }, [rank, articles, i18n.language]);
  // Until the new titles are ranked, the list shows the articles it last could rank (the first
  // page), still following the sort and filter chosen meanwhile: a filter switch applies at once.
  const ranked = useRef<{ articles: ArticleSummary[]; rank: Map<string, number> } | null>(null);
  if (rank) ranked.current = { articles, rank };
  const basis = ranked.current;
  const sorted = useMemo(() => (basis ? sortedList(basis.articles, sort, filter, i18n.language, readTimes, basis.rank) : null), [basis?.articles, basis?.rank, sort, filter, i18n.language, readTimes]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = sorted ?? [];
  const loading = !listComplete || !rank;
  const progress = status?.progress;
  const busy = progress && progress.phase !== 'ready';
  const progressLabel = progress ? t(progress.phase === 'scanning' ? 'library.scanning' : 'library.indexing', { done: progress.done, total: progress.total }) : '';

  return (
    <section className="library-pane" aria-label={t('library.title')}>
      <div className="pane-toolbar">
        <label>
          <span className="visually-hidden">{t('library.sort')}</span>
          <select aria-label={t('library.sort')} value={sort} onChange={(e) => void useFolio.getState().updateSettings({ sort: e.target.value as 'date' | 'title' | 'recent' })}>
            <option value="date">{t('library.sortDate')}</option>
            <option value="title">{t('library.sortTitle')}</option>
            <option value="recent">{t('library.sortRecent')}</option>
          </select>
        </label>
        <select aria-label={t('library.filterLang')} value={filter.lang ?? ''} onChange={(e) => setFilter({ ...filter, lang: (e.target.value || null) as ListFilter['lang'] })}>
          <option value="">{t('filters.allLangs')}</option>
          <option value="vi">VI</option>
          <option value="en">EN</option>
          <option value="pair">VI+EN</option>
        </select>
        {tags.length > 0 && (
          <select aria-label={t('library.filterTag')} value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: e.target.value || null })}>
            <option value="">{t('filters.allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        )}
      </div>
      {busy && progress && (
        <div className="scan-progress">
          <progress max={progress.total || 1} value={progress.done} aria-label={progressLabel} />
          <span>{progressLabel}</span>
        </div>
      )}
      <div className="pane-scroll">
        {query.trim() && hits ? (
          <SearchResults query={query} hits={hits} total={searchTotal} approximate={searchApproximate} onOpen={openHit} onMore={() => void useFolio.getState().loadMoreResults()} />
        ) : articles.length === 0 && status ? (
          <div className="empty-state">
            <p>{t('library.empty')}</p>
            <p className="hint">{t('library.emptyHelp', { root: info?.libraryRoot ?? '' })}</p>
          </div>
        ) : shown.length === 0 && status && sorted && rank ? (
          <div className="empty-state">
            <p>{t('library.noMatch')}</p>
          </div>
        ) : (
          <ArticleList articles={shown} selectedId={selectedId} onOpen={(id) => void useFolio.getState().openArticle(id)} />
        )}
      </div>
      <footer className="pane-footer">
        <span>
          {loading && status
            ? t('library.loadingList', { shown: shown.length, count: Math.max(status.articleCount, articles.length) })
            : shown.length === articles.length
              ? t('library.articles', { count: articles.length })
              : t('feedback.shownOf', { shown: shown.length, count: articles.length })}
        </span>
        {status && status.skipped.length > 0 && (
          <button type="button" className="link-button" onClick={() => useFolio.getState().setDialog('skipped')}>
            {t('library.skipped', { count: status.skipped.length })}
          </button>
        )}
      </footer>
    </section>
  );
}
