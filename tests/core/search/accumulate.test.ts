/**
 * Issue 16, as you type at 50k: the query path adds each term's BM25 impacts straight from its
 * postings (accumulate.ts), with per-field length norms precomputed, instead of building and
 * caching a list per term. The sums must be exactly the per-term impacts MiniSearch's formula
 * gives (`Engine.impacts`, itself checked against MiniSearch in fresh-equivalence.test.ts), for
 * still-encoded postings (a bulk build, a loaded index) and for MiniSearch's maps (after edits),
 * over every document or over a candidate set only. Marking a hit must not decode a term.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../src-main/core/search/engine';
import { analyzeDoc } from '../../../src-main/core/search/analyze-doc';
import { Accumulator } from '../../../src-main/core/search/accumulate';
import { LazyTermData } from '../../../src-main/core/search/lazy-term';
import { SearchIndex } from '../../../src-main/core/search/index';
import type { DocInput } from '../../../src-main/core/search/documents';
import { makeArticle } from '../../fixtures/search/articles';
import { mulberry32 } from '../../support/prng';

const WORDS = 'dân vận công tác nhiệm vụ cán bộ thu thú thủ thư đường phố hòa bình nguyễn ghi chú'.split(' ');

function inputs(seed: number, n: number): DocInput[] {
  const rand = mulberry32(seed);
  const sentence = (k: number): string => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    title: sentence(3),
    body: sentence(5 + Math.floor(rand() * 40)),
    author: rand() < 0.3 ? 'nguyễn thu' : '',
    source: '',
    annotations: rand() < 0.2 ? sentence(4) : '',
  }));
}

/** Engines over the same documents: postings still encoded (bulk) and in MiniSearch's maps. */
function engines(seed: number): { bulk: Engine; maps: Engine; terms: string[] } {
  const docs = inputs(seed, 150).map(analyzeDoc);
  const maps = new Engine();
  const terms = new Set<string>();
  for (const d of docs) maps.addAnalyzed(d, (t) => terms.add(t));
  const bulk = new Engine();
  bulk.beginBulk();
  for (const d of docs) bulk.addAnalyzed(d);
  bulk.endBulk();
  return { bulk, maps, terms: [...terms].sort() };
}

describe('impacts added from the postings', () => {
  it('sum to exactly the per-term impacts, encoded or in maps, in full or over candidates', () => {
    for (const seed of [1, 2]) {
      const { bulk, maps, terms } = engines(seed);
      const rand = mulberry32(seed + 100);
      const size = bulk.nextShortId;
      const candidates = new Uint32Array((size + 31) >>> 5);
      const chosen = new Set<number>();
      for (let d = 0; d < size; d++) {
        if (rand() < 0.3) {
          chosen.add(d);
          candidates[d >>> 5] = (candidates[d >>> 5] as number) | (1 << (d & 31));
        }
      }
      for (const engine of [bulk, maps]) {
        const acc = new Accumulator();
        acc.ensure(size);
        for (const term of terms) {
          const want = engine.impacts(term);
          expect(want.docs.length, term).toBeGreaterThan(0);
          for (const among of [null, candidates]) {
            acc.addTerm(engine.termData(term), engine.scoring(), 0.25, 1, 0, 1, among);
            const expected = Array.from(want.docs, (d, i) => [d, 0.25 * (want.scores[i] as number)]).filter(([d]) => !among || chosen.has(d as number));
            const got = Array.from(acc.touched.subarray(0, acc.n), (d) => [d, acc.score[d] as number]).sort((a, b) => (a[0] as number) - (b[0] as number));
            expect(got, term).toEqual(expected);
            for (const [d] of got) expect(acc.any[d as number], term).toBe(1);
            acc.reset();
          }
        }
      }
    }
  });

  it('restores a saved state exactly, and in the same order', () => {
    const { bulk, terms } = engines(3);
    const acc = new Accumulator();
    acc.ensure(bulk.nextShortId);
    for (const term of terms.slice(0, 5)) acc.addTerm(bulk.termData(term), bulk.scoring(), 1, 1, 1, 1, null);
    const saved = acc.save();
    const before = { touched: Array.from(acc.touched.subarray(0, acc.n)), score: Array.from(acc.score) };
    acc.reset();
    expect(Array.from(acc.score).every((x) => x === 0)).toBe(true);
    acc.restore(saved);
    expect({ touched: Array.from(acc.touched.subarray(0, acc.n)), score: Array.from(acc.score) }).toEqual(before);
    expect(() => acc.restore(saved)).toThrow(/not empty/);
    // Saved again into the arrays of a larger state (no allocation): the same state comes back.
    acc.reset();
    for (const term of terms) acc.addTerm(bulk.termData(term), bulk.scoring(), 1, 1, 1, 1, null);
    const larger = acc.save();
    acc.reset();
    acc.restore(saved);
    const reused = acc.save(larger);
    expect(reused.touched).toBe(larger.touched);
    acc.reset();
    acc.restore(reused);
    expect({ touched: Array.from(acc.touched.subarray(0, acc.n)), score: Array.from(acc.score) }).toEqual(before);
  });

  it('marks hits without decoding the terms of a built index', async () => {
    const index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-acc-')), fingerprint: 'a', workers: 0, compactAfter: 1 });
    const rand = mulberry32(4);
    const sentence = (k: number): string => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    // Enough articles for a bulk first build (postings kept encoded).
    await index.reconcile(
      Array.from({ length: 300 }, (_, i) => makeArticle(`a${i}`, { title: sentence(3), paragraphs: [sentence(30)] })),
      () => undefined,
    );
    const page = index.searchPage('dân v', { limit: 10 });
    expect(page.hits.length).toBe(10);
    expect(page.hits.some((h) => h.snippets.some((s) => s.ranges.length > 0))).toBe(true);
    const engine = (index as unknown as { engine: Engine }).engine;
    for (const term of ['dân', 'vận', 'vụ']) {
      const data = engine.termData(term);
      expect(data, term).toBeInstanceOf(LazyTermData);
      expect((data as LazyTermData).pending, term).toBe(true);
    }
  });
});
