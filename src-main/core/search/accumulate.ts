/**
 * Step 1 of a search (search-run.ts): every expanded term adds its BM25 impact, times its
 * weight, and its query-word bits into dense arrays indexed by short id. Impacts are scored
 * straight from the postings (still encoded, or MiniSearch's maps), with the per-document length
 * norms precomputed per field: no list is built or cached per term. A cache of per-term lists
 * thrashed on large libraries (a few dozen frequent syllables of 50k articles fill any sensible
 * budget), and each miss allocated megabytes, which brought major garbage collections of the
 * whole heap into the middle of typing. The sums are bit-identical to `computeImpacts`
 * (impacts.ts): the same operations in the same order, per document, fields in field order.
 */
import { FIELDS } from './documents';
import { FIELD_BOOST } from './boosts';
import { LazyTermData, type TermData } from './lazy-term';
import { bm25Norm, idf, type FieldStats } from './impacts';

/** What scoring needs from the index: its size and the per-field length norms. */
export interface Scoring {
  /** Documents in the index (BM25's N). */
  n: number;
  /** One past the largest short id. */
  size: number;
  stats: FieldStats;
}

/** True when bit `d` of `bits` is set. */
export function hasBit(bits: Uint32Array, d: number): boolean {
  return (((bits[d >>> 5] as number) >>> (d & 31)) & 1) === 1;
}

const BOOSTS = FIELDS.map((f) => FIELD_BOOST[f]);

/** One field's postings of a term: encoded pairs `p[at + 2i]` (short id), `p[at + 2i + 1]` (frequency), or a map. */
interface PostingList {
  field: number;
  p: Uint32Array | null;
  at: number;
  count: number;
  freqs: ReadonlyMap<number, number> | null;
}

/** Reusable accumulator arrays indexed by short id. */
export class Accumulator {
  score = new Float64Array(0);
  any = new Uint32Array(0);
  strong = new Uint32Array(0);
  exact = new Uint32Array(0);
  /** Documents touched so far, in first-touch order (`n` of them). */
  touched = new Int32Array(0);
  n = 0;
  /** A term's impact per document while its fields are summed (multi-field terms). */
  private termScore = new Float64Array(0);
  private termDocs = new Int32Array(0);
  private readonly lists: PostingList[] = [];

  ensure(size: number): void {
    if (this.score.length >= size) return;
    const cap = Math.max(size, this.score.length * 2);
    this.score = new Float64Array(cap);
    this.any = new Uint32Array(cap);
    this.strong = new Uint32Array(cap);
    this.exact = new Uint32Array(cap);
    this.touched = new Int32Array(cap);
    this.termScore = new Float64Array(cap);
    this.termDocs = new Int32Array(cap);
  }

  /**
   * Adds `weight` × the term's impact and the bits to every document holding the term, or only
   * to those in `candidates` (a bit set by short id) when given: each of those gets exactly the
   * additions it would get without, so narrowed and full evaluations agree to the bit.
   */
  addTerm(data: TermData | undefined, s: Scoring, weight: number, any: number, strong: number, exact: number, candidates: Uint32Array | null): void {
    if (!data || s.n === 0) return;
    const lists = this.lists;
    lists.length = 0;
    const encoded =
      data instanceof LazyTermData &&
      data.forEachEncodedField((field, p, at, count) => {
        if (count > 0) lists.push({ field, p, at, count, freqs: null });
      });
    if (!encoded) {
      for (let field = 0; field < FIELDS.length; field++) {
        const freqs = data.get(field);
        if (freqs && freqs.size > 0) lists.push({ field, p: null, at: 0, count: freqs.size, freqs });
      }
    }
    if (lists.length === 0) return;
    // Fields in field order, as MiniSearch sums them.
    if (lists.length > 1) lists.sort((a, b) => a.field - b.field);
    if (lists.length === 1) {
      this.addList(lists[0] as PostingList, s, weight, any, strong, exact, candidates);
      return;
    }
    // Several fields: the term's impact per document is their sum in field order, then weighted.
    let k = 0;
    for (const l of lists) k = this.sumList(l, s, k, candidates);
    const { termScore, termDocs } = this;
    for (let i = 0; i < k; i++) {
      const d = termDocs[i] as number;
      this.one(d, weight * (termScore[d] as number), any, strong, exact);
      termScore[d] = 0;
    }
  }

