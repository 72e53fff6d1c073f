/**
 * Issue 16, point 2: a page is chosen by top-k with early termination (search-run.ts
 * `selectPage`): matches are visited by an upper bound of their score and the scan stops once no
 * other can reach the page. The pages must be exactly the slices of the full ranking (every
 * match scored), with the same scores and the exact total, on seeded topical libraries where
 * every article matches, scores tie and adjacency decides.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';
import { mulberry32 } from '../../support/prng';
import type { Article } from '../../../src-main/shared/types';

/** A one-subject vocabulary: the query words are in most articles, often adjacent. */
const WORDS = 'công tác dân vận nhiệm vụ cán bộ đảng viên xây dựng nông thôn mới quy chế dân chủ đoàn kết cong tac dan van can bo nhiệm kỳ đảng bộ phát triển'.split(' ');
const QUERIES = ['dân vận', 'dan van', 'công tác dân vận', 'cong t', 'dân v', 'nhiem v', 'cán bộ đảng viên', 'can bo dang vien', 'ph', 'dâ', '"dân vận"', '"cong tac" dan', 'đảng', 'xay dung nong thon moi'];

function library(seed: number, n: number): Article[] {
  const rand = mulberry32(seed);
  const sentence = (k: number): string => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const vi = { lang: 'vi' as const, title: sentence(2 + Math.floor(rand() * 3)), paragraphs: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => sentence(4 + Math.floor(rand() * 25))) };
    // Some articles have a second version: the best one per article is kept.
    return rand() < 0.2 ? makeArticle(`a${i}`, vi, { ...vi, lang: 'en', title: sentence(3) }) : makeArticle(`a${i}`, vi);
  });
}

async function build(articles: Article[]): Promise<SearchIndex> {
  const index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-topk-')), fingerprint: 't', workers: 0 });
  await index.reconcile(articles, () => undefined);
  return index;
}

const brief = (hits: { id: string; lang: string; score: number }[]): [string, string, number][] => hits.map((h) => [h.id, h.lang, h.score]);

describe('top-k with early termination', () => {
  it('returns exactly the slices of the full ranking, with the true total', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const articles = library(seed, 400);
      const paged = await build(articles);
      const full = await build(articles);
      for (const q of QUERIES) {
        // limit ≥ every match: nothing can be skipped, every match is scored.
        const all = full.searchPage(q, { limit: 10_000, snippets: false });
        expect(all.hits.length, q).toBe(all.total);
        for (const [offset, limit] of [[0, 20], [20, 20], [0, 3], [7, 5], [395, 20]] as const) {
          const page = paged.searchPage(q, { offset, limit, snippets: false });
          // A quoted phrase's total counts candidates not yet checked against their text (and
          // says so); every other total is exact.
          if (page.approximate) expect(page.total, `${q} seed ${seed}`).toBeGreaterThanOrEqual(all.total);
          else expect(page.total, `${q} seed ${seed}`).toBe(all.total);
          expect(brief(page.hits), `${q} @${offset}+${limit} seed ${seed}`).toEqual(brief(all.hits.slice(offset, offset + limit)));
        }
      }
    }
  });

  it('ranks a page without checking adjacency for every match', async () => {
    const index = await build(library(5, 600));
    const page = index.searchPage('công tác dân vận', { limit: 10, snippets: false });
    expect(page.total).toBeGreaterThan(300);
    // The matches of the last search, with the adjacency found per match (−1: never checked).
    const cache = (index as unknown as { matchCache: Map<string, { adjacent: Int8Array | null }> }).matchCache;
    const adjacent = [...cache.values()].at(-1)?.adjacent;
    expect(adjacent).toBeTruthy();
    const checked = Array.from(adjacent ?? []).filter((a) => a >= 0).length;
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(checked).toBeLessThan(page.total / 2);
  });
});
