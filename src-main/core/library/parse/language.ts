/**
 * Guess whether a text is Vietnamese or English from two cheap signals: the share of
 * Vietnamese-only letters (ă â đ ê ô ơ ư and toned vowels) and common function words.
 * Returns `und` when neither side is convincing (short or mixed texts).
 */
import type { Lang } from '../../../shared/types';
import { vietnameseLetterRatio } from '../encoding/vietnamese-score';

const VI_STOP = new Set(
  'và của là có cho các những được trong với một này không người đã khi để từ theo tại về như cũng đến nhiều năm ngày thì sẽ còn đó ra vào nhưng làm'.split(' '),
);
const EN_STOP = new Set(
  'the of and to in is that for it with as was on are be by this at from or an have has not but which their were they its been'.split(' '),
);

/** Detect the language of `text` (NFC); `und` when unsure. */
export function detectLanguage(text: string): Lang {
  const sample = text.slice(0, 20000);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return 'und';
  let vi = 0;
  let en = 0;
  for (const w of words) {
    if (VI_STOP.has(w)) vi++;
    if (EN_STOP.has(w)) en++;
  }
  const ratio = vietnameseLetterRatio(sample);
  // Vietnamese prose has ~15-30% Vietnamese-only letters; English has ~0.
  const viScore = ratio * 10 + vi / words.length * 5;
  const enScore = en / words.length * 5 + (ratio < 0.01 ? 0.5 : 0);
  if (viScore >= 0.8 && viScore > enScore * 1.5) return 'vi';
  if (enScore >= 0.6 && enScore > viScore * 1.5) return 'en';
  return 'und';
}
