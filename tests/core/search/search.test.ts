import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src-main/core/search/index';
import { foldDiacritics } from '../../../src-main/core/search/fold';
import { fixtureLibrary, makeArticle } from '../../fixtures/search/articles';
import type { IndexExtras } from '../../../src-main/core/search/index';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extras = new Map<string, IndexExtras>([
  ['chung-cu', { annotations: 'nhắc: thang máy hỏng', hasAnnotations: true }],
]);

async function freshIndex(): Promise<SearchIndex> {
  const index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-search-')), fingerprint: 'lib', workers: 0 });
  await index.reconcile(fixtureLibrary(), (id) => extras.get(id));
  return index;
}

const ids = (index: SearchIndex, q: string, opts = {}) => index.search(q, opts).map((h) => h.id);

describe('SearchIndex.search', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await freshIndex();
  });

  it('indexes one document per language version', () => {
    expect(index.size).toBe(15);
  });

  it('finds with a no-diacritic query every article the diacritic query finds', () => {
    for (const [marked, plain] of [['đường', 'duong'], ['dân chủ', 'dan chu'], ['hòa bình', 'hoa binh'], ['chủ', 'chu']]) {
      const withMarks = new Set(ids(index, marked!, { prefix: false }));
      const without = new Set(ids(index, plain!, { prefix: false }));
      expect(withMarks.size).toBeGreaterThan(0);
      for (const id of withMarks) expect(without.has(id)).toBe(true);
    }
    expect(new Set(ids(index, 'duong', { prefix: false }))).toEqual(new Set(['duong-pho', 'duong-lich', 'duong-nhiem']));
  });

  it('matches a word typed with diacritics in that spelling only', () => {
    expect(ids(index, 'đường', { prefix: false })).toEqual(['duong-pho']);
    expect(ids(index, 'dương', { prefix: false })).toEqual(['duong-lich']);
    expect(ids(index, 'đương', { prefix: false })).toEqual(['duong-nhiem']);
  });

  it('treats old and new tone placement as the same word', () => {
    expect(new Set(ids(index, 'hòa bình').slice(0, 2))).toEqual(new Set(['hoa-binh-cu', 'hoa-binh-moi']));
    expect(new Set(ids(index, 'hoà bình').slice(0, 2))).toEqual(new Set(['hoa-binh-cu', 'hoa-binh-moi']));
    expect(new Set(ids(index, 'thuý thủ', { prefix: false }))).toEqual(new Set(['hoa-binh-cu', 'hoa-binh-moi']));
    expect(new Set(ids(index, 'quả thật', { prefix: false }))).toEqual(new Set(['hoa-binh-cu', 'hoa-binh-moi']));
  });

  it('ranks adjacent query words (bigrams) above the same words apart', () => {
    const hits = ids(index, 'dân chủ', { prefix: false });
    expect(hits.indexOf('dan-chu')).toBeGreaterThanOrEqual(0);
    expect(hits.indexOf('dan-chu')).toBeLessThan(hits.indexOf('dan-chu-tach'));
  });

  it('returns only articles containing a quoted phrase, with or without diacritics', () => {
    expect(ids(index, '"dân chủ cơ sở"')).toEqual(['dan-chu']);
    expect(ids(index, '"dan chu co so"')).toEqual(['dan-chu']);
    expect(ids(index, 'dân chủ cơ sở', { prefix: false })).toContain('dan-chu-tach');
    expect(ids(index, '"chủ cơ sở"')).toEqual(expect.arrayContaining(['dan-chu', 'dan-chu-tach']));
    // With diacritics the phrase is compared exactly: "dan chu" typed with marks on other words does not match.
    expect(ids(index, '"dấn chú"')).toEqual([]);
  });

  it('matches the last word as a prefix, below exact matches', () => {
    const hits = ids(index, 'chu');
    expect(hits).toContain('chung-cu');
    expect(hits.indexOf('chu-viet')).toBeLessThan(hits.indexOf('chung-cu'));
    expect(ids(index, 'chu', { prefix: false })).not.toContain('chung-cu');
    // A word with a tone mark was typed to the end (Telex/VNI put the tone last): no prefix.
    expect(ids(index, 'chủ')).not.toContain('chung-cu');
  });

  it('matches long words fuzzily, below exact matches', () => {
    // Long words get fuzzy matches even when known; the exact match ranks first.
    expect(ids(index, 'paintings', { prefix: false })).toEqual(['paintings', 'typo']);
    // Unknown words from 5 letters get fuzzy matches (a likely typo).
    expect(ids(index, 'colourr', { prefix: false })).toEqual(['colour']);
    // Known short words do not: syllables like duong/huong/tuong would all match each other.
    expect(ids(index, 'colour', { prefix: false })).toEqual(['colour']);
    expect(ids(index, 'duong', { prefix: false })).not.toContain('hoa-binh-cu');
  });

  it('finds codes whole and by their parts', () => {
    expect(ids(index, '08-BC/TU')).toEqual(['van-kien']);
    expect(ids(index, '1930')).toEqual(['van-kien']);
    expect(ids(index, '15-10-1930')).toEqual(['van-kien']);
  });

  it('searches annotations passed as extras', () => {
    expect(ids(index, 'thang máy')).toEqual(['chung-cu']);
  });

  it('reports the language version that matched, grouped per article', () => {
    const hits = index.search('grassroots democracy');
    expect(hits.map((h) => [h.id, h.lang])).toEqual([['dan-chu', 'en']]);
    const vi = index.search('quy chế');
    expect(vi[0]?.lang).toBe('vi');
    expect(vi.filter((h) => h.id === 'dan-chu')).toHaveLength(1);
  });

  it('returns snippets whose ranges point at matched text', () => {
    for (const q of ['đường', 'duong', 'dân chủ', 'hoa binh', 'chu', 'paintings', '1930']) {
      const terms = q.split(' ').map((t) => foldDiacritics(t.toLowerCase()));
      const hits = index.search(q);
      expect(hits.length).toBeGreaterThan(0);
      let ranges = 0;
      for (const h of hits) {
        for (const s of h.snippets) {
          expect(s.lang).toBe(h.lang);
          for (const [start, end] of s.ranges) {
            ranges++;
            const matched = foldDiacritics(s.text.slice(start, end).toLowerCase());
            expect(terms.some((t) => matched === t || matched.startsWith(t) || (t.length >= 5 && Math.abs(matched.length - t.length) <= 1))).toBe(true);
          }
        }
      }
      expect(ranges).toBeGreaterThan(0);
    }
  });

  it('clips long paragraphs around the match', async () => {
    const long = `${'Mở đầu dài dòng. '.repeat(40)}Đây là câu có từ khóa hiếm gặp. ${'Kết thúc dài. '.repeat(40)}`;
    const idx = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-search-')), fingerprint: 'x', workers: 0 });
    idx.upsert(makeArticle('long', { title: 'Dài', paragraphs: [long] }));
    const s = idx.search('hiếm')[0]?.snippets[0];
    expect(s).toBeDefined();
    expect(s!.text.length).toBeLessThan(260);
    expect(s!.ranges).toHaveLength(1);
    expect(s!.text.slice(s!.ranges[0]![0], s!.ranges[0]![1])).toBe('hiếm');
  });

  it('applies filters: lang, date range, tag, hasAnnotations', () => {
    expect(ids(index, 'sea', { filters: { lang: 'en' } }).sort()).toEqual(['color', 'colour']);
    expect(ids(index, 'dân chủ', { filters: { lang: 'en' } })).toEqual([]);
    expect(ids(index, 'duong', { filters: { from: '2020-01-01', to: '2021-12-31' } })).toEqual(['duong-pho']);
    expect(ids(index, 'duong', { filters: { tag: 'que-huong' } })).toEqual(['duong-pho']);
    expect(ids(index, 'chung', { filters: { hasAnnotations: true } })).toEqual(['chung-cu']);
    expect(ids(index, 'chu', { filters: { hasAnnotations: false } })).not.toContain('chung-cu');
  });
});
