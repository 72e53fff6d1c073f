/**
 * The vocabulary of indexed words by folded key, with document frequencies. Prefix and fuzzy
 * matching run here, on the small word list, and keep only the most frequent expansions, instead
 * of MiniSearch's prefix/fuzzy search over the whole inverted index.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { foldDiacritics } from './fold';
import { isBigram } from './analyzer';

/** A folded key found by prefix or fuzzy lookup, with its edit distance from the query key. */
export interface VocabularyMatch {
  folded: string;
  exact: readonly string[];
  distance: number;
}

/** Folded key → exact forms seen in the index. Entries are never removed (stale ones are harmless). */
export class Vocabulary {
  private readonly byFolded = new SearchableMap<string[]>();
  /** Exact word → number of documents seen with it (an upper bound after removals). */
  private readonly docFreq = new Map<string, number>();

  /** Records `docs` more documents holding the exact unigram `term` (bigrams are ignored). */
  add(term: string, docs = 1): void {
    const seen = this.docFreq.get(term);
    if (seen !== undefined) {
      this.docFreq.set(term, seen + docs);
      return;
    }
    if (isBigram(term)) return;
    this.docFreq.set(term, docs);
    this.byFolded.fetch(foldDiacritics(term), () => []).push(term);
  }

  /** Documents seen with `term` (0 when unknown). */
  frequency(term: string): number {
    return this.docFreq.get(term) ?? 0;
  }

  /** The `limit` most frequent of `terms`. */
  mostFrequent(terms: Iterable<string>, limit: number): string[] {
    return [...terms].sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, limit);
  }

  /** Exact forms whose folded key is `folded`. */
  variants(folded: string): readonly string[] {
    return this.byFolded.get(folded) ?? [];
  }

  /** Folded keys that start with `folded` (excluding itself). */
  completions(folded: string): VocabularyMatch[] {
    const out: VocabularyMatch[] = [];
    for (const [key, exact] of this.byFolded.atPrefix(folded)) {
      if (key !== folded) out.push({ folded: key, exact, distance: key.length - folded.length });
    }
    return out;
  }

  /** Folded keys within `maxDistance` edits of `folded` (excluding itself). */
  near(folded: string, maxDistance: number): VocabularyMatch[] {
    const out: VocabularyMatch[] = [];
    for (const [key, [exact, distance]] of this.byFolded.fuzzyGet(folded, maxDistance)) {
      if (distance > 0) out.push({ folded: key, exact, distance });
    }
    return out;
  }

  /** Number of distinct exact words. */
  get size(): number {
    return this.docFreq.size;
  }
}
