/**
 * Folio's analyzer: text → index terms and adjacent-word bigrams. Pure; used at index time (in a
 * worker or in-thread) and mirrored by the query planner.
 *
 * - Terms: every word's exact key (lowercase, NFC, canonical tone placement: `đường`, `hòa` for
 *   `hoà`), and every code whole (`08-bc/tu`, `15-10-1930`) besides its parts (`08`, `bc`, `tu`).
 *   A word typed with diacritics is one lookup; a word typed without is a lookup of each spelling
 *   of its folded key (vocabulary.ts), so folded recall equals exact recall and exact stays exact.
 * - Bigrams: every adjacent word pair, folded (`duong pho`), in a per-document Bloom filter:
 *   the ranking signal for multi-syllable words and the phrase pre-filter (syllable bigrams beat
 *   segmenters for retrieval, and no segmenter runs in Node without Java, Python or native
 *   code).
 * Measured alternatives (10k articles): bigrams as MiniSearch terms (~280 k terms per 1k
 * articles, 6× slower builds); folded keys as terms with exact forms beside them could not tell
 * `cá` from `cả` without a per-document filter that was only probably right.
 */
import { tokenize } from './tokenize';

/** Bumped whenever analysis output changes; a saved index with another version is rebuilt. */
export const ANALYZER_VERSION = 5;

/** Joins a word pair into a bigram key; terms never contain it. */
export const BIGRAM_JOIN = ' ';

/** Separator of pre-analysed term lists passed to MiniSearch (never part of a term). */
export const TERM_SEPARATOR = '\u0000';

/** Index terms of `text` (NFC-normalised first), in text order, duplicates kept (term frequency). */
export function analyze(text: string): string[] {
  return analyzeWithBigrams(text).terms;
}

/** Terms (as `analyze`); adds to `extra` the folded bigrams of adjacent words. */
export function analyzeWithBigrams(text: string, extra: Set<string> = new Set()): { terms: string[]; bigrams: Set<string> } {
  const bigrams = extra;
  const { words, compounds } = tokenize(text.normalize('NFC'));
  const terms: string[] = [];
  let prev: string | null = null;
  for (const w of words) {
    terms.push(w.exact);
    if (prev !== null && w.adjacent) bigrams.add(prev + BIGRAM_JOIN + w.folded);
    prev = w.folded;
  }
  for (const c of compounds) terms.push(c.key);
  return { terms, bigrams };
}
