/** Sorting and filtering of the library list (pure). */
import type { ArticleSummary, Lang } from '@shared/types';

export type SortKey = 'date' | 'title' | 'recent';
export interface ListFilter {
  lang: Lang | 'pair' | null;
  tag: string | null;
}

/** Title order by the locale's collation, as a rank per title; rebuilt only when titles change. */
let titleRankCache: { locale: string; rank: Map<string, number> } = { locale: '', rank: new Map() };

/**
 * The collation rank of every title in `articles`. Comparing titles with `Intl.Collator` is what
 * makes sorting 50,000 articles take a second; ranks are computed by one such sort and then
 * reused by every later sort, filter and sort-mode switch while the titles stay the same.
 */
export function titleRanks(articles: readonly ArticleSummary[], locale: string): Map<string, number> {
  const lang = locale.startsWith('vi') ? 'vi' : 'en';
  const cached = titleRankCache;
  if (cached.locale === lang && articles.every((a) => cached.rank.has(a.title))) return cached.rank;
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const titles = [...new Set([...(cached.locale === lang ? cached.rank.keys() : []), ...articles.map((a) => a.title)])];
  titles.sort((x, y) => collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0));
  titleRankCache = { locale: lang, rank: new Map(titles.map((t, i) => [t, i])) };
  return titleRankCache.rank;
}

/**
 * Filters then sorts summaries: date newest first, title A→Z (Vietnamese collation), recently
 * read first. `lastRead` (settings, updated as articles open) overrides the summaries' own
 * `lastReadAt`, which is only as fresh as the last list request.
 */
export function sortAndFilter(articles: ArticleSummary[], sort: SortKey, filter: ListFilter, locale: string, lastRead: Record<string, number> = {}): ArticleSummary[] {
  const rank = titleRanks(articles, locale);
  const readAt = (a: ArticleSummary) => lastRead[a.id] ?? a.lastReadAt ?? 0;
  const kept = articles.filter((a) => {
    if (filter.lang === 'pair' && a.langs.length < 2) return false;
    if (filter.lang && filter.lang !== 'pair' && !a.langs.includes(filter.lang)) return false;
    if (filter.tag && !a.tags.includes(filter.tag)) return false;
    return true;
  });
  // Sort keys computed once per article: the comparator then only compares numbers and short
  // ASCII strings.
  const rows = kept.map((a) => ({ a, title: rank.get(a.title) ?? 0, date: a.date ?? '', read: readAt(a) }));
  rows.sort((x, y) => {
    if (sort === 'title') return x.title - y.title;
    if (sort === 'recent') return y.read - x.read || x.title - y.title;
    // ISO 8601 dates order as plain strings.
    return x.date < y.date ? 1 : x.date > y.date ? -1 : x.title - y.title;
  });
  return rows.map((r) => r.a);
}

/** All tags in the library, sorted. */
export function allTags(articles: ArticleSummary[]): string[] {
  return [...new Set(articles.flatMap((a) => a.tags))].sort();
}

/** The language badge of an article: VI, EN, VI+EN. */
export function langBadge(langs: Lang[]): string {
  return langs.filter((l) => l !== 'und').map((l) => l.toUpperCase()).join('+') || '—';
}
