import { describe, expect, it } from 'vitest';
import { sortAndFilter, sortedList, sortWork, titleRanks, titleRanksIfQuick, titleRanksInSlices } from '../../../../src-renderer/features/library/sort-articles';
import type { ArticleSummary } from '../../../../src-main/shared/types';
import { mulberry32 } from '../../../support/prng';

const SYL = ['an', 'ăn', 'ân', 'đá', 'da', 'dạ', 'Đông', 'ông', 'ơn', 'ưu', 'uống', 'Hà', 'hạ', 'hoà', 'hòa', 'Zebra', 'apple', 'Éclair', '10', '9', 'cá', 'cả', 'các'];

function summary(i: number, title: string, date: string | null, langs: ArticleSummary['langs'] = ['vi']): ArticleSummary {
  return { id: `a${i}`, title, date, langs, tags: i % 3 ? [] : ['lũ'], source: null, annotationCount: 0, path: `${i}.txt`, lastReadAt: null } as unknown as ArticleSummary;
}

describe('sortAndFilter', () => {
  it('orders titles exactly as the locale collator does, in Vietnamese and English', () => {
    const rand = mulberry32(11);
    const list = Array.from({ length: 400 }, (_, i) => summary(i, Array.from({ length: 1 + Math.floor(rand() * 3) }, () => SYL[Math.floor(rand() * SYL.length)]).join(' '), null));
    for (const locale of ['vi', 'en']) {
      const collator = new Intl.Collator(locale, { sensitivity: 'base' });
      // Titles the collator calls equal (cá, cả at base strength) keep one fixed order.
      const expected = [...list].sort((a, b) => collator.compare(a.title, b.title) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)).map((a) => a.title);
      expect(sortAndFilter(list, 'title', { lang: null, tag: null }, locale).map((a) => a.title)).toEqual(expected);
    }
  });

  it('sorts by date newest first, ties by title, and filters by language and tag', () => {
    const list = [summary(0, 'Bờ kè', '2024-05-01T07:00:00'), summary(1, 'An toàn', '2024-05-01T07:00:00', ['vi', 'en']), summary(2, 'Cá linh', '2025-01-02'), summary(3, 'Đê biển', null, ['en'])];
    expect(sortAndFilter(list, 'date', { lang: null, tag: null }, 'vi').map((a) => a.id)).toEqual(['a2', 'a1', 'a0', 'a3']);
    expect(sortAndFilter(list, 'date', { lang: 'pair', tag: null }, 'vi').map((a) => a.id)).toEqual(['a1']);
    expect(sortAndFilter(list, 'date', { lang: 'en', tag: null }, 'vi').map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(sortAndFilter(list, 'title', { lang: null, tag: 'lũ' }, 'vi').map((a) => a.id)).toEqual(['a0', 'a3']);
  });

  it('puts recently read first, using the fresher reading times from settings', () => {
    const list = [summary(0, 'A', null), summary(1, 'B', null), summary(2, 'C', null)];
    expect(sortAndFilter(list, 'recent', { lang: null, tag: null }, 'vi', { a2: 50, a0: 10 }).map((a) => a.id)).toEqual(['a2', 'a0', 'a1']);
  });

  it('reuses title ranks while titles stay the same, and ranks new titles when they appear', () => {
    const first = titleRanks([summary(0, 'Bê', null), summary(1, 'An', null)], 'vi');
    expect(titleRanks([summary(1, 'An', null)], 'vi')).toBe(first);
    const grown = titleRanks([summary(0, 'Bê', null), summary(2, 'Ăn', null)], 'vi');
    expect(grown).not.toBe(first);
    expect(grown.get('An')! < grown.get('Ăn')! && grown.get('Ăn')! < grown.get('Bê')!).toBe(true);
  });
});

