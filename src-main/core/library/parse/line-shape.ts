/**
 * Shape of a line of scraped text: length, words, terminal punctuation, capitalisation,
 * separators. Boilerplate rules look at shape and position rather than at known strings.
 */

/** Sentence-final punctuation, including closing quotes/brackets after it. */
const TERMINAL = /[.!?…:;]["”’»)\]]*$|["”’»]$/u;

/** Number of words (runs of letters/digits) in `line`. */
export function wordCount(line: string): number {
  // Counting matches without building an array: this runs several times per line of every page.
  WORD.lastIndex = 0;
  let n = 0;
  let end = -1;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    if (m.index !== end) n++; // a match right after a full one continues the same long word
    end = m.index + m[0].length;
  }
  return n;
}
/**
 * Bounded: with an unbounded `+`, V8's regex engine kept a backtrack entry per letter and a
 * 5,000,000-letter word threw RangeError (the file was skipped).
 */
const WORD = /[\p{L}\p{N}]{1,256}/gu;

/** True when `line` ends like a sentence (or a quotation). */
export function endsLikeSentence(line: string): boolean {
  return TERMINAL.test(line.trim());
}

/** A long, sentence-like line: the body of an article. */
export function isBodyLike(line: string): boolean {
  const words = wordCount(line);
  return (line.length >= 160 && words >= 20) || (line.length >= 60 && words >= 10 && endsLikeSentence(line));
}

/** A short headline-like line: no final period, a handful to a couple of dozen words. */
export function isTitleLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 3 && words <= 30 && line.length <= 200 && !/[.;:]$/.test(line.trim());
}

/** True when every word starts with an upper-case letter (or is a connector/initial). */
export function isCapitalised(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  return words.every((w) => /^[("“]?\p{Lu}/u.test(w) || /^(và|and|&|de|van|von|of|du|la|bin)$/u.test(w));
}

/** True when the letters of `line` are all upper case (a section label such as "BÌNH LUẬN"). */
export function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}

/** Split `line` on menu/breadcrumb separators; returns one part when there are none. */
export function splitOnSeparators(line: string): string[] {
  return line
    .split(/\s*(?:\||»|›|>|·|•|\/\/|\s\/\s|\s-\s|\s–\s)\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Normalise a line for comparison: NFC, collapsed spaces, lower case. */
export function lineKey(line: string): string {
  // Lines are NFC already (decode normalises every file), so no normalize() here.
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}
