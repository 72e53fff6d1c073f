/**
 * Lexical anchors for paragraph alignment: numbers and capitalised names, which a translation
 * keeps (after folding diacritics, "Nguyễn Thị Hạnh" and "Nguyen Thi Hanh" share "nguyen",
 * "thi", "hanh"). Lengths alone cannot tell which of several paragraphs of similar length went
 * untranslated; shared anchors can, as cognates do in Simard, Foster & Isabelle (1992), "Using
 * cognates to align sentences in bilingual corpora". Each paragraph's anchors are hashed into a
 * 64-bit set (two 32-bit words) so the aligner compares blocks in constant time.
 */

/** A set of anchors as two 32-bit masks. */
export type AnchorSet = readonly [number, number];

const EMPTY: AnchorSet = [0, 0];

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Numbers (separators removed: "1.200" = "1,200") and names not at the start of a sentence. */
export function anchorTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d[\d.,]*\d|\d/g)) out.push(m[0].replace(/[.,]/g, ''));
  for (const m of text.matchAll(/(?<=[^\s.!?:"“]\s+)\p{Lu}[\p{L}\p{M}]+/gu)) out.push(fold(m[0]));
  return out;
}

/** The anchor set of a paragraph. */
export function anchorSet(text: string): AnchorSet {
  let lo = 0;
  let hi = 0;
  for (const t of anchorTokens(text)) {
    const bit = hash(t) % 64;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  return lo === 0 && hi === 0 ? EMPTY : [lo, hi];
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Union of anchor sets. */
export function unionAnchors(a: AnchorSet, b: AnchorSet): AnchorSet {
  return [a[0] | b[0], a[1] | b[1]];
}

/** Size of a set. */
export function anchorCount(a: AnchorSet): number {
  return popcount(a[0]) + popcount(a[1]);
}

/** Size of the intersection of two sets. */
export function sharedAnchors(a: AnchorSet, b: AnchorSet): number {
  return popcount(a[0] & b[0]) + popcount(a[1] & b[1]);
}
