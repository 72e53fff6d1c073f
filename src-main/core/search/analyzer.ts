/**
 * Folio's analyzer: text → index terms, adjacent-word bigrams and exact word forms. Pure; used at
 * index time (in a worker or in-thread) and mirrored by the query planner.
 *
 * - Terms: every word's folded key (lowercase, NFC, diacritics stripped, đ→d: `duong`), and
 *   every compound whole (`08-bc/tu`, `15-10-1930`) besides its parts (`08`, `bc`, `tu`). A query
 *   word is one lookup whatever its diacritics, so folded recall equals exact recall.
 * - Exact forms: every word's exact key (canonical tone placement: `đường`, `hoà`) that differs
 *   from its folded key. With the bigrams they go into a per-document Bloom filter (bloom.ts):
 *   a query typed with diacritics ranks documents holding the exact form first.
 * - Bigrams: every adjacent word pair, folded (`duong pho`): the ranking signal for
 *   multi-syllable words and the phrase pre-filter (syllable bigrams beat segmenters for
 *   retrieval, and no segmenter runs in Node without Java, Python or native code).
 * Measured alternatives (10k articles): bigrams as MiniSearch terms (~280 k terms per 1k
 * articles, 6× slower builds); exact and folded keys both as terms (RSS 1.6× stock MiniSearch).
 */
import { tokenize } from './tokenize';
import { foldDiacritics } from './fold';

/** Bumped whenever analysis output changes; a saved index with another version is rebuilt. */
export const ANALYZER_VERSION = 4;

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

/** Prefix marking exact word forms in a document's filter (bigram keys contain a space instead). */
export const EXACT_MARK = '=';

/**
 * Terms (as `analyze`); adds to `extra` the folded bigrams of adjacent words and, marked with
 * EXACT_MARK, the exact forms that differ from their folded key.
 */
export function analyzeWithBigrams(text: string, extra: Set<string> = new Set()): { terms: string[]; bigrams: Set<string> } {
  const bigrams = extra;
  const { words, compounds } = tokenize(text.normalize('NFC'));
  const terms: string[] = [];
  let prev: string | null = null;
  for (const w of words) {
    terms.push(w.folded);
    if (w.folded !== w.exact) extra.add(EXACT_MARK + w.exact);
    if (prev !== null && w.adjacent) bigrams.add(prev + BIGRAM_JOIN + w.folded);
    prev = w.folded;
  }
  for (const c of compounds) terms.push(foldDiacritics(c.key));
  return { terms, bigrams };
}
