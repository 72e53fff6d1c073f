/**
 * The indexed spellings grouped by folded key (`duong` → dương, đường, đương). Prefix and fuzzy
 * matching run here, on the small word list, and keep only the most frequent expansions, instead
 * of MiniSearch's prefix/fuzzy search over the whole inverted index. Document frequencies come
 * from the index itself (never counted here), and a spelling leaves when its last document does,
 * so expansions depend only on what is indexed now, not on the edits that led there.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { foldDiacritics } from './fold';

/** A folded key found by prefix or fuzzy lookup, with its edit distance from the query key. */
export interface VocabularyMatch {
  folded: string;
  exact: readonly string[];
  distance: number;
}

/** Folded key → exact spellings currently in the index. */
export class Vocabulary {
  private readonly byFolded = new SearchableMap<string[]>();

  /** `frequency(term)`: documents holding the exact term now (from the index). */
  constructor(private readonly frequencyOf: (term: string) => number = () => 0) {}

  /** Records a spelling that entered the index. */
  add(term: string): void {
    const list = this.byFolded.fetch(foldDiacritics(term), () => []);
    if (list.includes(term)) return;
    // Sorted, so a query's terms (and the order their scores are summed) never depend on history.
    list.push(term);
    list.sort();
  }

  /** Forgets a spelling whose last document left the index. */
  remove(term: string): void {
    const key = foldDiacritics(term);
    const list = this.byFolded.get(key);
    if (!list) return;
    const at = list.indexOf(term);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byFolded.delete(key);
  }

  /** Documents holding `term` (0 when unknown). */
  frequency(term: string): number {
    return this.frequencyOf(term);
  }

  /** The `limit` most frequent of `terms`; ties by spelling, so the choice never depends on history. */
  mostFrequent(terms: Iterable<string>, limit: number): string[] {
    return [...terms]
      .map((t) => ({ t, f: this.frequency(t) }))
      .filter((x) => x.f > 0)
      .sort((a, b) => b.f - a.f || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
      .slice(0, limit)
      .map((x) => x.t);
  }

  /** Exact spellings whose folded key is `folded`. */
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

  /** Number of distinct folded keys. */
  get size(): number {
    return this.byFolded.size;
  }
}
