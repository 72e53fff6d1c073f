/**
 * Character-level normalisation of Vietnamese syllables: diacritic folding and tone placement.
 * Pure functions; every search key goes through here so index and query agree.
 */

const COMBINING_MARKS = /\p{M}/gu;
const ASCII_ONLY = /^\p{ASCII}*$/u;
/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';
/** Vowels carrying a quality mark; the tone always sits on one of them when present. */
const MARKED_VOWELS = 'ăâêôơư';
/** Open two-vowel nuclei that take the tone on the second vowel in the "new" placement. */
const SECOND_VOWEL_NUCLEI = new Set(['oa', 'oe', 'uy']);

/**
 * Strips every diacritic: NFD, drop combining marks (\p{M}), and map đ/Đ to d/D explicitly,
 * because U+0111/U+0110 have no Unicode decomposition (mapbox/carmen#611).
 */
export function foldDiacritics(text: string): string {
  if (ASCII_ONLY.test(text)) return text;
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Code units below this get a precomputed fold (Latin, Latin Extended, Vietnamese U+1EA0–1EF9). */
const TABLE_SIZE = 0x2000;
let foldTable: Uint16Array | null = null;
const utf16 = new TextDecoder('utf-16le');

function table(): Uint16Array {
  if (foldTable) return foldTable;
  foldTable = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const folded = lower.length === 1 ? foldDiacritics(lower) : ch;
    foldTable[c] = folded.length === 1 ? folded.charCodeAt(0) : lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return foldTable;
}

/**
 * Lowercases and folds `text` code unit by code unit, keeping its length, so offsets found in
 * the result are offsets into `text`. NFC Vietnamese letters are single code units and fold to
 * one ASCII letter; units whose fold is not one unit (lone combining marks) are kept.
 */
export function foldInPlace(text: string): string {
  const t = table();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < TABLE_SIZE ? (t[c] as number) : c;
  }
  return utf16.decode(out);
}

/**
 * Puts the tone mark of one lowercase syllable in a single canonical place, so that the old and
 * new orthographies (hòa/hoà, thúy/thuý, qủa/quả) give the same key. Rule (Vietnamese
 * orthography, Quy định chính tả 1984 / Đoàn Thiện Thuật): the tone goes on the vowel with a
 * quality mark (the last one for ươ); otherwise on the middle of three vowels, on the last vowel
 * before a final consonant, on the second vowel of open oa/oe/uy, else on the first vowel.
 * Anything that does not parse as a syllable is returned unchanged (NFC).
 */
export function normalizeTonePlacement(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return syllable.normalize('NFC');
  const tone = tones[0] as string;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c);
  let onset = 0;
  while (onset < base.length && !isVowel(base[onset])) onset++;
  // "qu" and "gi" + vowel: the u / i belongs to the onset (quả, giữa), not to the nucleus.
  if (onset === 1 && base[0] === 'q' && base[1] === 'u' && isVowel(base[2])) onset = 2;
  if (onset === 1 && base[0] === 'g' && base[1] === 'i' && isVowel(base[2])) onset = 2;
  let end = onset;
  while (end < base.length && isVowel(base[end])) end++;
  const nucleus = base.slice(onset, end);
  const coda = base.slice(end);
  if (nucleus.length === 0 || nucleus.length > 3 || [...coda].some((c) => isVowel(c))) {
    return syllable.normalize('NFC');
  }
  let at = -1;
  for (let i = 0; i < nucleus.length; i++) if (MARKED_VOWELS.includes(nucleus[i] as string)) at = i;
  if (at < 0) {
    if (nucleus.length === 1) at = 0;
    else if (nucleus.length === 3) at = 1;
    else at = coda.length > 0 || SECOND_VOWEL_NUCLEI.has(nucleus) ? 1 : 0;
  }
  const pos = onset + at + 1;
  return (base.slice(0, pos) + tone + base.slice(pos)).normalize('NFC');
}

let spellings: Map<number, string> | null = null;

/** Per folded code unit, every code unit (any case, any marks) that folds to it. */
function spellingTable(): Map<number, string> {
  if (spellings) return spellings;
  const t = table();
  const groups = new Map<number, number[]>();
  for (let c = 0; c < TABLE_SIZE; c++) {
    const f = t[c] as number;
    if (f === c && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c)) continue; // uppercase maps via its lowercase
    let g = groups.get(f);
    if (!g) groups.set(f, (g = []));
    g.push(c);
  }
  spellings = new Map([...groups].map(([f, cs]) => [f, String.fromCharCode(...cs)]));
  return spellings;
}

const CLASS_SPECIAL = /[\\\]^-]/g;
const SOURCE_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * Regular-expression source matching `folded` (a folded, lowercase key) in NFC text in any case
 * and with any diacritics: each letter becomes the class of every letter that folds to it
 * (`d` → `[dDđĐ]`). Matching the text itself this way avoids folding a copy of every paragraph,
 * which dominated phrase checks and snippets.
 */
export function anySpellingPattern(folded: string): string {
  const table = spellingTable();
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const chars = table.get(c);
    if (chars && chars.length > 1) out += `[${chars.replace(CLASS_SPECIAL, '\\$&')}]`;
    else out += (folded[i] as string).replace(SOURCE_SPECIAL, '\\$&');
  }
  return out;
}
