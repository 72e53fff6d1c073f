/**
 * Per-term BM25 impacts: for each document holding a term, the term's score in that document
 * summed over fields with their boosts, exactly as MiniSearch's own scoring computes it
 * (`termResults`/`calcBM25Score` in MiniSearch 7.2: k = 1.2, b = 0.7, d = 0.5, document
 * frequency per field), in flat typed arrays. A query then adds a few arrays into an accumulator
 * (search-run.ts) instead of building a result object per matching document, which is what made
 * frequent syllables slow. Field lengths and their totals are kept as integers, so scores do not
 * drift with the order of additions and removals (a running average would).
 */
import { FIELDS } from './documents';
import { FIELD_BOOST } from './boosts';
import { LazyTermData } from './lazy-term';

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A term's documents (short ids) and their impacts, same order. */
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
    const at = shortId * this.nFields + field;
    this.totals[field] = (this.totals[field] as number) - (this.lengths[at] as number) + length;
    this.lengths[at] = length;
  }

  length(shortId: number, field: number): number {
    return this.lengths[shortId * this.nFields + field] ?? 0;
  }

  /** Takes a removed document's lengths out of the totals. */
  remove(shortId: number): void {
    for (let f = 0; f < this.nFields; f++) this.setLength(shortId, f, 0);
  }
}

/** Impacts of the terms used since the index last changed, within a budget of postings. */
export class ImpactCache {
  private readonly map = new Map<string, Impacts>();
  private size = 0;
  constructor(private readonly budget = 4_000_000) {}

  get(term: string): Impacts | undefined {
    const hit = this.map.get(term);
    if (hit) {
      // Most recently used last, so eviction drops the least recently used.
      this.map.delete(term);
      this.map.set(term, hit);
    }
    return hit;
  }

  set(term: string, impacts: Impacts): void {
    this.map.set(term, impacts);
    this.size += impacts.docs.length;
    for (const [t, old] of this.map) {
      if (this.size <= this.budget || t === term) break;
      this.map.delete(t);
      this.size -= old.docs.length;
    }
  }
}

/** MiniSearch's BM25+ for one field occurrence. */
export function bm25(tf: number, df: number, n: number, length: number, avgLength: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avgLength)));
}

/** Impacts of a term given its postings (fieldId → shortId → frequency). */
export function computeImpacts(data: ReadonlyMap<number, ReadonlyMap<number, number>> | undefined, stats: FieldStats, n: number): Impacts {
  if (!data || n === 0) return EMPTY;
  const fieldScores: { docs: number[]; scores: number[] }[] = [];
  const scoreField = (fieldId: number, df: number, each: (visit: (doc: number, tf: number) => void) => void): void => {
    const boost = FIELD_BOOST[FIELDS[fieldId] as (typeof FIELDS)[number]];
    const avg = (stats.totals[fieldId] as number) / n;
    const docs: number[] = [];
    const scores: number[] = [];
    each((doc, tf) => {
      docs.push(doc);
      scores.push(boost * bm25(tf, df, n, stats.length(doc, fieldId), avg));
    });
    fieldScores.push({ docs, scores });
  };
  // A term still encoded from a snapshot is scored in place, without building its Maps.
  const encoded: [number, Uint32Array, number, number][] = [];
  if (data instanceof LazyTermData && data.forEachEncodedField((f, p, at, count) => encoded.push([f, p, at, count]))) {
    encoded.sort((a, b) => a[0] - b[0]); // field order, as MiniSearch sums
    for (const [fieldId, p, at, count] of encoded) {
      if (count === 0) continue;
      scoreField(fieldId, count, (visit) => {
        for (let k = 0; k < count; k++) visit(p[at + 2 * k] as number, p[at + 2 * k + 1] as number);
      });
    }
  } else {
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
      const freqs = data.get(fieldId);
      if (!freqs || freqs.size === 0) continue;
      scoreField(fieldId, freqs.size, (visit) => {
        for (const [doc, tf] of freqs) visit(doc, tf);
      });
    }
  }
  if (fieldScores.length === 0) return EMPTY;
  if (fieldScores.length === 1) {
    const only = fieldScores[0] as { docs: number[]; scores: number[] };
    const docs = Int32Array.from(only.docs);
    const scores = Float64Array.from(only.scores);
    // Lists are kept in insertion (= short id) order; a list that is not would break narrowing.
    for (let i = 1; i < docs.length; i++) if ((docs[i] as number) < (docs[i - 1] as number)) return sortedByDoc(docs, scores);
    return { docs, scores };
  }
  // Several fields: sum per document, in field order (as MiniSearch does).
  const sum = new Map<number, number>();
  for (const f of fieldScores) {
    for (let i = 0; i < f.docs.length; i++) {
      const doc = f.docs[i] as number;
      sum.set(doc, (sum.get(doc) ?? 0) + (f.scores[i] as number));
    }
  }
  // Ascending short ids, as every field's list already is: narrowing (search-run.ts) merges.
  const docs = Int32Array.from(sum.keys()).sort();
  const scores = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) scores[i] = sum.get(docs[i] as number) as number;
  return { docs, scores };
}

function sortedByDoc(docs: Int32Array, scores: Float64Array): Impacts {
  const order = Array.from(docs.keys()).sort((a, b) => (docs[a] as number) - (docs[b] as number));
  return { docs: Int32Array.from(order, (i) => docs[i] as number), scores: Float64Array.from(order, (i) => scores[i] as number) };
}
