/**
 * Per-term BM25 impacts: for each document holding a term, the term's score in that document
 * summed over fields with their boosts, exactly as MiniSearch's own scoring computes it
 * (`termResults`/`calcBM25Score` in MiniSearch 7.2: k = 1.2, b = 0.7, d = 0.5, document
 * frequency per field). A query adds them straight from the postings into dense arrays
 * (accumulate.ts) instead of building a result object per matching document, which is what
 * made frequent syllables slow. Field lengths and their totals are kept as integers, so scores do not
 * drift with the order of additions and removals (a running average would).
 */
import { FIELDS } from './documents';
import { FIELD_BOOST } from './boosts';
import { LazyTermData } from './lazy-term';

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A term's documents (short ids, ascending) and their impacts, same order. */
export interface Impacts {
  docs: Int32Array;
  scores: Float64Array;
}

const EMPTY: Impacts = { docs: new Int32Array(0), scores: new Float64Array(0) };

/** Field lengths (distinct terms, as MiniSearch counts them) per document, and their totals. */
export class FieldStats {
  private lengths = new Uint32Array(0);
  readonly totals: number[];

  constructor(private readonly nFields: number) {
    this.totals = new Array<number>(nFields).fill(0);
  }

  /** Makes room for `shortId`. */
  reserve(shortId: number): void {
    const need = (shortId + 1) * this.nFields;
    if (need <= this.lengths.length) return;
    const grown = new Uint32Array(Math.max(need, this.lengths.length * 2, 1024));
    grown.set(this.lengths);
    this.lengths = grown;
  }

  setLength(shortId: number, field: number, length: number): void {
    if (this.normCache.length > 0) this.normCache = [];
    const at = shortId * this.nFields + field;
    this.totals[field] = (this.totals[field] as number) - (this.lengths[at] as number) + length;
    this.lengths[at] = length;
  }

  length(shortId: number, field: number): number {
    return this.lengths[shortId * this.nFields + field] ?? 0;
  }

  /**
   * Per short id below `size`: `lengthNorm` of its length in `field`, for an index of `n`
   * documents. Cached until a length changes (the average moves with every document).
   */
  norms(field: number, n: number, size: number): Float64Array {
    if (n !== this.normN) {
      this.normCache = [];
      this.normN = n;
    }
    let cached = this.normCache[field];
    if (cached && cached.length >= size) return cached;
    const avg = (this.totals[field] as number) / n;
    cached = new Float64Array(size);
    for (let d = 0; d < size; d++) cached[d] = lengthNorm(this.length(d, field), avg);
    this.normCache[field] = cached;
    return cached;
  }

  private normCache: (Float64Array | undefined)[] = [];
  private normN = -1;

  /** Takes a removed document's lengths out of the totals. */
  remove(shortId: number): void {
    for (let f = 0; f < this.nFields; f++) this.setLength(shortId, f, 0);
  }
}

/** MiniSearch's BM25+ for one field occurrence. */
export function bm25(tf: number, df: number, n: number, length: number, avgLength: number): number {
  return bm25Norm(tf, idf(df, n), lengthNorm(length, avgLength));
}

/** The inverse document frequency of a term in `df` of `n` documents (MiniSearch's). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The length part of BM25's denominator, per document and field (precomputed per field by `FieldStats.norms`). */
export function lengthNorm(length: number, avgLength: number): number {
  return K * (1 - B + (B * length) / avgLength);
}

/**
 * BM25+ from its parts; the same operations in the same order as `bm25`, so the result is
 * bit-identical whether the norm was precomputed or not.
 */
export function bm25Norm(tf: number, idfValue: number, norm: number): number {
  return idfValue * (D + (tf * (K + 1)) / (tf + norm));
}

/** One field's postings of a term, scored: short ids (ascending) and that field's impacts. */
interface FieldList {
  field: number;
  docs: Int32Array;
  scores: Float64Array;
}

