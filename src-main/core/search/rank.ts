/**
 * Ranking tiers. BM25 (MiniSearch's formula, impacts.ts) orders documents inside a tier; tiers
 * make the guarantees the issue asks for hold whatever the term statistics: more query words
 * matched first (coordination level, Salton & McGill 1983), then words matched in one of their
 * spellings rather than by prefix/fuzzy, then words matched in the typed spelling, then adjacent
 * query-word pairs found adjacent in the document.
 */
import type { TermKind } from './query';

/** Mask bits a term of this kind sets for its query word: [any, strong, exact]. */
export function kindBits(kind: TermKind): [boolean, boolean, boolean] {
  return [true, kind === 'exact' || kind === 'folded', kind === 'exact'];
}

const clamp9 = (n: number): number => (n > 9 ? 9 : n);

/**
 * The tier of a document from its per-query-word masks (bit i: query word i), without the
 * adjacency component; add `min(adjacentPairs, 9)` for the full key. Higher is better.
 */
export function tierBase(any: number, strong: number, exact: number): number {
  return clamp9(popcount(any)) * 1000 + clamp9(popcount(strong)) * 100 + clamp9(popcount(exact)) * 10;
}

/** The full tier key: base plus adjacent pairs (0–9). */
export function tierKey(base: number, adjacentPairs: number): number {
  return base + clamp9(adjacentPairs);
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
