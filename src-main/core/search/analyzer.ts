/**
 * Folio's analyzer: text → index terms. One pure function used at index time (in a worker or
 * in-thread) and mirrored by the query planner.
 *
 * Terms emitted for a text:
 *  - every word's exact key (lowercase NFC, canonical tone placement): `đường`, `hoà`;
 *  - every compound whole (`08-bc/tu`, `15-10-1930`) besides its parts (`08`, `bc`, `tu`);
 *  - every adjacent pair of words as a diacritic-folded bigram `duong pho` (ranking signal for
 *    multi-syllable words; syllable bigrams beat segmenters for retrieval, see LESSONS.md).
 * Folded unigrams are not stored: the index keeps a folded→exact vocabulary and expands folded
 * query syllables to every exact form at query time (same recall, half the postings).
 */
import { tokenize } from './tokenize';

/** Bumped whenever analysis output changes; a saved index with another version is rebuilt. */
export const ANALYZER_VERSION = 1;

/** Joins a word pair into a bigram term; unigram terms never contain it. */
export const BIGRAM_JOIN = ' ';

/** Separator of pre-analysed term lists passed to MiniSearch (never part of a term). */
export const TERM_SEPARATOR = '\u0000';

/** True for bigram terms produced by `analyze`. */
export function isBigram(term: string): boolean {
  return term.includes(BIGRAM_JOIN);
}

/** Index terms of `text` (NFC-normalised first), in text order, duplicates kept (term frequency). */
export function analyze(text: string): string[] {
  const { words, compounds } = tokenize(text.normalize('NFC'));
  const terms: string[] = [];
  let prev: string | null = null;
  for (const w of words) {
    terms.push(w.exact);
    if (prev !== null && w.adjacent) terms.push(prev + BIGRAM_JOIN + w.folded);
    prev = w.folded;
  }
  for (const c of compounds) terms.push(c.key);
  return terms;
}

/** `analyze` joined with TERM_SEPARATOR: the compact form workers send back to the main thread. */
export function analyzeJoined(text: string): string {
  return analyze(text).join(TERM_SEPARATOR);
}
