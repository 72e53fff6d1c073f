/**
 * Lazily decoded postings of one term. Loading a saved index used to spend most of its time
 * (and garbage collection) building millions of Map entries up front; instead each term keeps
 * an offset into the snapshot's Uint32Array and becomes a real Map of Maps the first time
 * MiniSearch touches it (search, insertion, vacuum, snapshot). Same interface as the Map
 * MiniSearch expects (`FieldTermData`), so MiniSearch itself is unchanged.
 */

/** MiniSearch's per-term data: fieldId → (shortId → term frequency). */
export type TermData = Map<number, Map<number, number>>;

/** A TermData that decodes itself from `postings` at `offset` on first use. */
export class LazyTermData extends Map<number, Map<number, number>> {
  private postings: Uint32Array | null;
  private readonly offset: number;

  constructor(postings: Uint32Array, offset: number) {
    super();
    this.postings = postings;
    this.offset = offset;
  }

  /** True until the postings are decoded. */
  get pending(): boolean {
    return this.postings !== null;
  }

  /**
   * Calls `each(fieldId, postings, at, n)` per field while still encoded: the field's `n`
   * (shortId, frequency) pairs start at `postings[at]`. Returns false (calling nothing) once
   * decoded; the caller then reads the Maps.
   */
  forEachEncodedField(each: (fieldId: number, postings: Uint32Array, at: number, n: number) => void): boolean {
    const p = this.postings;
    if (p === null) return false;
    let at = this.offset;
    const nf = p[at++] as number;
    for (let f = 0; f < nf; f++) {
      const fieldId = p[at] as number;
      const n = p[at + 1] as number;
      each(fieldId, p, at + 2, n);
      at += 2 + n * 2;
    }
    return true;
  }

  /** False when none of `ids` has a posting here (read without decoding while encoded). */
  holdsAny(ids: ReadonlySet<number>): boolean {
    let found = false;
    const encoded = this.forEachEncodedField((_f, p, at, n) => {
      for (let k = 0; k < n && !found; k++) if (ids.has(p[at + 2 * k] as number)) found = true;
    });
    if (encoded) return found;
    for (const freqs of super.values()) for (const id of ids) if (freqs.has(id)) return true;
    return false;
  }

  /** Largest per-field document count, read from the encoded postings without decoding them. */
  documentFrequency(): number {
    const p = this.postings;
    if (p === null) {
      let most = 0;
      for (const freqs of super.values()) if (freqs.size > most) most = freqs.size;
      return most;
    }
    let at = this.offset;
    const nf = p[at++] as number;
    let most = 0;
    for (let f = 0; f < nf; f++) {
      const n = p[at + 1] as number;
      if (n > most) most = n;
      at += 2 + n * 2;
    }
    return most;
  }

  /** Length in Uint32 of the encoded postings (0 once decoded). */
  encodedLength(): number {
    const p = this.postings;
    if (p === null) return 0;
    let at = this.offset;
    const nf = p[at++] as number;
    for (let f = 0; f < nf; f++) at += 2 + 2 * (p[at + 1] as number);
    return at - this.offset;
  }

  /** Copies the encoded postings into `out` at `at`; returns the position after them. */
  copyEncoded(out: Uint32Array, at: number): number {
    const p = this.postings;
    if (p === null) throw new Error('copyEncoded: postings already decoded');
    const n = this.encodedLength();
    out.set(p.subarray(this.offset, this.offset + n), at);
    return at + n;
  }

  /** Decodes the postings (layout: see engine.ts `Snapshot.postings`). Idempotent. */
  materialize(): void {
    const p = this.postings;
    if (p === null) return;
    this.postings = null;
    let at = this.offset;
    const nf = p[at++] as number;
    for (let f = 0; f < nf; f++) {
      const fieldId = p[at++] as number;
      const n = p[at++] as number;
      const freqs = new Map<number, number>();
      for (let k = 0; k < n; k++, at += 2) freqs.set(p[at] as number, p[at + 1] as number);
      super.set(fieldId, freqs);
    }
  }

  override get(key: number): Map<number, number> | undefined {
    this.materialize();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.materialize();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>): this {
    this.materialize();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.materialize();
    return super.delete(key);
  }
  override clear(): void {
    this.postings = null;
    super.clear();
  }
  override get size(): number {
    this.materialize();
    return super.size;
  }
  override forEach(cb: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.materialize();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.materialize();
    return super.entries();
  }
  override keys(): MapIterator<number> {
    this.materialize();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.materialize();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}
