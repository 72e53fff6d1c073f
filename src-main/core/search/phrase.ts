/**
 * Phrase verification. MiniSearch has no phrase search (lucaong/minisearch#216, #159): the index
 * narrows candidates with bigrams, then this checks the text itself.
 */
import { tokenize } from './tokenize';
import type { Phrase } from './query';

/** True when `text` contains the phrase's words consecutively, separated only by spaces. */
export function containsPhrase(text: string, phrase: Phrase): boolean {
  const n = phrase.keys.length;
  if (n === 0) return true;
  const words = tokenize(text).words;
  const key = (i: number): string | undefined => {
    const w = words[i];
    return w && (phrase.folded ? w.folded : w.exact);
  };
  outer: for (let i = 0; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) {
      if (key(i + j) !== phrase.keys[j]) continue outer;
      if (j > 0 && !words[i + j]?.adjacent) continue outer;
    }
    return true;
  }
  return false;
}
