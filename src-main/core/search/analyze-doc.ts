/**
 * Analysis of a whole document into the pre-aggregated form the engine ingests: per field, the
 * distinct terms and their frequencies (so insertion touches each term once). Pure; runs in the
 * index worker or in-thread.
 */
import { analyze, TERM_SEPARATOR } from './analyzer';
import { FIELDS, type DocInput } from './documents';

/** Distinct terms of one field (TERM_SEPARATOR-joined) and their frequencies, same order. */
export interface FieldTerms {
  terms: string;
  freqs: number[];
}

/** A document ready to insert: its id and one FieldTerms per field, in FIELDS order. */
export interface AnalyzedDoc {
  id: string;
  fields: FieldTerms[];
}

/** Distinct terms of `text` with their frequencies. */
export function fieldTerms(text: string): FieldTerms {
  const counts = new Map<string, number>();
  for (const t of analyze(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { terms: [...counts.keys()].join(TERM_SEPARATOR), freqs: [...counts.values()] };
}

/** Every field of `input` analysed (see analyzer.ts). */
export function analyzeDoc(input: DocInput): AnalyzedDoc {
  return { id: input.id, fields: FIELDS.map((f) => fieldTerms(input[f])) };
}
