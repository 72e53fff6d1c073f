/**
 * One search over the engine: a single MiniSearch OR-query of all expanded terms with per-term
 * boosts, adjacency from the documents' bigram filters, then tiering (rank.ts), grouping per
 * article, phrase verification and snippets — the last two only for as many candidates as
 * needed to fill `limit`.
 */
import type { SearchResult } from 'minisearch';
import type { Article, SearchFilters, SearchHit } from '../../shared/types';
import { articleText } from '../../shared/text';
import type { DocMeta } from './documents';
import type { Engine } from './engine';
import { containsPhrase } from './phrase';
import type { QueryPlan, TermInfo } from './query';
import { matchTier, publicScore, tierKey } from './rank';
import { makeSnippets } from './snippets';
import { bloomHasKey, bloomKey } from './bloom';
import { EXACT_MARK } from './analyzer';

/** Everything one search needs. */
export interface SearchRun {
  engine: Engine;
  docs: ReadonlyMap<string, DocMeta>;
  /** Per document: Bloom filter of its folded adjacent-word bigrams and exact word forms. */
  bigrams: ReadonlyMap<string, Uint8Array>;
  articles: ReadonlyMap<string, Article>;
  plan: QueryPlan;
  infos: ReadonlyMap<string, readonly TermInfo[]>;
  limit: number;
  snippets: boolean;
  filters: SearchFilters | undefined;
}

/** Runs the search and builds the hits. */
export function runSearch(r: SearchRun): SearchHit[] {
  if (r.infos.size === 0 || r.limit <= 0) return [];
  const queries = [...r.infos].map(([term, list]) => {
    const weight = Math.max(...list.map((i) => i.weight));
    return { queries: [term], boostTerm: () => weight };
  });
  const filter = makeFilter(r.filters, r.docs);
  const results = r.engine.search({ combineWith: 'OR', queries }, filter ? { filter } : {});
  // Bucket by tier; MiniSearch's order (by BM25) is kept inside a bucket.
  const buckets = new Map<number, { result: SearchResult; key: number }[]>();
  const pairs = r.plan.bigrams.map((b) => bloomKey(b.term));
  const exactForms = r.plan.slots.map((s, i) => ({ bit: 1 << Math.min(i, 30), key: s.diacritics ? bloomKey(EXACT_MARK + s.exact) : null }));
  const needFilter = pairs.length > 0 || exactForms.some((e) => e.key);
  for (const result of results) {
    const filter = needFilter ? r.bigrams.get(String(result.id)) : undefined;
    let adjacent = 0;
    let exactSlots = 0;
    if (filter) {
      for (const p of pairs) if (bloomHasKey(filter, p)) adjacent++;
      for (const e of exactForms) if (e.key && bloomHasKey(filter, e.key)) exactSlots |= e.bit;
    }
    const key = tierKey(matchTier(result.terms, r.infos, adjacent, exactSlots));
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = []));
    b.push({ result, key });
  }
  const hits: SearchHit[] = [];
  const taken = new Set<string>();
  const phraseBigrams = r.plan.phrases.flatMap((p) => p.bigrams).map(bloomKey);
  for (const key of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const { result } of buckets.get(key) ?? []) {
      const meta = r.docs.get(String(result.id));
      if (!meta || taken.has(meta.articleId)) continue;
      if (r.plan.phrases.length > 0) {
        // Bloom pre-filter, then the text itself (MiniSearch has no phrase search).
        const filter = r.bigrams.get(String(result.id));
        if (!filter || !phraseBigrams.every((b) => bloomHasKey(filter, b))) continue;
        if (!matchesPhrases(r, meta)) continue;
      }
      taken.add(meta.articleId);
      hits.push(toHit(r, meta, result, key));
      if (hits.length >= r.limit) return hits;
    }
  }
  return hits;
}

function versionOf(r: SearchRun, meta: DocMeta) {
  return r.articles.get(meta.articleId)?.versions.find((v) => v.lang === meta.lang);
}

function matchesPhrases(r: SearchRun, meta: DocMeta): boolean {
  const v = versionOf(r, meta);
  if (!v) return false; // no text to verify against: never claim a phrase match
  const text = `${v.title}\n\n${articleText(v.paragraphs)}`;
  return r.plan.phrases.every((p) => containsPhrase(text, p));
}

function toHit(r: SearchRun, meta: DocMeta, result: SearchResult, key: number): SearchHit {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const term of result.terms) {
    const kinds = r.infos.get(term) ?? [];
    if (kinds.some((k) => k.kind === 'compound')) compounds.add(term);
    else words.add(term);
  }
  const v = versionOf(r, meta);
  return {
    id: meta.articleId,
    title: meta.title,
    date: meta.date,
    score: publicScore(key, result.score),
    lang: meta.lang,
    snippets: v && r.snippets ? makeSnippets(v.paragraphs, meta.lang, { words, compounds }) : [],
  };
}

function makeFilter(f: SearchFilters | undefined, docs: ReadonlyMap<string, DocMeta>): ((r: SearchResult) => boolean) | null {
  if (!f) return null;
  const { lang, from, to, tag, hasAnnotations } = f;
  if (lang === undefined && from === undefined && to === undefined && tag === undefined && hasAnnotations === undefined) return null;
  const fromDay = from?.slice(0, 10);
  const toDay = to?.slice(0, 10);
  return (res) => {
    const m = docs.get(String(res.id));
    if (!m) return false;
    if (lang !== undefined && m.lang !== lang) return false;
    if (tag !== undefined && !m.tags.includes(tag)) return false;
    if (hasAnnotations !== undefined && m.hasAnnotations !== hasAnnotations) return false;
    if (fromDay !== undefined || toDay !== undefined) {
      const day = m.date?.slice(0, 10);
      if (!day) return false;
      if (fromDay !== undefined && day < fromDay) return false;
      if (toDay !== undefined && day > toDay) return false;
    }
    return true;
  };
}
