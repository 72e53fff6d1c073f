/**
 * How well the text around a candidate agrees with a stored prefix/suffix. The W3C
 * TextQuoteSelector keeps a little context on each side precisely so that a quote can be told
 * apart from its other occurrences (https://www.w3.org/TR/annotation-model/#text-quote-selector).
 * Scored with an edit distance that lets the context slide (an insertion right before the quote
 * costs only the inserted characters, not every shifted one).
 */

/**
 * Edit distance between `pattern` and the best-aligned substring of `text` that is anchored at
 * one end: `anchorEnd` true = the substring must end at text's end (for a prefix), false = it
 * must start at text's start (for a suffix). Classic O(|pattern|·|text|) DP; inputs are ~32 chars.
 */
export function anchoredEditDistance(pattern: string, text: string, anchorEnd: boolean): number {
  const p = anchorEnd ? reverse(pattern) : pattern;
  const t = anchorEnd ? reverse(text) : text;
  // Rows over pattern, columns over text; the alignment starts at t[0] and may end anywhere.
  let prev = new Int32Array(t.length + 1);
  let cur = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= p.length; i++) {
    cur[0] = i;
    const pc = p.charCodeAt(i - 1);
    for (let j = 1; j <= t.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (pc === t.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] ?? 0) + 1;
      const ins = (cur[j - 1] ?? 0) + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    [prev, cur] = [cur, prev];
  }
  let best = p.length;
  for (let j = 0; j <= t.length; j++) best = Math.min(best, prev[j] ?? best);
  return best;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s.charAt(i);
  return out;
}

/** Similarity in [0, 1] of a stored prefix with the text ending at `at`. */
export function prefixSimilarity(text: string, at: number, prefix: string): number {
  if (prefix.length === 0) return at === 0 ? 1 : 0.5;
  if (text.startsWith(prefix, at - prefix.length)) return 1;
  const window = text.slice(Math.max(0, at - prefix.length * 2), at);
  return 1 - anchoredEditDistance(prefix, window, true) / prefix.length;
}

/** Similarity in [0, 1] of a stored suffix with the text starting at `at`. */
export function suffixSimilarity(text: string, at: number, suffix: string): number {
  if (suffix.length === 0) return at === text.length ? 1 : 0.5;
  if (text.startsWith(suffix, at)) return 1;
  const window = text.slice(at, at + suffix.length * 2);
  return 1 - anchoredEditDistance(suffix, window, false) / suffix.length;
}

/** Agreement of each side's stored context with the text around a candidate, 0–1. */
export interface ContextScores {
  prefix: number;
  suffix: number;
  /** Mean of both sides weighted by how much context each stored (both empty = 1). */
  combined: number;
}

/** Scores the stored prefix/suffix against the text around the candidate [start, end). */
export function contextScores(text: string, start: number, end: number, prefix: string, suffix: string): ContextScores {
  if (prefix.length === 0 && suffix.length === 0) return { prefix: 1, suffix: 1, combined: 1 };
  const p = prefixSimilarity(text, start, prefix);
  const s = suffixSimilarity(text, end, suffix);
  const wp = Math.max(prefix.length, 8);
  const ws = Math.max(suffix.length, 8);
  return { prefix: p, suffix: s, combined: (p * wp + s * ws) / (wp + ws) };
}

/** Context agreement in [0, 1] for a candidate [start, end) (see `contextScores`). */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return contextScores(text, start, end, prefix, suffix).combined;
}
