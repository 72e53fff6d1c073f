/**
 * Ranking tiers. BM25 (MiniSearch's score) orders documents inside a tier; tiers make the
 * guarantees the issue asks for hold whatever the term statistics: more query words matched
 * first (coordination level, Salton & McGill 1983), then words matched exactly or folded rather
 * than by prefix/fuzzy, then words matched with the user's diacritics, then adjacent pairs.
 */
import type { TermInfo } from './query';

/** How a document matched the query, summarised. */
export interface MatchTier {
  /** Query words matched in any way. */
  coverage: number;
  /** Query words matched exactly or diacritic-folded (not only by prefix/fuzzy). */
  strong: number;
  /** Query words matched with the typed diacritics (or any form when none were typed). */
  exact: number;
  /** Adjacent query word pairs and whole codes matched. */
  adjacency: number;
}

const clamp9 = (n: number): number => (n > 9 ? 9 : n);

/** Tier of a document given the index terms it matched and its adjacent query-word pairs. */
export function matchTier(
  matchedTerms: readonly string[],
  infos: ReadonlyMap<string, readonly TermInfo[]>,
  adjacentPairs: number,
  /** Bit i set: query word i (typed with diacritics) occurs in its exact form in the document. */
  exactSlots: number,
): MatchTier {
  let any = 0;
  let strong = 0;
  let exact = 0;
  let adjacency = adjacentPairs;
  for (const term of matchedTerms) {
    for (const info of infos.get(term) ?? []) {
      if (info.kind === 'compound') {
        adjacency++;
        continue;
      }
      const bit = 1 << Math.min(info.slot, 30);
      any |= bit;
      if (info.kind === 'exact' || info.kind === 'folded') strong |= bit;
      if (info.kind === 'exact' || (info.kind === 'folded' && (exactSlots & bit) !== 0)) exact |= bit;
    }
  }
  return { coverage: popcount(any), strong: popcount(strong), exact: popcount(exact), adjacency };
}

/** One sortable integer per tier (higher is better); each component is clamped to 0–9. */
export function tierKey(t: MatchTier): number {
  return clamp9(t.coverage) * 1000 + clamp9(t.strong) * 100 + clamp9(t.exact) * 10 + clamp9(t.adjacency);
}

/** The public score: tier key plus BM25 squashed into [0, 1), so it sorts like the hits. */
export function publicScore(key: number, bm25: number): number {
  return key + bm25 / (bm25 + 1);
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n >>> 0; x; x &= x - 1) c++;
  return c;
}
