/** Sorting and filtering of the library list (pure). */
import type { ArticleSummary, Lang } from '@shared/types';

export type SortKey = 'date' | 'title' | 'recent';
export interface ListFilter {
  lang: Lang | 'pair' | null;
  tag: string | null;
}

/**
 * Filters then sorts summaries: date newest first, title A→Z (Vietnamese collation), recently
 * read first. `lastRead` (settings, updated as articles open) overrides the summaries' own
 * `lastReadAt`, which is only as fresh as the last list request.
 */
export function sortAndFilter(articles: ArticleSummary[], sort: SortKey, filter: ListFilter, locale: string, lastRead: Record<string, number> = {}): ArticleSummary[] {
  const readAt = (a: ArticleSummary) => lastRead[a.id] ?? a.lastReadAt ?? 0;
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { sensitivity: 'base' });
  const kept = articles.filter((a) => {
    if (filter.lang === 'pair' && a.langs.length < 2) return false;
    if (filter.lang && filter.lang !== 'pair' && !a.langs.includes(filter.lang)) return false;
    if (filter.tag && !a.tags.includes(filter.tag)) return false;
    return true;
  });
  const byTitle = (a: ArticleSummary, b: ArticleSummary) => collator.compare(a.title, b.title);
  return kept.sort((a, b) => {
    if (sort === 'title') return byTitle(a, b);
    if (sort === 'recent') return readAt(b) - readAt(a) || byTitle(a, b);
    return (b.date ?? '').localeCompare(a.date ?? '') || byTitle(a, b);
  });
}

/** All tags in the library, sorted. */
export function allTags(articles: ArticleSummary[]): string[] {
  return [...new Set(articles.flatMap((a) => a.tags))].sort();
}

/** The language badge of an article: VI, EN, VI+EN. */
export function langBadge(langs: Lang[]): string {
  return langs.filter((l) => l !== 'und').map((l) => l.toUpperCase()).join('+') || '—';
}
