/**
 * Issue 16, as you type: when every expanded term of a query was one of the previous query's,
 * only the documents the previous query touched are evaluated (search-run.ts `narrowable`);
 * while the last word is typed, the sums of the words before it are saved and reused
 * (`collectMatches`). Each step of a typed sequence must give exactly what a fresh evaluation
 * gives: the same pages (ids, languages, scores) and the same total, on seeded libraries, with
 * and without filters.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';
import { mulberry32 } from '../../support/prng';
import type { Article, SearchFilters } from '../../../src-main/shared/types';

/** Many words sharing prefixes, so a longer prefix really narrows the candidates. */
const WORDS = (
  'thu thú thủ thư thức thực thường thương thuận thuế thủy thuộc nhân nhận nhất nhiều nhiệm những ' +
  'dân dần dẫn vận văn vấn vật vụ việc viên công cộng cống tác tắc tấc khiếu khiêu nại nạn nạp ' +
  'giáo giao giảo dục dực hòa hoa họa bình bính đường dương đương'
).split(' ');
const TYPED = ['nhiệm vụ', 'thuong mai', 'khiếu nại', 'dân vận', 'cong tac', 'giao duc', 'thủy', 'cong tac dan van', 'nhan dan thuong'];

function library(seed: number, n: number): Article[] {
  const rand = mulberry32(seed);
  const sentence = (k: number): string => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const vi = { lang: 'vi' as const, title: sentence(2 + Math.floor(rand() * 3)), paragraphs: [sentence(3 + Math.floor(rand() * 12))] };
    return rand() < 0.2 ? makeArticle(`a${i}`, vi, { ...vi, lang: 'en', title: sentence(3) }) : makeArticle(`a${i}`, vi);
  });
}

async function build(articles: Article[]): Promise<SearchIndex> {
  const index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-narrow-')), fingerprint: 'n', workers: 0 });
  await index.reconcile(articles, () => undefined);
  return index;
}

/** Every prefix of `q`, one character more each time, as typed. */
const keystrokes = (q: string): string[] => Array.from({ length: [...q].length }, (_, i) => [...q].slice(0, i + 1).join(''));

const brief = (hits: { id: string; lang: string; score: number }[]): [string, string, number][] => hits.map((h) => [h.id, h.lang, h.score]);

describe('narrowing as the user types', () => {
  it('gives every keystroke the pages and total of a fresh evaluation', async () => {
    let narrowed = 0;
    let reused = 0;
    for (const seed of [1, 2, 3]) {
      const articles = library(seed, 300);
      const typing = await build(articles);
      const fresh = await build(articles);
      for (const filters of [undefined, { lang: 'vi' } satisfies SearchFilters]) {
        for (const q of TYPED) {
          for (const step of keystrokes(q)) {
            const opts = filters ? { filters, snippets: false } : { snippets: false };
            const got = [typing.searchPage(step, { ...opts, limit: 10 }), typing.searchPage(step, { ...opts, offset: 10, limit: 10 })];
            // Fresh: the cache of `fresh` is emptied first, so nothing is narrowed there.
            (fresh as unknown as { matchCache: Map<string, unknown>; lastCollected: unknown }).matchCache.clear();
            (fresh as unknown as { lastCollected: unknown }).lastCollected = null;
            (fresh as unknown as { sums: unknown[] }).sums.length = 0;
            const want = [fresh.searchPage(step, { ...opts, limit: 10 }), fresh.searchPage(step, { ...opts, offset: 10, limit: 10 })];
            for (let p = 0; p < 2; p++) {
              expect(got[p]?.total, `${step} seed ${seed}`).toBe(want[p]?.total);
              expect(brief(got[p]?.hits ?? []), `${step} page ${p} seed ${seed}`).toEqual(brief(want[p]?.hits ?? []));
            }
          }
        }
      }
      expect(fresh.narrowed).toBe(0);
      expect(fresh.headsReused).toBe(0);
      narrowed += typing.narrowed;
      reused += typing.headsReused;
    }
    // The property is not vacuous: many keystrokes were narrowed, many reused the saved sums.
    expect(narrowed).toBeGreaterThan(10);
    expect(reused).toBeGreaterThan(10);
  });

  it('pages every search right while evicted searches give their buffers to new ones', async () => {
    const articles = library(11, 300);
    const index = await build(articles);
    const fresh = await build(articles);
    const queries = TYPED.flatMap(keystrokes);
    expect(queries.length).toBeGreaterThan(40); // far more than the 16 searches kept
    const seen: string[] = [];
    for (const q of queries) {
      index.searchPage(q, { limit: 5, snippets: false });
      seen.push(q);
      // Page 2 of a search a few steps back: cached (its buffers must not have been reused).
      const back = seen[Math.max(0, seen.length - 6)] as string;
      (fresh as unknown as { matchCache: Map<string, unknown> }).matchCache.clear();
      (fresh as unknown as { lastCollected: unknown }).lastCollected = null;
      (fresh as unknown as { sums: unknown[] }).sums.length = 0;
      const got = index.searchPage(back, { offset: 5, limit: 5, snippets: false });
      const want = fresh.searchPage(back, { offset: 5, limit: 5, snippets: false });
      expect(got.total, back).toBe(want.total);
      expect(brief(got.hits), back).toEqual(brief(want.hits));
    }
  });

  it('does not narrow when the query gains a word (its matches can be outside the previous ones)', async () => {
    const index = await build(library(7, 200));
    index.searchPage('dân', { limit: 5, snippets: false });
    const before = index.narrowed;
    index.searchPage('dân v', { limit: 5, snippets: false });
    expect(index.narrowed).toBe(before);
  });
});
