/** Search results with snippets; matched spans are marked from ranges (never from HTML). */
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchSnippet } from '@shared/types';
import { formatDate } from '../../lib/i18n';

export interface SearchResultsProps {
  query: string;
  hits: SearchHit[];
  /** Matching articles in all (hits may be the first pages only). */
  total: number;
  /** `total` is an upper bound: shown as "about". */
  approximate?: boolean;
  onOpen(hit: SearchHit, snippet: SearchSnippet | undefined): void;
  /** Loads the next page; the button shows while fewer than `total` hits are loaded. */
  onMore?(): void;
}

/** The label of a snippet that comes from the user's own annotation. */
const VIA_LABEL = { note: 'search.viaNote', highlight: 'search.viaHighlight', tag: 'search.viaTag' } as const;

/** Renders a snippet's text with its ranges wrapped in <mark>. */
export function MarkedText({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at || e > text.length) continue;
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** The result list, or a no-results state that says what to try. */
export function SearchResults({ query, hits, total, approximate, onOpen, onMore }: SearchResultsProps) {
  const { t, i18n } = useTranslation();
  if (!hits.length) {
    return (
      <div className="empty-state" role="status">
        <p>{t('search.none', { query })}</p>
        <p className="hint">{t('search.noneHelp')}</p>
      </div>
    );
  }
  return (
    <div className="search-results">
      <p className="result-count" role="status">
        {hits.length < total ? t(approximate ? 'search.shownAbout' : 'search.shown', { shown: hits.length, total }) : t('search.results', { count: hits.length })}
      </p>
      <ul role="list">
        {hits.map((hit) => (
          <li key={hit.id} className="search-hit">
            <button type="button" className="hit-button" data-article-id={hit.id} onClick={() => onOpen(hit, hit.snippets[0])}>
              <span className="article-title">
                <MarkedText text={hit.title} ranges={hit.titleRanges ?? []} />
              </span>
              <span className="article-meta">
                <span className="badge">{hit.lang.toUpperCase()}</span>
                {hit.date && <time dateTime={hit.date}>{formatDate(hit.date.slice(0, 10), i18n.language)}</time>}
              </span>
            </button>
            {hit.snippets.map((s, i) => (
              <button type="button" key={i} className="snippet" onClick={() => onOpen(hit, s)}>
                {s.via && <span className="snippet-via">{t(VIA_LABEL[s.via])} </span>}
                <MarkedText text={s.text} ranges={s.ranges} />
              </button>
            ))}
          </li>
        ))}
      </ul>
      {onMore && hits.length < total && (
        <button type="button" className="more-results" onClick={onMore}>
          {t(approximate ? 'search.moreAbout' : 'search.more', { count: total - hits.length })}
        </button>
      )}
    </div>
  );
}
