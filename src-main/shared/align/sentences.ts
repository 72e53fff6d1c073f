/**
 * Sentence boundaries inside a paragraph (pure): Unicode sentence segmentation (UAX #29, through
 * the built-in Intl.Segmenter, available in Node and Chromium), with each span trimmed of the
 * whitespace between sentences. Used by keyboard selection and by sentence alignment.
 */

/** [start, end) of one sentence in UTF-16 code units of the paragraph, whitespace trimmed. */
export type SentenceSpan = [number, number];

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  const locale = lang === 'vi' || lang === 'en' ? lang : 'en';
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

/** The sentences of `text`, in order; an empty or blank text has none. */
export function sentenceSpans(text: string, lang = 'en'): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const { segment, index } of segmenter(lang).segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body) out.push([index + lead, index + lead + body.length]);
  }
  return out;
}
