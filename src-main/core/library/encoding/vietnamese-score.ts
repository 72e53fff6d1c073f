/**
 * How Vietnamese a decoded text looks: used to choose between the legacy 8-bit decodings,
 * which all succeed on any byte string but only the right one yields real syllables.
 */

/** Every letter of the Vietnamese alphabet with its tone forms (lower case, NFC). */
const VI_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz';
const VI_SET = new Set(VI_LETTERS);
/** Letters that only Vietnamese uses (beyond ASCII), i.e. evidence for the language. */
const VI_SPECIFIC = new Set([...VI_LETTERS].filter((c) => c > '\u007f'));

/** Syllable shape: onset, nucleus (1-3 vowels), optional coda (Vietnamese phonotactics). */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?[aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ]{1,3}(ng|nh|ch|[cmnpt])?$/;

/** True when `word` (lower case) is a plausible Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return word.length <= 7 && SYLLABLE.test(word);
}

/** Counts of Vietnamese evidence in `text`. */
export interface VietnameseEvidence {
  /** Words that are valid syllables carrying at least one Vietnamese-only letter. */
  markedSyllables: number;
  /** Words that contain non-ASCII characters outside the Vietnamese alphabet (mojibake). */
  foreignWords: number;
  /** Words that mix Vietnamese letters into an impossible shape. */
  brokenWords: number;
  words: number;
}

/** Scan words of `text` (NFC) and count Vietnamese evidence; samples at most `limit` words. */
export function vietnameseEvidence(text: string, limit = 4000): VietnameseEvidence {
  const ev: VietnameseEvidence = { markedSyllables: 0, foreignWords: 0, brokenWords: 0, words: 0 };
  const re = /[^\s\p{P}\p{S}\d]+/gu;
  for (const m of text.matchAll(re)) {
    if (ev.words >= limit) break;
    ev.words++;
    const w = m[0].toLowerCase();
    let ascii = true;
    let foreign = false;
    for (const ch of w) {
      if (ch > '\u007f') {
        ascii = false;
        if (!VI_SET.has(ch)) foreign = true;
      }
    }
    if (ascii) continue;
    if (foreign) ev.foreignWords++;
    else if (isVietnameseSyllable(w)) ev.markedSyllables++;
    else ev.brokenWords++;
  }
  return ev;
}

/** A single plausibility score: marked syllables minus penalties for mojibake. */
export function vietnameseScore(text: string): number {
  const ev = vietnameseEvidence(text);
  return ev.markedSyllables - 2 * ev.foreignWords - ev.brokenWords;
}

/** Share of letters in `text` that are Vietnamese-only letters (0..1). */
export function vietnameseLetterRatio(text: string): number {
  let letters = 0;
  let specific = 0;
  for (const ch of text.toLowerCase()) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (VI_SPECIFIC.has(ch)) specific++;
    }
  }
  return letters === 0 ? 0 : specific / letters;
}
