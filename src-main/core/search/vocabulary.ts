/**
 * The folded→exact vocabulary of indexed words. The index stores exact keys only; a query
 * syllable is expanded here to every exact form sharing its folded key ("duong" → dương,
 * đường, đương …), and prefix / fuzzy matching run on the small folded vocabulary instead of
 * the whole inverted index.
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

/** Most prefix expansions considered for one syllable (shortest completions first). */
const PREFIX_LIMIT = 64;

/** Folded key → exact forms seen in the index. Entries are never removed (stale ones are harmless). */
export class Vocabulary {
  private readonly byFolded = new SearchableMap<string[]>();
  private readonly known = new Set<string>();

  /** Records an exact unigram term (bigrams are ignored). */
  add(term: string): void {
    if (this.known.has(term) || isBigram(term)) return;
    this.known.add(term);
    this.byFolded.fetch(foldDiacritics(term), () => []).push(term);
  }

  /** Exact forms whose folded key is `folded`. */
  variants(folded: string): readonly string[] {
    return this.byFolded.get(folded) ?? [];
  }

  /** Folded keys that start with `folded` (excluding itself), shortest first, capped. */
  completions(folded: string): VocabularyMatch[] {
    const out: VocabularyMatch[] = [];
    for (const [key, exact] of this.byFolded.atPrefix(folded)) {
      if (key !== folded) out.push({ folded: key, exact, distance: key.length - folded.length });
    }
    out.sort((a, b) => a.distance - b.distance);
    return out.slice(0, PREFIX_LIMIT);
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
    return this.known.size;
  }
}
