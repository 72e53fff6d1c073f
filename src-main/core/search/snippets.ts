/**
 * Snippets: the best 1–3 paragraphs of the version that matched, clipped around the matches,
 * with matched spans as [start, end) ranges into the snippet text (plain text, not HTML).
 */
import type { Lang, Paragraph, Range, SearchSnippet } from '../../shared/types';
import { tokenize } from './tokenize';
import { foldDiacritics, foldInPlace } from './fold';

/** Longest snippet text, in UTF-16 code units (before the ellipses). */
export const SNIPPET_LENGTH = 240;
const ELLIPSIS = '…';

/** Which index terms matched this document: words are highlighted when their key is in here. */
export interface HighlightTerms {
  words: ReadonlySet<string>;
  compounds: ReadonlySet<string>;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/** One regular expression finding any of the terms, folded, as a whole word in folded text. */
function termPattern(terms: HighlightTerms): RegExp | null {
  const all = [...new Set([...terms.compounds, ...terms.words].map(foldDiacritics))].sort((a, b) => b.length - a.length);
  if (all.length === 0) return null;
  const alternatives = all.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'gu');
}

/** Up to `max` snippets from `paragraphs`, best paragraph first; the first paragraph when none match. */
export function makeSnippets(paragraphs: readonly Paragraph[], lang: Lang, terms: HighlightTerms, max = 3): SearchSnippet[] {
  // Fast path: one regex over a length-preserving fold of each paragraph (the matched terms may
  // be exact or folded keys; folded, both find the word whatever its tone placement). Text the
  // fold cannot keep aligned (lone combining marks) falls back to tokenising.
  const re = termPattern(terms);
  let scored = re ? paragraphs.flatMap((p) => scoreByPattern(p, re)) : [];
  if (scored.length === 0) scored = scoreParagraphs(paragraphs, terms);
  if (scored.length === 0) {
    const first = paragraphs[0];
    return first ? [clip(first, lang, [])] : [];
  }
  scored.sort((a, b) => b.score - a.score || a.p.index - b.p.index);
  return scored.slice(0, max).map((s) => clip(s.p, lang, s.ranges));
}

function scoreByPattern(p: Paragraph, re: RegExp): { p: Paragraph; ranges: Range[]; score: number }[] {
  const lower = foldInPlace(p.text);
  const ranges: Range[] = [];
  const distinct = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    ranges.push([m.index, m.index + m[0].length]);
    distinct.add(m[0]);
  }
  return ranges.length > 0 ? [{ p, ranges, score: distinct.size * 100 + Math.min(ranges.length, 99) }] : [];
}

/** Exact matched word ranges and a score (distinct terms, then occurrences) per paragraph. */
function scoreParagraphs(paragraphs: readonly Paragraph[], terms: HighlightTerms): { p: Paragraph; ranges: Range[]; score: number }[] {
  const scored: { p: Paragraph; ranges: Range[]; score: number }[] = [];
  for (const p of paragraphs) {
    const { words, compounds } = tokenize(p.text);
    const ranges: Range[] = [];
    const distinct = new Set<string>();
    for (const c of compounds) {
      if (terms.compounds.has(c.key)) {
        ranges.push([c.start, c.end]);
        distinct.add(c.key);
      }
    }
    for (const w of words) {
      if ((terms.words.has(w.exact) || terms.words.has(w.folded)) && !ranges.some(([s, e]) => w.start >= s && w.end <= e)) {
        ranges.push([w.start, w.end]);
        distinct.add(w.exact);
      }
    }
    if (ranges.length > 0) {
      ranges.sort((a, b) => a[0] - b[0]);
      scored.push({ p, ranges, score: distinct.size * 100 + Math.min(ranges.length, 99) });
    }
  }
  return scored;
}

/** Clips a paragraph to a window around its first matches and shifts the ranges. */
function clip(p: Paragraph, lang: Lang, ranges: Range[]): SearchSnippet {
  const text = p.text;
  if (text.length <= SNIPPET_LENGTH) return { lang, paragraph: p.index, text, ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(SNIPPET_LENGTH / 4));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = Math.max(0, end - SNIPPET_LENGTH);
  // Move the cut points to whitespace so no word is split.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const kept: Range[] = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]);
  return { lang, paragraph: p.index, text: lead + text.slice(start, end) + tail, ranges: kept };
}
