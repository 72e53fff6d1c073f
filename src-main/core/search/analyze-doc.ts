/**
 * Analysis of a whole document into the pre-aggregated form the engine ingests: per field, the
 * distinct terms and their frequencies (so insertion touches each term once). Pure; runs in the
 * index worker or in-thread.
 */
import { analyzeWithBigrams, TERM_SEPARATOR } from './analyzer';
import { buildBloom } from './bloom';
import { FIELDS, type DocInput } from './documents';

/** Distinct terms of one field (TERM_SEPARATOR-joined) and their frequencies, same order. */
export interface FieldTerms {
  terms: string;
  freqs: number[];
}

/** A document ready to insert: id, one FieldTerms per field (FIELDS order), bigram filter. */
export interface AnalyzedDoc {
  id: string;
  fields: FieldTerms[];
  /** Bloom filter of the folded adjacent-word bigrams of all fields (bloom.ts). */
  bigrams: Uint8Array;
  /** Why a field could not be analysed (it was indexed empty), when one could not. */
  failed?: string;
}

/** Distinct terms of `text` with their frequencies; adds its bigrams to `bigrams`. */
export function fieldTerms(text: string, bigrams: Set<string>): FieldTerms {
  const counts = new Map<string, number>();
  for (const t of analyzeWithBigrams(text, bigrams).terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { terms: [...counts.keys()].join(TERM_SEPARATOR), freqs: [...counts.values()] };
}

/**
 * Every field of `input` analysed (see analyzer.ts). A field that cannot be analysed is indexed
 * empty (and reported on stderr): one bad document never stops the build of the others.
 */
export function analyzeDoc(input: DocInput): AnalyzedDoc {
  const bigrams = new Set<string>();
  let failed: string | undefined;
  const fields = FIELDS.map((f) => {
    try {
      return fieldTerms(input[f], bigrams);
    } catch (err) {
      failed = `its ${f} could not be indexed for search (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`;
      console.error(`folio: could not index the ${f} of ${input.id}: ${err instanceof Error ? err.message : String(err)}`);
      return { terms: '', freqs: [] };
    }
  });
  return { id: input.id, fields, bigrams: buildBloom(bigrams), ...(failed ? { failed } : {}) };
}
