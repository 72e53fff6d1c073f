/**
 * Issue 16, build memory: a first build collects postings compactly (bulk.ts) instead of in
 * MiniSearch's maps. The index it leaves must hold exactly what the map path holds: the same
 * terms, the same documents per term and field, hence the same scores, also when documents are
 * discarded while the build runs.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src-main/core/search/engine';
import { analyzeDoc } from '../../../src-main/core/search/analyze-doc';
import { BulkPostings } from '../../../src-main/core/search/bulk';
import type { DocInput } from '../../../src-main/core/search/documents';
import { mulberry32 } from '../../support/prng';

const WORDS = 'dân vận công tác nhiệm vụ cán bộ thu thú thủ thư đường phố hòa bình nguyễn colour painting 08-bc/tu'.split(' ');

function inputs(seed: number, n: number): DocInput[] {
  const rand = mulberry32(seed);
  const sentence = (k: number): string => Array.from({ length: k }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    title: sentence(3),
    // Some bodies are long enough to need many slices per list.
    body: sentence(i % 7 === 0 ? 400 : 5 + Math.floor(rand() * 40)),
    author: rand() < 0.3 ? 'nguyễn thu' : '',
    source: '',
    annotations: rand() < 0.2 ? sentence(4) : '',
  }));
}

/** Per term: document id → score, for every term of either engine. */
function scoresByTerm(e: Engine, terms: Iterable<string>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const term of terms) {
    const imp = e.impacts(term);
    const byId: Record<string, number> = {};
    imp.docs.forEach((d, i) => (byId[e.idOf(d) ?? '?'] = imp.scores[i] as number));
    out[term] = byId;
  }
  return out;
}

describe('bulk postings', () => {
  it('leaves the same index as inserting into MiniSearch maps', () => {
    for (const seed of [1, 2, 3]) {
      const docs = inputs(seed, 120).map(analyzeDoc);
      const maps = new Engine();
      const mapTerms = new Set<string>();
      for (const d of docs) maps.addAnalyzed(d, (t) => mapTerms.add(t));
      const bulk = new Engine();
      expect(bulk.beginBulk()).toBe(true);
      const bulkTerms = new Set<string>();
      for (const d of docs) bulk.addAnalyzed(d, (t) => bulkTerms.add(t));
      bulk.endBulk();
      expect([...bulkTerms].sort()).toEqual([...mapTerms].sort());
      expect(bulk.termCount).toBe(maps.termCount);
      expect(scoresByTerm(bulk, bulkTerms)).toEqual(scoresByTerm(maps, mapTerms));
      for (const t of mapTerms) expect(bulk.documentFrequency(t), t).toBe(maps.documentFrequency(t));
      // The fields each document holds a term in (what marks and annotation labels read).
      for (const t of mapTerms) for (let d = 0; d < docs.length; d++) expect(bulk.fieldsHolding(t, d), t).toBe(maps.fieldsHolding(t, d));
    }
  });

  it('leaves out documents discarded during the build, and terms only they held', () => {
    const all = inputs(9, 60);
    all[5] = { ...(all[5] as DocInput), title: 'độcnhất', body: 'từriêng' };
    const docs = all.map(analyzeDoc);
    const bulk = new Engine();
    bulk.beginBulk();
    const gone: string[] = [];
    docs.forEach((d, i) => {
      bulk.addAnalyzed(d);
      if (i === 10) bulk.discardDoc('d5');
    });
    bulk.endBulk((t) => gone.push(t));
    expect(new Set(gone)).toEqual(new Set(['độcnhất', 'từriêng']));
    const kept = new Engine();
    for (const d of docs) kept.addAnalyzed(d);
    kept.discardDoc('d5');
    kept.purge();
    const terms = new Set(all.flatMap((d) => analyzeDoc(d).fields.flatMap((f) => (f.terms === '' ? [] : f.terms.split('\u0000')))));
    expect(scoresByTerm(bulk, terms)).toEqual(scoresByTerm(kept, terms));
    expect(bulk.needsPurge).toBe(false);
    expect(bulk.search('từriêng')).toEqual([]);
  });

  it('refuses to start on an index that already holds terms', () => {
    const e = new Engine();
    e.addAnalyzed(analyzeDoc(inputs(4, 1)[0] as DocInput));
    expect(e.beginBulk()).toBe(false);
  });

  it('reads back long lists across slice boundaries in insertion order', () => {
    const b = new BulkPostings(2);
    for (let i = 0; i < 5000; i++) {
      b.add('a', i % 2, i, (i % 5) + 1);
      if (i % 3 === 0) b.add('b', 1, i, 1);
    }
    const { terms, offsets, postings } = b.encode((id) => id !== 7);
    expect(terms).toEqual(['a', 'b']);
    const at = offsets[0] as number;
    expect(postings[at]).toBe(2); // two fields
    expect(postings[at + 1]).toBe(0);
    expect(postings[at + 2]).toBe(2500);
    const ids0 = Array.from({ length: 2500 }, (_, k) => postings[at + 3 + 2 * k]);
    expect(ids0).toEqual(Array.from({ length: 2500 }, (_, k) => 2 * k));
    const f1 = at + 3 + 2 * 2500;
    expect(postings[f1]).toBe(1);
    expect(postings[f1 + 1]).toBe(2499); // 2500 odd ids minus id 7
    expect(postings[f1 + 2 + 1]).toBe(2); // frequency of id 1
  });

  it('spreads slices over fixed chunks without copying, and reads the same lists back', () => {
    // 2^13-slot chunks: these lists need many chunks, and slices must never straddle one.
    const small = new BulkPostings(3, 13);
    const one = new BulkPostings(3);
    const rand = mulberry32(5);
    for (let id = 0; id < 3000; id++) {
      for (let t = 0; t < 12; t++) {
        if (rand() < 0.6) {
          const field = Math.floor(rand() * 3);
          const freq = 1 + Math.floor(rand() * 4);
          small.add(`t${t}`, field, id, freq);
          one.add(`t${t}`, field, id, freq);
        }
      }
    }
    expect(small.chunkCount).toBeGreaterThan(3);
    expect(one.chunkCount).toBe(1);
    const alive = (id: number): boolean => id % 11 !== 0;
    const a = small.encode(alive);
    const b = one.encode(alive);
    expect(a.terms).toEqual(b.terms);
    expect(a.offsets).toEqual(b.offsets);
    expect(Array.from(a.postings)).toEqual(Array.from(b.postings));
    small.release();
    expect(small.chunkCount).toBe(0);
  });

  it('refuses chunks too small for the largest slice', () => {
    expect(() => new BulkPostings(2, 12)).toThrow(RangeError);
  });
});