/**
 * Impacts of a term given its postings (fieldId → shortId → frequency), as a list: each field's
 * list is scored in one pass, then the (at most five) lists are merged by short id. The query
 * path adds the same impacts without building lists (accumulate.ts); tests hold the two equal.
 */
export function computeImpacts(data: ReadonlyMap<number, ReadonlyMap<number, number>> | undefined, stats: FieldStats, n: number): Impacts {
  if (!data || n === 0) return EMPTY;
  const lists: FieldList[] = [];
  // `p[at + 2k]`, `p[at + 2k + 1]`: the k-th (short id, frequency) pair, as the snapshot lays them out.
  const scoreField = (field: number, p: Uint32Array, at: number, count: number): void => {
    const boost = FIELD_BOOST[FIELDS[field] as (typeof FIELDS)[number]];
    const avg = (stats.totals[field] as number) / n;
    const docs = new Int32Array(count);
    const scores = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const doc = p[at + 2 * k] as number;
      docs[k] = doc;
      scores[k] = boost * bm25(p[at + 2 * k + 1] as number, count, n, stats.length(doc, field), avg);
    }
    lists.push({ field, docs, scores });
  };
  // A term still encoded from a snapshot is scored in place, without building its Maps.
  const encoded = data instanceof LazyTermData && data.forEachEncodedField((field, p, at, count) => {
      if (count > 0) scoreField(field, p, at, count);
    });
  if (!encoded) {
    for (let field = 0; field < FIELDS.length; field++) {
      const freqs = data.get(field);
      if (!freqs || freqs.size === 0) continue;
      const pairs = new Uint32Array(freqs.size * 2);
      let at = 0;
      for (const [doc, tf] of freqs) {
        pairs[at++] = doc;
        pairs[at++] = tf;
      }
      scoreField(field, pairs, 0, freqs.size);
    }
  }
  if (lists.length === 0) return EMPTY;
  lists.sort((a, b) => a.field - b.field); // field order, as MiniSearch sums
  // Lists are kept in insertion (= short id) order; one that is not is sorted, not trusted.
  for (const l of lists) if (!ascending(l.docs)) sortByDoc(l);
  if (lists.length === 1) {
    const only = lists[0] as FieldList;
    return { docs: only.docs, scores: only.scores };
  }
  return mergeLists(lists);
}

/**
 * Sums several fields' lists per document, in field order (as MiniSearch does, so the sums are
 * bit-identical to its scores), into one list ascending by short id.
 */
function mergeLists(lists: FieldList[]): Impacts {
  let total = 0;
  for (const l of lists) total += l.docs.length;
  const docs = new Int32Array(total);
  const scores = new Float64Array(total);
  const pos = new Int32Array(lists.length);
  const k = lists.length;
  let out = 0;
  for (;;) {
    let min = 2 ** 31;
    for (let f = 0; f < k; f++) {
      const l = lists[f] as FieldList;
      const p = pos[f] as number;
      if (p < l.docs.length && (l.docs[p] as number) < min) min = l.docs[p] as number;
    }
    if (min === 2 ** 31) break;
    let sum = 0;
    for (let f = 0; f < k; f++) {
      const l = lists[f] as FieldList;
      const p = pos[f] as number;
      if (p < l.docs.length && l.docs[p] === min) {
        sum += l.scores[p] as number;
        pos[f] = p + 1;
      }
    }
    docs[out] = min;
    scores[out] = sum;
    out++;
  }
  return out === total ? { docs, scores } : { docs: docs.slice(0, out), scores: scores.slice(0, out) };
}

function ascending(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if ((a[i] as number) <= (a[i - 1] as number)) return false;
  return true;
}

function sortByDoc(l: FieldList): void {
  const order = Array.from(l.docs.keys()).sort((a, b) => (l.docs[a] as number) - (l.docs[b] as number));
  const docs = Int32Array.from(order, (i) => l.docs[i] as number);
  const scores = Float64Array.from(order, (i) => l.scores[i] as number);
  l.docs = docs;
  l.scores = scores;
}
