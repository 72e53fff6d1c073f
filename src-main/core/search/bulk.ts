/**
 * Postings of a first build, collected straight into one growing Uint32Array instead of
 * MiniSearch's Map of Maps. A Map entry per posting cost several times the memory (RSS after a
 * 10k-article build was 1.26× stock MiniSearch's) and a re-encode afterwards that blocked the
 * event loop about a second; here each (term, field) list is a chain of slices in a shared pool
 * (as Lucene's ByteBlockPool), and `encode` writes the snapshot layout (engine.ts) that a saved
 * index is loaded from, so a fresh build and a loaded index are the same structure.
 */

/** Slice data sizes in Uint32 (pairs of shortId, frequency); the last one repeats. */
const SLICE_SIZES = [4, 16, 64, 256, 1024, 4096] as const;

/**
 * The pool is a list of fixed chunks of 2^23 Uint32 (32 MiB), never a growing array: growing by
 * doubling copied the whole pool each time (old and new alive at once) and the freed copies,
 * below glibc's mmap threshold, stayed in the process's heap after the build (RSS after a 10k
 * build measured above stock MiniSearch's while the JS heap was half of it). A 32 MiB
 * allocation is always mmapped (glibc's threshold tops out at 32 MiB), its pages are committed
 * only when written, so a small build costs what it writes, and freeing it gives the memory
 * back to the OS. Slices never cross a chunk.
 */
const CHUNK_BITS = 23;

/** Postings being collected, per term and field, in insertion (= short id) order. */
export class BulkPostings {
  private readonly chunks: Uint32Array[] = [];
  /** Next free position, as chunk * CHUNK + offset. */
  private used = 0;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per (term, field) list, indexed `termId * nFields + field`: first slice, write position, slice end, count, level. */
  private head: Int32Array = new Int32Array(0);
  private cur: Int32Array = new Int32Array(0);
  private end: Int32Array = new Int32Array(0);
  private count: Int32Array = new Int32Array(0);
  private level: Uint8Array = new Uint8Array(0);

  private readonly chunkBits: number;
  private readonly chunkMask: number;

  /** `chunkBits` (tests only) sets smaller chunks; a slice needs 4097 slots. */
  constructor(private readonly nFields: number, chunkBits = CHUNK_BITS) {
    if (chunkBits < 13 || chunkBits > 26) throw new RangeError(`chunkBits ${chunkBits} out of 13..26`);
    this.chunkBits = chunkBits;
    this.chunkMask = (1 << chunkBits) - 1;
  }

  /** Number of distinct terms so far. */
  get termCount(): number {
    return this.terms.length;
  }

  /** Appends a posting; returns true when `term` was not seen before. */
  add(term: string, field: number, shortId: number, freq: number): boolean {
    let t = this.termIds.get(term);
    let isNew = false;
    if (t === undefined) {
      t = this.terms.length;
      this.termIds.set(term, t);
      this.terms.push(term);
      this.growLists(this.terms.length * this.nFields);
      isNew = true;
    }
    const k = t * this.nFields + field;
    if (this.count[k] === 0) {
      const start = this.alloc(SLICE_SIZES[0]);
      this.head[k] = start;
      this.cur[k] = start;
      this.end[k] = start + SLICE_SIZES[0];
    } else if (this.cur[k] === this.end[k]) {
      const lv = Math.min((this.level[k] as number) + 1, SLICE_SIZES.length - 1);
      const size = SLICE_SIZES[lv] as number;
      const start = this.alloc(size);
      // The slot after a slice's data links to the next slice.
      this.set(this.end[k] as number, start);
      this.level[k] = lv;
      this.cur[k] = start;
      this.end[k] = start + size;
    }
    const at = this.cur[k] as number;
    const chunk = this.chunks[at >>> this.chunkBits] as Uint32Array;
    chunk[at & this.chunkMask] = shortId;
    chunk[(at & this.chunkMask) + 1] = freq;
    this.cur[k] = at + 2;
    this.count[k] = (this.count[k] as number) + 1;
    return isNew;
  }

  /**
   * The snapshot layout of every term still holding a posting of a live document (`alive`),
   * terms in first-seen order, fields in id order, postings in insertion order; `dropped`
   * lists terms left without any.
   */
  encode(alive: (shortId: number) => boolean): { terms: string[]; offsets: number[]; postings: Uint32Array; dropped: string[] } {
    let size = 0;
    for (let k = 0; k < this.terms.length * this.nFields; k++) if ((this.count[k] as number) > 0) size += 2 + 2 * (this.count[k] as number);
    const out = new Uint32Array(size + this.terms.length);
    const terms: string[] = [];
    const offsets: number[] = [];
    const dropped: string[] = [];
    let at = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const start = at;
      let nf = 0;
      at++;
      for (let f = 0; f < this.nFields; f++) {
        const k = t * this.nFields + f;
        let left = this.count[k] as number;
        if (left === 0) continue;
        const fieldAt = at;
        at += 2;
        let n = 0;
        let p = this.head[k] as number;
        let lv = 0;
        let sliceEnd = p + (SLICE_SIZES[0] as number);
        while (left > 0) {
          if (p === sliceEnd) {
            p = this.get(sliceEnd);
            lv = Math.min(lv + 1, SLICE_SIZES.length - 1);
            sliceEnd = p + (SLICE_SIZES[lv] as number);
          }
          const id = this.get(p);
          if (alive(id)) {
            out[at++] = id;
            out[at++] = this.get(p + 1);
            n++;
          }
          p += 2;
          left--;
        }
        if (n === 0) {
          at = fieldAt;
          continue;
        }
        out[fieldAt] = f;
        out[fieldAt + 1] = n;
        nf++;
      }
      if (nf === 0) {
        at = start;
        dropped.push(this.terms[t] as string);
        continue;
      }
      out[start] = nf;
      terms.push(this.terms[t] as string);
      offsets.push(start);
    }
    return { terms, offsets, postings: at === out.length ? out : out.slice(0, at), dropped };
  }

  /** Chunks allocated so far (pages committed only as written). */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /** Frees the collected postings (after `encode`): the chunks go back to the OS now. */
  release(): void {
    this.chunks.length = 0;
    this.used = 0;
  }

  private get(at: number): number {
    return (this.chunks[at >>> this.chunkBits] as Uint32Array)[at & this.chunkMask] as number;
  }

  private set(at: number, value: number): void {
    (this.chunks[at >>> this.chunkBits] as Uint32Array)[at & this.chunkMask] = value;
  }

  /** Room for a slice of `size` plus its link slot, inside one chunk. */
  private alloc(size: number): number {
    const chunk = 1 << this.chunkBits;
    let start = this.used;
    if (this.chunks.length === 0 || start - (this.chunks.length - 1) * chunk + size + 1 > chunk) {
      start = this.chunks.length * chunk;
      this.chunks.push(new Uint32Array(chunk));
    }
    this.used = start + size + 1;
    return start;
  }

  private growLists(need: number): void {
    if (need <= this.count.length) return;
    const cap = Math.max(need, this.count.length * 2, 1024);
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.head = grow32(this.head);
    this.cur = grow32(this.cur);
    this.end = grow32(this.end);
    this.count = grow32(this.count);
    const lv = new Uint8Array(cap);
    lv.set(this.level);
    this.level = lv;
  }
}
