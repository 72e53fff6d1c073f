/**
 * Folio's analyzer: text → index terms and adjacent-word bigrams. Pure; used at index time (in a
 * worker or in-thread) and mirrored by the query planner.
 *
 * - Terms: every word's exact key (lowercase NFC, canonical tone placement: `đường`, `hoà`)
 *   and, when different, its folded key (`duong`): a query without diacritics is one lookup
 *   per word, and a query with diacritics ranks exact over folded-only matches; plus every
 *   compound whole (`08-bc/tu`, `15-10-1930`) besides its parts (`08`, `bc`, `tu`).
 * - Bigrams: every adjacent word pair, diacritic-folded (`duong pho`): the ranking signal for
 *   multi-syllable words and the phrase pre-filter (syllable bigrams beat segmenters for
 *   retrieval, see LESSONS.md). They go into a per-document Bloom filter (bloom.ts).
 * (Expanding folded query words to every exact form at query time instead halves the postings
 * but made common two-word queries ~30 lookups: measured slower at 10k articles.)
 */
import { tokenize } from './tokenize';

/** Bumped whenever analysis output changes; a saved index with another version is rebuilt. */
export const ANALYZER_VERSION = 3;

/** Joins a word pair into a bigram key; terms never contain it. */
export const BIGRAM_JOIN = ' ';

/** Separator of pre-analysed term lists passed to MiniSearch (never part of a term). */
export const TERM_SEPARATOR = '\u0000';

/** True for bigram keys (as opposed to terms). */
export function isBigram(term: string): boolean {
  return term.includes(BIGRAM_JOIN);
}

/** Index terms of `text` (NFC-normalised first), in text order, duplicates kept (term frequency). */
export function analyze(text: string): string[] {
  return analyzeWithBigrams(text).terms;
}

/** Terms (as `analyze`) and the distinct folded bigrams of adjacent words. */
export function analyzeWithBigrams(text: string, bigrams: Set<string> = new Set()): { terms: string[]; bigrams: Set<string> } {
  const { words, compounds } = tokenize(text.normalize('NFC'));
  const terms: string[] = [];
  let prev: string | null = null;
  for (const w of words) {
    terms.push(w.exact);
    if (w.folded !== w.exact) terms.push(w.folded);
    if (prev !== null && w.adjacent) bigrams.add(prev + BIGRAM_JOIN + w.folded);
    prev = w.folded;
  }
  for (const c of compounds) terms.push(c.key);
  return { terms, bigrams };
}
