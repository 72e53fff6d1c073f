/**
 * Phrase verification. MiniSearch has no phrase search (lucaong/minisearch#216, #159): the index
 * narrows candidates with bigrams, then this checks the text itself.
 */
import { tokenize } from './tokenize';
import { foldDiacritics } from './fold';
import type { Phrase } from './query';

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
/** What may separate two words of a phrase: spaces, or one code joiner (as tokenize.ts). */
const GAP = "(?:[ \\t\\u00a0\\u202f]+|['’\\-/.:_])";
const patterns = new WeakMap<Phrase, RegExp>();

function foldedPattern(phrase: Phrase): RegExp {
  let re = patterns.get(phrase);
  if (!re) {
    const words = phrase.keys.map((k) => foldDiacritics(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<!${WORD_CHAR})${words.join(GAP)}(?!${WORD_CHAR})`, 'u');
    patterns.set(phrase, re);
  }
  return re;
}

/**
 * True when `text` contains the phrase's words consecutively, separated only by spaces (or a
 * code joiner). Folded phrases are decided on the folded text with one regular expression; exact
 * phrases must also pass that test before the text is tokenised.
 */
export function containsPhrase(text: string, phrase: Phrase): boolean {
  const n = phrase.keys.length;
  if (n === 0) return true;
  if (!foldedPattern(phrase).test(foldDiacritics(text.toLowerCase()))) return false;
  if (phrase.folded) return true;
  const words = tokenize(text.normalize('NFC')).words;
  outer: for (let i = 0; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) {
      if (words[i + j]?.exact !== phrase.keys[j]) continue outer;
      if (j > 0 && !words[i + j]?.adjacent) continue outer;
    }
    return true;
  }
  return false;
}
