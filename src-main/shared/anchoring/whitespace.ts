/**
 * Whitespace-insensitive views of a text. Re-flowed paragraphs (line breaks moved, double spaces,
 * NBSP for space) must still anchor, so quotes are compared on a "collapsed" copy where every run
 * of whitespace is one space and invisible format characters are gone; offsets map back.
 */

const SPACE = /\s/;

/** A collapsed copy of a text plus the way back to original offsets. */
export interface CollapsedText {
  /** The original text. */
  readonly original: string;
  /** Whitespace runs replaced by one space, invisible characters removed. */
  readonly collapsed: string;
  /** `toOriginal[i]` is the original offset of collapsed char i; one extra entry = original length. */
  readonly toOriginal: Int32Array;
}

/** Characters that change nothing visible and that scrapers insert or drop at will (soft hyphen, zero-width). */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** True for JavaScript's `\s` set, checked by code unit (ASCII fast path first). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

/** Builds the collapsed view of `text` (one linear pass). */
export function collapseWhitespace(text: string): CollapsedText {
  const toOriginal = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let n = 0;
  let inSpace = false;
  let runStart = 0;
  const flush = (to: number): void => {
    if (to > runStart) parts.push(text.slice(runStart, to));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInvisible(c)) {
      flush(i);
      runStart = i + 1;
      continue;
    }
    if (isSpace(c)) {
      flush(i);
      runStart = i + 1;
      if (inSpace) continue;
      inSpace = true;
      parts.push(' ');
    } else {
      inSpace = false;
    }
    toOriginal[n++] = i;
  }
  flush(text.length);
  toOriginal[n] = text.length;
  return { original: text, collapsed: parts.join(''), toOriginal: toOriginal.subarray(0, n + 1) };
}

/** Collapses a short string (a quote or its context) the same way, without an offset map. */
export function collapseString(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) if (!isInvisible(ch.charCodeAt(0))) out += ch;
  return out.replace(/\s+/g, ' ');
}

/**
 * Maps a collapsed [start, end) back to original offsets: from the original position of the first
 * collapsed character to just after the original position of the last one.
 */
export function toOriginalRange(view: CollapsedText, start: number, end: number): { start: number; end: number } {
  const s = view.toOriginal[start] ?? view.original.length;
  const last = view.toOriginal[end - 1];
  const e = end > start && last !== undefined ? last + 1 : s;
  return { start: s, end: e };
}

/** Maps an original offset to the collapsed offset of the first collapsed char at or after it. */
export function toCollapsedOffset(view: CollapsedText, offset: number): number {
  // Binary search: toOriginal is strictly increasing.
  let lo = 0;
  let hi = view.toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((view.toOriginal[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
