/** Analysis of a whole document into the pre-tokenised form the engine ingests. Pure. */
import { analyze, isBigram, TERM_SEPARATOR } from './analyzer';
import type { DocInput } from './documents';
import type { IndexedDoc } from './engine';

/** A document ready to insert, plus its distinct word terms (for the folded vocabulary). */
export interface AnalyzedDoc {
  doc: IndexedDoc;
  /** Distinct unigram terms of all fields, TERM_SEPARATOR-joined. */
  words: string;
}

/** Every field of `input` analysed and joined (see analyzer.ts). */
export function analyzeDoc(input: DocInput): AnalyzedDoc {
  const words = new Set<string>();
  const field = (text: string): string => {
    const terms = analyze(text);
    for (const t of terms) if (!isBigram(t)) words.add(t);
    return terms.join(TERM_SEPARATOR);
  };
  const doc: IndexedDoc = {
    id: input.id,
    title: field(input.title),
    body: field(input.body),
    author: field(input.author),
    source: field(input.source),
    annotations: field(input.annotations),
  };
  return { doc, words: [...words].join(TERM_SEPARATOR) };
}
