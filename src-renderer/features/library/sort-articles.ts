/** Sorting and filtering of the library list (pure). */
import type { ArticleSummary, Lang } from '@shared/types';

export type SortKey = 'date' | 'title' | 'recent';
export interface ListFilter {
  lang: Lang | 'pair' | null;
  tag: string | null;
}

/** Title order by the locale's collation, as a rank per title; rebuilt only when titles change. */
let titleRankCache: { locale: string; rank: Map<string, number>; sorted: string[] } = { locale: '', rank: new Map(), sorted: [] };

/** New titles merged into the known order synchronously up to this many (a watcher batch). */
const SYNC_NEW_TITLES = 2_000;
/** Titles sorted per task by `titleRanksInSlices`, and comparisons per task while merging. */
const SLICE = 2_000;

const collationLang = (locale: string): 'vi' | 'en' => (locale.startsWith('vi') ? 'vi' : 'en');

/** The collator's order, made total: titles it calls equal (cá, cả at base strength) by code points. */
function titleCompare(lang: string): (x: string, y: string) => number {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return (x, y) => collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** Titles of `articles` the cache has no rank for (all of them after a language switch). */
function unranked(articles: readonly ArticleSummary[], lang: string): string[] {
  const cached = titleRankCache;
  const known = cached.locale === lang ? cached.rank : new Map<string, number>();
  const missing = new Set<string>();
  for (const a of articles) if (!known.has(a.title)) missing.add(a.title);
  return [...missing];
}

/** Stores a sorted title list as the cache. */
function remember(lang: string, sorted: string[]): Map<string, number> {
  titleRankCache = { locale: lang, sorted, rank: new Map(sorted.map((t, i) => [t, i])) };
  return titleRankCache.rank;
}

/** Places a few new titles into the known order by binary search: k·log n comparisons, not n·log n. */
function insertTitles(lang: string, missing: string[]): Map<string, number> {
  const cmp = titleCompare(lang);
  const known = titleRankCache.locale === lang ? titleRankCache.sorted : [];
  const fresh = [...missing].sort(cmp);
  const merged: string[] = [];
  let from = 0;
  for (const t of fresh) {
    let lo = from;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(known[mid] as string, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) merged.push(known[i] as string);
    merged.push(t);
    from = lo;
  }
  for (let i = from; i < known.length; i++) merged.push(known[i] as string);
  return remember(lang, merged);
}

/**
 * The collation rank of every title in `articles`. Comparing titles with `Intl.Collator` is what
 * makes sorting 50,000 articles take a second; ranks are computed once and then reused by every
 * later sort, filter and sort-mode switch; titles that appear later are merged in.
 */
export function titleRanks(articles: readonly ArticleSummary[], locale: string): Map<string, number> {
  const lang = collationLang(locale);
  const missing = unranked(articles, lang);
  if (missing.length === 0) return titleRankCache.rank;
  return insertTitles(lang, missing);
}

/** The ranks if they can be had without a long task (all known, or a few new titles); else null. */
export function titleRanksIfQuick(articles: readonly ArticleSummary[], locale: string): Map<string, number> | null {
  const lang = collationLang(locale);
  const missing = unranked(articles, lang);
  if (missing.length === 0) return titleRankCache.rank;
  return missing.length <= SYNC_NEW_TITLES ? insertTitles(lang, missing) : null;
}

/** A turn for the browser to paint and take input. */
const browserTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Ranks every title in short tasks (sorted runs, then merges with a bounded number of
 * comparisons per task), so that the first full load of 50,000 titles never blocks input.
 */
export async function titleRanksInSlices(articles: readonly ArticleSummary[], locale: string, yieldTurn: () => Promise<void> = browserTurn): Promise<Map<string, number>> {
  const lang = collationLang(locale);
  if (unranked(articles, lang).length === 0) return titleRankCache.rank;
  const cmp = titleCompare(lang);
  const titles = [...new Set([...(titleRankCache.locale === lang ? titleRankCache.sorted : []), ...articles.map((a) => a.title)])];
  let runs: string[][] = [];
  for (let i = 0; i < titles.length; i += SLICE) {
    runs.push(titles.slice(i, i + SLICE).sort(cmp));
    await yieldTurn();
  }
  let budget = SLICE * 4;
  while (runs.length > 1) {
    const next: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] as string[];
      const b = runs[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const merged: string[] = [];
      let i = 0;
      let j = 0;
      while (i < a.length && j < b.length) {
        merged.push(cmp(a[i] as string, b[j] as string) <= 0 ? (a[i++] as string) : (b[j++] as string));
        if (--budget === 0) {
          await yieldTurn();
          budget = SLICE * 4;
        }
      }
      while (i < a.length) merged.push(a[i++] as string);
      while (j < b.length) merged.push(b[j++] as string);
      next.push(merged);
    }
    runs = next;
  }
  // Titles merged in meanwhile (a watcher batch) are kept: they are ranked again with the rest.
  const sortedNow = new Set(titles);
  const meanwhile = titleRankCache.locale === lang ? titleRankCache.sorted.filter((t) => !sortedNow.has(t)) : [];
  remember(lang, runs[0] ?? []);
  return meanwhile.length ? insertTitles(lang, meanwhile) : titleRankCache.rank;
}

