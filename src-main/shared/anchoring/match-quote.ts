/**
 * Finds where a quote is in a (collapsed) text, exactly or approximately, and scores each place
 * by quote, prefix/suffix context and closeness to the old position — as Hypothesis's
 * `match-quote.ts` does — but with MINIMUM scores: a place that does not look right is rejected
 * so the highlight is orphaned instead of landing on the wrong sentence (Hypothesis
 * client#7571, h#2634). Approximate search is Myers' bit-parallel algorithm (approx-string-match;
 * G. Myers, "A fast bit-vector algorithm for approximate string matching", JACM 46(3), 1999).
 */
import search from 'approx-string-match';
import { contextScores, contextSimilarity } from './context-similarity';

/** Minimum context agreement (0–1) for any match that is not a long, unique exact quote. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** An exact quote at least this long that occurs once is accepted even if its context changed. */
export const LONG_UNIQUE_QUOTE = 20;
/** Approximate matches may differ from the quote in at most this share of its characters. */
export const MAX_ERROR_RATE = 0.2;
/**
 * An approximate match changes the quote itself, so it needs more evidence than an exact one:
 * EACH side of context that was stored must agree at least this much (a similar sentence elsewhere
 * often shares one side — "after a long debate" — but rarely both).
 */
export const MIN_SIDE_SIMILARITY_FUZZY = 0.5;
/** Quotes shorter than this are matched exactly only: a few edits make any short word match. */
export const MIN_FUZZY_LENGTH = 8;
/** Context agreement at which a local approximate match is taken without searching everywhere. */
const CONFIDENT_CONTEXT = 0.9;
/** Beyond this many exact occurrences only those nearest the old position are scored. */
const MAX_SCORED_OCCURRENCES = 400;

/** A scored place for the quote, in collapsed-text offsets. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the text at this place (0 = exact). */
  errors: number;
  /** Agreement of the stored prefix/suffix with the text around this place, 0–1. */
  context: number;
  score: number;
}

/** The quote and context to look for, already collapsed (see whitespace.ts), and a position hint. */
export interface QuoteQuery {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote used to start, in collapsed offsets. */
  hint?: number;
}

/** Every start offset of `needle` in `hay` (overlapping occurrences included). */
export function allOccurrences(hay: string, needle: string): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  let at = hay.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = hay.indexOf(needle, at + 1);
  }
  return found;
}

function closeness(at: number, hint: number | undefined, length: number): number {
  if (hint === undefined) return 0.5;
  return 1 - Math.min(1, Math.abs(at - hint) / Math.max(length, 1));
}

/** The best exact occurrence that passes the minimum scores, or null. */
export function matchExact(text: string, q: QuoteQuery): QuoteMatch | null {
  let starts = allOccurrences(text, q.exact);
  if (starts.length === 0) return null;
  const unique = starts.length === 1;
  if (starts.length > MAX_SCORED_OCCURRENCES && q.hint !== undefined) {
    const hint = q.hint;
    starts = [...starts].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_SCORED_OCCURRENCES);
  }
  let best: QuoteMatch | null = null;
  for (const start of starts) {
    const end = start + q.exact.length;
    const context = contextSimilarity(text, start, end, q.prefix, q.suffix);
    const accepted = context >= MIN_CONTEXT_SIMILARITY || (unique && q.exact.trim().length >= LONG_UNIQUE_QUOTE);
    if (!accepted) continue;
    const score = 0.9 * context + 0.1 * closeness(start, q.hint, text.length);
    if (!best || score > best.score) best = { start, end, errors: 0, context, score };
  }
  return best;
}

/** Text windows worth an approximate search: near the old position and next to the context. */
function candidateWindows(text: string, q: QuoteQuery, maxErrors: number): Array<[number, number]> {
  const span = q.exact.length + maxErrors;
  const windows: Array<[number, number]> = [];
  const add = (from: number, to: number): void => {
    windows.push([Math.max(0, from), Math.min(text.length, to)]);
  };
  if (q.hint !== undefined) add(q.hint - span - 64, q.hint + span + 64);
  const tail = q.prefix.slice(-16);
  if (tail.trim().length >= 6) {
    for (const at of allOccurrences(text, tail).slice(0, 20)) add(at + tail.length - 8, at + tail.length + span + 8);
  }
  const head = q.suffix.slice(0, 16);
  if (head.trim().length >= 6) {
    for (const at of allOccurrences(text, head).slice(0, 20)) add(at - span - 8, at + 8);
  }
  // Last, the whole text (see matchFuzzy: skipped when a local window already matched well).
  add(0, text.length);
  return windows;
}

/** The best approximate match that passes the minimum scores, or null. */
export function matchFuzzy(text: string, q: QuoteQuery): QuoteMatch | null {
  const length = q.exact.length;
  if (q.exact.trim().length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.min(Math.floor(length * MAX_ERROR_RATE), 256);
  if (maxErrors < 1) return null;
  const seen = new Set<string>();
  let best: QuoteMatch | null = null;
  const windows = candidateWindows(text, q, maxErrors);
  for (let w = 0; w < windows.length; w++) {
    const [from, to] = windows[w] ?? [0, 0];
    const isWholeText = w === windows.length - 1;
    // A confident local match makes the (costlier) whole-text search pointless.
    if (isWholeText && best && best.context >= CONFIDENT_CONTEXT && best.errors <= maxErrors / 2) break;
    // approx-string-match reports only the lowest-error matches of each window, so the local
    // windows let a 3-edit match beside the right context compete with a 1-edit one elsewhere.
    for (const m of search(text.slice(from, to), q.exact, maxErrors)) {
      const start = from + m.start;
      const end = from + m.end;
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sides = contextScores(text, start, end, q.prefix, q.suffix);
      const context = sides.combined;
      if (context < MIN_CONTEXT_SIMILARITY) continue;
      if (q.prefix.length > 0 && sides.prefix < MIN_SIDE_SIMILARITY_FUZZY) continue;
      if (q.suffix.length > 0 && sides.suffix < MIN_SIDE_SIMILARITY_FUZZY) continue;
      const quoteScore = 1 - m.errors / length;
      const score = 0.5 * quoteScore + 0.4 * context + 0.1 * closeness(start, q.hint, text.length);
      if (!best || score > best.score) best = { start, end, errors: m.errors, context, score };
    }
  }
  return best;
}
