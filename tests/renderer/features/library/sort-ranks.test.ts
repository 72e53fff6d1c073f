import { describe, expect, it } from 'vitest';
import { sortAndFilter, titleRanks } from '../../../../src-renderer/features/library/sort-articles';
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
