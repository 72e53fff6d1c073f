/**
 * Per-document Bloom filters of folded adjacent-word bigrams (Bloom 1970; double hashing per
 * Kirsch & Mitzenmacher 2006). Adjacency is a ranking signal and a phrase pre-filter, so a small
 * false-positive rate is harmless (phrases are verified against the text). Storing bigrams as
 * MiniSearch terms instead cost ~280k distinct terms per 1k articles here and made building six
 * times slower than stock MiniSearch; a filter costs ~10 bits per bigram.
 */

/** Bits per stored bigram (≈1% false positives with 4 probes), before rounding up to 2^n. */
const BITS_PER_KEY = 10;
const PROBES = 4;
const MIN_BYTES = 8;

function hash1(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hash2(h: number): number {
  // murmur3 finaliser: a second, independent-enough hash derived from the first.
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return ((x ^ (x >>> 16)) | 1) >>> 0;
}

/** A filter holding `keys` (sized for their count; power-of-two bytes). */
export function buildBloom(keys: ReadonlySet<string>): Uint8Array {
  let bytes = MIN_BYTES;
  while (bytes * 8 < keys.size * BITS_PER_KEY) bytes *= 2;
  const filter = new Uint8Array(bytes);
  const mask = bytes * 8 - 1;
  for (const key of keys) {
    const a = hash1(key);
    const b = hash2(a);
    for (let i = 0; i < PROBES; i++) {
      const bit = (a + i * b) & mask;
      filter[bit >>> 3] = (filter[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }
  return filter;
}

/** A key's two hashes, computed once per query and tested against many filters. */
export interface BloomKey {
  a: number;
  b: number;
}

/** Hashes `key` for `bloomHasKey`. */
export function bloomKey(key: string): BloomKey {
  const a = hash1(key);
  return { a, b: hash2(a) };
}

/** False when `key` is certainly absent; true when it is (probably) present. */
export function bloomHas(filter: Uint8Array, key: string): boolean {
  return bloomHasKey(filter, bloomKey(key));
}

/** `bloomHas` with a pre-hashed key. */
export function bloomHasKey(filter: Uint8Array, { a, b }: BloomKey): boolean {
  const mask = filter.length * 8 - 1;
  for (let i = 0; i < PROBES; i++) {
    const bit = (a + i * b) & mask;
    if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