  /** Adds `weight` × impact per posting of a term held in one field only (the common case). */
  private addList(l: PostingList, s: Scoring, weight: number, any: number, strong: number, exact: number, candidates: Uint32Array | null): void {
    const boost = BOOSTS[l.field] as number;
    const idfValue = idf(l.count, s.n);
    const norms = s.stats.norms(l.field, s.n, s.size);
    const { p, at, count } = l;
    if (!p) {
      l.freqs?.forEach((tf, d) => {
        if (!candidates || hasBit(candidates, d)) this.one(d, weight * (boost * bm25Norm(tf, idfValue, norms[d] as number)), any, strong, exact);
      });
      return;
    }
    const score = this.score;
    const anyBits = this.any;
    const strongBits = this.strong;
    const exactBits = this.exact;
    const touched = this.touched;
    let n = this.n;
    for (let i = 0; i < count; i++) {
      const d = p[at + 2 * i] as number;
      if (candidates && (((candidates[d >>> 5] as number) >>> (d & 31)) & 1) === 0) continue;
      const impact = boost * bm25Norm(p[at + 2 * i + 1] as number, idfValue, norms[d] as number);
      if (anyBits[d] === 0) touched[n++] = d;
      score[d] = (score[d] as number) + weight * impact;
      anyBits[d] = (anyBits[d] as number) | any;
      strongBits[d] = (strongBits[d] as number) | strong;
      exactBits[d] = (exactBits[d] as number) | exact;
    }
    this.n = n;
  }

  /** Adds one field's impacts into `termScore`; returns the count of documents recorded in `termDocs`. */
  private sumList(l: PostingList, s: Scoring, k: number, candidates: Uint32Array | null): number {
    const boost = BOOSTS[l.field] as number;
    const idfValue = idf(l.count, s.n);
    const norms = s.stats.norms(l.field, s.n, s.size);
    const { termScore, termDocs } = this;
    const { p, at, count } = l;
    // Impacts are positive: zero means not seen yet for this term.
    if (!p) {
      l.freqs?.forEach((tf, d) => {
        if (candidates && !hasBit(candidates, d)) return;
        if (termScore[d] === 0) termDocs[k++] = d;
        termScore[d] = (termScore[d] as number) + boost * bm25Norm(tf, idfValue, norms[d] as number);
      });
      return k;
    }
    for (let i = 0; i < count; i++) {
      const d = p[at + 2 * i] as number;
      if (candidates && (((candidates[d >>> 5] as number) >>> (d & 31)) & 1) === 0) continue;
      if (termScore[d] === 0) termDocs[k++] = d;
      termScore[d] = (termScore[d] as number) + boost * bm25Norm(p[at + 2 * i + 1] as number, idfValue, norms[d] as number);
    }
    return k;
  }

  private one(d: number, add: number, any: number, strong: number, exact: number): void {
    if (this.any[d] === 0) this.touched[this.n++] = d;
    this.score[d] = (this.score[d] as number) + add;
    this.any[d] = (this.any[d] as number) | any;
    this.strong[d] = (this.strong[d] as number) | strong;
    this.exact[d] = (this.exact[d] as number) | exact;
  }

  /** The touched documents as a bit set by short id (the candidates of a narrowed query). */
  touchedBits(size: number): Uint32Array {
    const bits = new Uint32Array((size + 31) >>> 5);
    for (let i = 0; i < this.n; i++) {
      const d = this.touched[i] as number;
      bits[d >>> 5] = (bits[d >>> 5] as number) | (1 << (d & 31));
    }
    return bits;
  }

  /**
   * A copy of the state so far (see `restore`), written into `reuse`'s arrays when they are
   * large enough (a dropped state's: no new allocation per word typed).
   */
  save(reuse?: AccumulatorState): AccumulatorState {
    const n = this.n;
    const fits = reuse !== undefined && reuse.touched.length >= n;
    const touched = fits ? reuse.touched : new Int32Array(n);
    const score = fits ? reuse.score : new Float64Array(n);
    const any = fits ? reuse.any : new Uint32Array(n);
    const strong = fits ? reuse.strong : new Uint32Array(n);
    const exact = fits ? reuse.exact : new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const d = this.touched[i] as number;
      touched[i] = d;
      score[i] = this.score[d] as number;
      any[i] = this.any[d] as number;
      strong[i] = this.strong[d] as number;
      exact[i] = this.exact[d] as number;
    }
    return { n, touched, score, any, strong, exact };
  }

  /** Puts back a saved state into an empty accumulator: the same values, the same order. */
  restore(state: AccumulatorState): void {
    if (this.n !== 0) throw new Error('Accumulator.restore: not empty');
    const { n, touched, score, any, strong, exact } = state;
    for (let i = 0; i < n; i++) {
      const d = touched[i] as number;
      this.touched[i] = d;
      this.score[d] = score[i] as number;
      this.any[d] = any[i] as number;
      this.strong[d] = strong[i] as number;
      this.exact[d] = exact[i] as number;
    }
    this.n = n;
  }

  reset(): void {
    for (let i = 0; i < this.n; i++) {
      const d = this.touched[i] as number;
      this.score[d] = 0;
      this.any[d] = 0;
      this.strong[d] = 0;
      this.exact[d] = 0;
    }
    this.n = 0;
  }
}

/** The accumulator's values for its `n` touched documents (the arrays' first `n`), in first-touch order. */
export interface AccumulatorState {
  n: number;
  touched: Int32Array;
  score: Float64Array;
  any: Uint32Array;
  strong: Uint32Array;
  exact: Uint32Array;
}
