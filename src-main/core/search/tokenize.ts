/**
 * Splits NFC text into searchable words with their offsets, and computes each word's keys.
 * Words are runs of letters, combining marks and digits (UAX #29-style word boundaries, kept
 * simple: Vietnamese has no intra-word punctuation). Codes such as `08-BC/TU` or `15-10-1930`
 * are compounds: kept whole and split into parts.
 */
import { foldDiacritics, normalizeTonePlacement } from './fold';

/** A word with its position in the source string and its two search keys. */
export interface Word {
  /** [start, end) in UTF-16 code units of the analysed string. */
  start: number;
  end: number;
  /** Lowercase, NFC, canonical tone placement: the "exact" key. */
  exact: string;
  /** `exact` with every diacritic removed and đ→d: the "folded" key. */
  folded: string;
  /** True when this word directly follows the previous one (only spaces, or a code joiner). */
  adjacent: boolean;
}

/** A compound token (a code like `08-bc/tu`) kept whole besides its parts. */
export interface Compound {
  start: number;
  end: number;
  /** Lowercase NFC text of the whole compound. */
  key: string;
}

/**
 * Longest word indexed, in UTF-16 units; a longer run of letters is indexed by its first
 * MAX_WORD_LENGTH and the rest skipped. Unbounded `+` made V8's regex engine keep a backtrack entry
 * per letter: one 5,000,000-letter word threw RangeError and disabled search for the library.
 */
export const MAX_WORD_LENGTH = 64;
/** Most parts of one compound (`08-BC/TU`); longer chains continue as further tokens. */
const MAX_PARTS = 16;
const TOKEN = new RegExp(`[\\p{L}\\p{M}\\p{N}]{1,${MAX_WORD_LENGTH}}(?:['’\\-/.:_][\\p{L}\\p{M}\\p{N}]{1,${MAX_WORD_LENGTH}}){0,${MAX_PARTS - 1}}`, 'gu');
const PART = new RegExp(`[\\p{L}\\p{M}\\p{N}]{1,${MAX_WORD_LENGTH}}`, 'gu');
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** True when `text[from, to)` is non-empty and only spaces, tabs or no-break spaces (no slicing). */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x202f) return false;
  }
  return true;
}

/** True when a token holds one of the characters joining the parts of a code. */
function hasJoiner(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    // ' ’ - / . : _
    if (c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2f || c === 0x2e || c === 0x3a || c === 0x5f) return true;
  }
  return false;
}

const keyCache = new Map<string, readonly [string, string]>();
const KEY_CACHE_LIMIT = 200_000;

/** Exact and folded keys of one raw word, memoised (the vocabulary is small, texts are long). */
export function wordKeys(raw: string): readonly [string, string] {
  const hit = keyCache.get(raw);
  if (hit) return hit;
  const exact = normalizeTonePlacement(raw.toLowerCase());
  const keys = [exact, foldDiacritics(exact)] as const;
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(raw, keys);
  return keys;
}

/** Words and compounds of `text` (which must already be NFC for offsets to be meaningful). */
export function tokenize(text: string): { words: Word[]; compounds: Compound[] } {
  const words: Word[] = [];
  const compounds: Compound[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const start = m.index;
    // The rest of an over-long word (or part): it continues a run of letters, so it is skipped.
    if (start === prevEnd && start > 0 && WORD_CHAR.test(text[start - 1] ?? '')) {
      prevEnd = start + token.length;
      continue;
    }
    const followsPrev = prevEnd >= 0 && spacesOnly(text, prevEnd, start);
    prevEnd = start + token.length;
    // Most tokens are one plain word: no joiner, so no second pass over the parts.
    if (!hasJoiner(token)) {
      const [exact, folded] = wordKeys(token);
      words.push({ start, end: prevEnd, exact, folded, adjacent: followsPrev });
      continue;
    }
    PART.lastIndex = 0;
    let part = PART.exec(token);
    if (part && part[0].length === token.length) {
      const [exact, folded] = wordKeys(token);
      words.push({ start, end: prevEnd, exact, folded, adjacent: followsPrev });
      continue;
    }
    compounds.push({ start, end: prevEnd, key: token.toLowerCase() });
    let first = true;
    while (part) {
      const [exact, folded] = wordKeys(part[0]);
      const s = start + part.index;
      words.push({ start: s, end: s + part[0].length, exact, folded, adjacent: first ? followsPrev : true });
      first = false;
      part = PART.exec(token);
    }
  }
  return { words, compounds };
}
