/**
 * Phrase verification. MiniSearch has no phrase search (lucaong/minisearch#216, #159): the index
 * narrows candidates with bigrams, then this checks the text itself.
 */
import { tokenize } from './tokenize';
import { anySpellingPattern, foldDiacritics } from './fold';
import type { Phrase } from './query';
import type { Range } from '../../shared/types';

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** What may separate two words of a phrase: spaces, or one code joiner (as tokenize.ts). */
const GAP = "(?:[ \\t\\u00a0\\u202f]+|['’\\-/.:_])";
const patterns = new WeakMap<Phrase, RegExp>();

function foldedPattern(phrase: Phrase): RegExp {
  let re = patterns.get(phrase);
  if (!re) {
    const words = phrase.keys.map((k) => anySpellingPattern(foldDiacritics(k)));
    re = new RegExp(`(?<!${WORD_CHAR})${words.join(GAP)}(?!${WORD_CHAR})`, 'gu');
    patterns.set(phrase, re);
  }
  return re;
}

/**
 * Where `text` contains the phrase's words consecutively, separated only by spaces (or a code
 * joiner), as [start, end) ranges; at most `max`. The folded phrase is found with one regular
 * expression matching any spelling over the text itself (fold.ts `anySpellingPattern`); an
 * exact (diacritic) phrase then compares only the matched stretches word by word (tone
 * placement normalised).
 */
export function phraseRanges(text: string, phrase: Phrase, max = Infinity): Range[] {
  const n = phrase.keys.length;
  if (n === 0) return [];
  const re = foldedPattern(phrase);
  re.lastIndex = 0;
  const out: Range[] = [];
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (phrase.folded) {
      out.push([m.index, end]);
      continue;
    }
    const words = tokenize(text.slice(m.index, end).normalize('NFC')).words;
    if (words.length === n && words.every((w, j) => w.exact === phrase.keys[j])) out.push([m.index, end]);
  }
  return out;
}

/** True when `text` contains the phrase (see `phraseRanges`). */
export function containsPhrase(text: string, phrase: Phrase): boolean {
  return phraseRanges(text, phrase, 1).length > 0;
}
