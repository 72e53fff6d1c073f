import { describe, expect, it } from 'vitest';
import type { ArticleSummary, Lang } from '@shared/types';
import { allTags, langBadge, sortAndFilter } from '../../../../src-renderer/features/library/sort-articles';

const a = (id: string, title: string, langs: Lang[], date: string | null, tags: string[] = [], lastReadAt: number | null = null): ArticleSummary => ({ id, title, date, source: null, author: null, langs, tags, path: id, annotationCount: 0, lastReadAt });
const list = [
  a('1', 'Đường làng', ['vi'], '2023-01-01', ['làng'], 100),
  a('2', 'Dương lịch', ['vi', 'en'], '2024-01-01', ['lịch']),
  a('3', 'An Giang', ['en'], null, ['làng'], 50),
];
const ids = (xs: ArticleSummary[]) => xs.map((x) => x.id);

describe('sortAndFilter', () => {
  it('sorts by date (newest first, undated last), title (Vietnamese collation) and recently read', () => {
    expect(ids(sortAndFilter(list, 'date', { lang: null, tag: null }, 'vi'))).toEqual(['2', '1', '3']);
    expect(ids(sortAndFilter(list, 'title', { lang: null, tag: null }, 'vi'))).toEqual(['3', '2', '1']);
    expect(ids(sortAndFilter(list, 'recent', { lang: null, tag: null }, 'vi'))).toEqual(['1', '3', '2']);
  });
  it('lets the settings’ lastRead (fresh after opening) override the list’s older lastReadAt', () => {
    expect(ids(sortAndFilter(list, 'recent', { lang: null, tag: null }, 'vi', { '2': 500 }))).toEqual(['2', '1', '3']);
  });
  it('filters by language (a pair counts for both), pairs only, and tag', () => {
    expect(ids(sortAndFilter(list, 'date', { lang: 'en', tag: null }, 'vi'))).toEqual(['2', '3']);
    expect(ids(sortAndFilter(list, 'date', { lang: 'pair', tag: null }, 'vi'))).toEqual(['2']);
    expect(ids(sortAndFilter(list, 'date', { lang: null, tag: 'làng' }, 'vi'))).toEqual(['1', '3']);
  });
  it('lists tags and language badges', () => {
    expect(allTags(list)).toEqual(['làng', 'lịch']);
    expect(langBadge(['vi', 'en'])).toBe('VI+EN');
  });
});
