/**
 * Phrase verification. MiniSearch has no phrase search (lucaong/minisearch#216, #159): the index
 * narrows candidates with bigrams, then this checks the text itself.
 */
import { tokenize } from './tokenize';
import { foldDiacritics, foldInPlace } from './fold';
import type { Phrase } from './query';

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** What may separate two words of a phrase: spaces, or one code joiner (as tokenize.ts). */
const GAP = "(?:[ \\t\\u00a0\\u202f]+|['’\\-/.:_])";
const patterns = new WeakMap<Phrase, RegExp>();

function foldedPattern(phrase: Phrase): RegExp {
  let re = patterns.get(phrase);
  if (!re) {
    const words = phrase.keys.map((k) => foldDiacritics(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<!${WORD_CHAR})${words.join(GAP)}(?!${WORD_CHAR})`, 'gu');
    patterns.set(phrase, re);
  }
  return re;
}

/**
 * True when `text` contains the phrase's words consecutively, separated only by spaces (or a
 * code joiner). The folded phrase is found with one regular expression over a length-preserving
 * fold of the text; an exact (diacritic) phrase then compares only the matched stretches.
 */
export function containsPhrase(text: string, phrase: Phrase): boolean {
  const n = phrase.keys.length;
  if (n === 0) return true;
  const re = foldedPattern(phrase);
  re.lastIndex = 0;
  const folded = foldInPlace(text);
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (phrase.folded) return true;
    const words = tokenize(text.slice(m.index, m.index + m[0].length).normalize('NFC')).words;
    if (words.length === n && words.every((w, j) => w.exact === phrase.keys[j])) return true;
  }
  return false;
}