/** Whether `a` passes the list's filter. */
function passes(a: ArticleSummary, filter: ListFilter): boolean {
  if (filter.lang === 'pair' && a.langs.length < 2) return false;
  if (filter.lang && filter.lang !== 'pair' && !a.langs.includes(filter.lang)) return false;
  if (filter.tag && !a.tags.includes(filter.tag)) return false;
  return true;
}

/** Work done by the list's sorting (tests: a filter switch must not sort again). */
export const sortWork = { sorts: 0 };

/**
 * Every article in list order: date newest first, title A→Z (Vietnamese collation), recently
 * read first. `lastRead` (settings, updated as articles open) overrides the summaries' own
 * `lastReadAt`, which is only as fresh as the last list request.
 */
export function sortAll(articles: readonly ArticleSummary[], sort: SortKey, lastRead: Record<string, number>, rank: Map<string, number>): ArticleSummary[] {
  sortWork.sorts++;
  // Numeric sort keys in typed arrays, computed once per article: the comparator then reads two
  // numbers, not strings or objects (50,000 rows sort in tens of milliseconds).
  const n = articles.length;
  const primary = new Float64Array(n);
  const title = new Float64Array(n);
  if (sort === 'date') {
    // ISO 8601 dates order as plain strings: rank the distinct dates once, newest first.
    const dates = [...new Set(articles.map((a) => a.date ?? ''))].sort().reverse();
    const dateRank = new Map(dates.map((d, i) => [d, i]));
    for (let i = 0; i < n; i++) primary[i] = dateRank.get(articles[i]?.date ?? '') ?? 0;
  } else if (sort === 'recent') {
    for (let i = 0; i < n; i++) {
      const a = articles[i] as ArticleSummary;
      primary[i] = -(lastRead[a.id] ?? a.lastReadAt ?? 0);
    }
  }
  for (let i = 0; i < n; i++) title[i] = rank.get((articles[i] as ArticleSummary).title) ?? 0;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => (primary[x] as number) - (primary[y] as number) || (title[x] as number) - (title[y] as number));
  return order.map((i) => articles[i] as ArticleSummary);
}

/** The rows of an already sorted list that pass `filter`, in the same order (one linear pass). */
export function filterSorted(sorted: ArticleSummary[], filter: ListFilter): ArticleSummary[] {
  if (!filter.lang && !filter.tag) return sorted;
  return sorted.filter((a) => passes(a, filter));
}

/**
 * Filters then sorts summaries (see `sortAll`). `rank` (from `titleRanks`) is computed here when
 * not given.
 */
export function sortAndFilter(articles: ArticleSummary[], sort: SortKey, filter: ListFilter, locale: string, lastRead: Record<string, number> = {}, rank: Map<string, number> = titleRanks(articles, locale)): ArticleSummary[] {
  return filterSorted(sortAll(articles, sort, lastRead, rank), filter);
}

/** The last whole list `sortedList` sorted, and the last filtered view of it, with their inputs. */
let lastSorted: { args: unknown[]; result: ArticleSummary[] } | null = null;
let lastFiltered: { args: unknown[]; result: ArticleSummary[] } | null = null;

const same = (a: unknown[], b: unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `sortAndFilter` remembered for the same inputs (by identity), in two steps: the whole list is
 * sorted once per change of the articles, the order or the titles' ranks, and a filter switch
 * only runs the filter over that order. The pane and the j/k keys ask for the same list, which
 * at 50,000 articles should be sorted once, not per key press or per filter.
 */
export function sortedList(articles: ArticleSummary[], sort: SortKey, filter: ListFilter, locale: string, lastRead: Record<string, number> | undefined, rank: Map<string, number> = titleRanks(articles, locale)): ArticleSummary[] {
  const sortArgs: unknown[] = [articles, sort, locale, lastRead, rank];
  if (!lastSorted || !same(lastSorted.args, sortArgs)) lastSorted = { args: sortArgs, result: sortAll(articles, sort, lastRead ?? {}, rank) };
  const sorted = lastSorted.result;
  const filterArgs: unknown[] = [sorted, filter.lang, filter.tag];
  if (!lastFiltered || !same(lastFiltered.args, filterArgs)) lastFiltered = { args: filterArgs, result: filterSorted(sorted, filter) };
  return lastFiltered.result;
}

/** All tags in the library, sorted. */
export function allTags(articles: ArticleSummary[]): string[] {
  return [...new Set(articles.flatMap((a) => a.tags))].sort();
}

/** The language badge of an article: VI, EN, VI+EN. */
export function langBadge(langs: Lang[]): string {
  return langs.filter((l) => l !== 'und').map((l) => l.toUpperCase()).join('+') || '—';
}
