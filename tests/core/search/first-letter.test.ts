/**
 * Issue 16: the first letter typed in the search box (`d`) used to return nothing (prefix
 * expansion started at two letters), which reads as "nothing in the library". It now matches the
 * most frequent words starting with that letter, as any further letter does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';

describe('as-you-type from the first letter', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-letter-')), fingerprint: 'l', workers: 0 });
    await index.reconcile(
      [
        makeArticle('dan', { title: 'Công tác dân vận', paragraphs: ['Gần dân, hiểu dân, tin dân.'] }),
        makeArticle('duong', { title: 'Con đường mới', paragraphs: ['Đường làng được mở rộng.'] }),
        makeArticle('khac', { title: 'Mùa màng', paragraphs: ['Lúa chín vàng trên cánh đồng.'] }),
      ],
      () => undefined,
    );
  });

  it('finds words starting with the letter, in every spelling when typed plain', () => {
    const page = index.searchPage('d', { limit: 10 });
    expect(new Set(page.hits.map((h) => h.id))).toEqual(new Set(['dan', 'duong', 'khac']));
    expect(page.total).toBe(3);
    // The match is marked in the snippet: a word starting with d or đ.
    const marked = page.hits.flatMap((h) => h.snippets.flatMap((s) => s.ranges.map(([a, b]) => s.text.slice(a, b).toLowerCase())));
    expect(marked.length).toBeGreaterThan(0);
    for (const w of marked) expect(w.startsWith('d') || w.startsWith('đ')).toBe(true);
  });

  it('keeps a typed quality mark: đ finds đ words only', () => {
    const page = index.searchPage('đ', { limit: 10 });
    expect(new Set(page.hits.map((h) => h.id))).toEqual(new Set(['duong', 'khac']));
  });

  it('does not expand a letter followed by a space (the word is complete)', () => {
    expect(index.searchPage('d ', { limit: 10 }).total).toBe(0);
  });
});