describe('title ranks for a large library', () => {
  const rand = mulberry32(29);
  const randomTitle = () => Array.from({ length: 2 + Math.floor(rand() * 4) }, () => SYL[Math.floor(rand() * SYL.length)]).join(' ') + ` ${Math.floor(rand() * 100000)}`;
  const byCollator = (list: ArticleSummary[], locale: string) => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    return [...new Set(list.map((a) => a.title))].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  };
  const inRankOrder = (rank: Map<string, number>, list: ArticleSummary[]) => [...new Set(list.map((a) => a.title))].sort((a, b) => rank.get(a)! - rank.get(b)!);

  it('ranks 12,000 new titles in many short turns, in exactly the collator order', async () => {
    const list = Array.from({ length: 12_000 }, (_, i) => summary(i, randomTitle(), null));
    expect(titleRanksIfQuick(list, 'vi')).toBeNull();
    let turns = 0;
    const rank = await titleRanksInSlices(list, 'vi', async () => {
      turns++;
    });
    expect(turns).toBeGreaterThan(10);
    expect(inRankOrder(rank, list)).toEqual(byCollator(list, 'vi'));
    // Known now: no more work.
    expect(titleRanksIfQuick(list, 'vi')).toBe(rank);
  });

  it('merges a watcher batch of new titles into the known order without re-sorting all', () => {
    const base = Array.from({ length: 3_000 }, (_, i) => summary(i, randomTitle(), null));
    titleRanks(base, 'vi');
    const grown = [...base, ...Array.from({ length: 40 }, (_, i) => summary(5_000 + i, randomTitle(), null))];
    const rank = titleRanksIfQuick(grown, 'vi');
    expect(rank).not.toBeNull();
    expect(inRankOrder(rank!, grown)).toEqual(byCollator(grown, 'vi').filter((t) => rank!.has(t)));
    // The ranks of all titles seen stay one total order (the older titles are still ranked).
    expect(inRankOrder(rank!, base)).toEqual(byCollator(base, 'vi'));
  });

  it('sorts once for the same inputs (the pane and the j/k keys share it)', () => {
    const list = Array.from({ length: 500 }, (_, i) => summary(i, randomTitle(), `2024-0${1 + (i % 9)}-01`));
    const filter = { lang: null, tag: null };
    const a = sortedList(list, 'date', filter, 'vi', undefined);
    expect(sortedList(list, 'date', { lang: null, tag: null }, 'vi', undefined)).toBe(a);
    expect(sortedList(list, 'title', filter, 'vi', undefined)).not.toBe(a);
    expect(a).toEqual(sortAndFilter(list, 'date', filter, 'vi'));
  });

  it('switching the filter runs the filter over the order already sorted, not a new sort', () => {
    const list = Array.from({ length: 3_000 }, (_, i) => summary(i, randomTitle(), `2024-0${1 + (i % 9)}-01`, i % 5 === 0 ? ['vi', 'en'] : i % 7 === 0 ? ['en'] : ['vi']));
    const rank = titleRanks(list, 'vi');
    sortedList(list, 'date', { lang: null, tag: null }, 'vi', undefined, rank);
    for (const filter of [{ lang: 'pair' as const, tag: null }, { lang: 'en' as const, tag: null }, { lang: null, tag: 'lũ' }, { lang: 'vi' as const, tag: 'lũ' }, { lang: null, tag: null }]) {
      const fresh = sortAndFilter(list, 'date', filter, 'vi', {}, rank);
      const sorts = sortWork.sorts;
      // Exactly the rows and the order a fresh filter-then-sort gives, without sorting again.
      expect(sortedList(list, 'date', filter, 'vi', undefined, rank)).toEqual(fresh);
      expect(sortWork.sorts).toBe(sorts);
    }
    // A new order is a new sort.
    const sorts = sortWork.sorts;
    sortedList(list, 'title', { lang: null, tag: null }, 'vi', undefined, rank);
    expect(sortWork.sorts).toBe(sorts + 1);
  });
});
