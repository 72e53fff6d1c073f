/**
 * Snippets and marks: the best 1–3 paragraphs of the version that matched, clipped around the
 * matches, with matched spans as [start, end) ranges into the snippet text (plain text, not
 * HTML). A mark covers exactly what matched: the index terms this document matched (so the
 * typed spelling only when it had diacritics: `cộng` never marks `công`), and whole quoted
 * phrases.
 */
import type { Lang, Paragraph, Range, SearchSnippet } from '../../shared/types';
import { wordKeys } from './tokenize';
import { anySpellingPattern, foldDiacritics, foldInPlace } from './fold';
import { phraseRanges } from './phrase';
import type { Phrase } from './query';

/** Longest snippet text, in UTF-16 code units (before the ellipses). */
export const SNIPPET_LENGTH = 240;
const ELLIPSIS = '…';
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/** What to mark: exact index terms (words and codes) matched, and quoted phrases. */
export interface Matcher {
  terms: ReadonlySet<string>;
  phrases: readonly Phrase[];
  /** Finds candidate spans in folded text; built by `makeMatcher`. */
  pattern: RegExp | null;
}

/**
 * A matcher for `terms` and `phrases`. `pattern` finds candidate words (default: any spelling of
 * `terms`); a search compiles it once from all its terms and reuses it for every hit.
 */
export function makeMatcher(terms: ReadonlySet<string>, phrases: readonly Phrase[], pattern: RegExp | null = termPattern(terms)): Matcher {
  return { terms, phrases, pattern };
}

/** One regular expression finding any spelling of any of `terms` as a whole word. */
export function termPattern(terms: Iterable<string>): RegExp | null {
  const folded = [...new Set([...terms].map(foldDiacritics))].sort((a, b) => b.length - a.length);
  if (folded.length === 0) return null;
  return new RegExp(`(?<!${WORD_CHAR})(?:${folded.map(anySpellingPattern).join('|')})(?!${WORD_CHAR})`, 'gu');
}

/**
 * Matched ranges in `text`, sorted, not overlapping. Candidates are found by one regular
 * expression matching any spelling of the terms, then each is kept only if its own exact key
 * (tone placement normalised) is one of the matched terms.
 */
export function matchRanges(text: string, m: Matcher): Range[] {
  const ranges: Range[] = [];
  for (const p of m.phrases) ranges.push(...phraseRanges(text, p));
  const phraseRangeCount = ranges.length;
  if (m.pattern) {
    const re = m.pattern;
    re.lastIndex = 0;
    // Frequent syllables match hundreds of times per article in a few spellings: decide each
    // spelling once per matcher.
    let verdicts = acceptedSpellings.get(m);
    if (!verdicts) acceptedSpellings.set(m, (verdicts = new Map()));
    for (let hit = re.exec(text); hit; hit = re.exec(text)) {
      const start = hit.index;
      const end = start + hit[0].length;
      let ok = verdicts.get(hit[0]);
      if (ok === undefined) {
        const raw = hit[0].normalize('NFC');
        ok = m.terms.has(raw.toLowerCase()) || m.terms.has(wordKeys(raw)[0]);
        verdicts.set(hit[0], ok);
      }
      if (!ok) continue;
      if (phraseRangeCount > 0 && ranges.some(([s, e]) => start < e && end > s)) continue; // inside a phrase already marked
      ranges.push([start, end]);
    }
  }
  // Term ranges come in text order; only phrase ranges (found first) need sorting in.
  return phraseRangeCount > 0 ? ranges.sort((a, b) => a[0] - b[0]) : ranges;
}

/** Per matcher: whether each raw spelling met in a text is one of its terms. */
const acceptedSpellings = new WeakMap<Matcher, Map<string, boolean>>();

/** Up to `max` snippets from `paragraphs`, best paragraph first; none when nothing matches. */
export function makeSnippets(paragraphs: readonly Paragraph[], lang: Lang, m: Matcher, max = 3): SearchSnippet[] {
  const scored: { p: Paragraph; ranges: Range[]; score: number }[] = [];
  for (const p of paragraphs) {
    const ranges = matchRanges(p.text, m);
    if (ranges.length === 0) continue;
    const distinct = new Set(ranges.map(([s, e]) => foldInPlace(p.text.slice(s, e))));
    scored.push({ p, ranges, score: distinct.size * 100 + Math.min(ranges.length, 99) });
  }
  scored.sort((a, b) => b.score - a.score || a.p.index - b.p.index);
  return scored.slice(0, max).map((s) => clip(s.p.text, s.p.index, lang, s.ranges));
}

/** The first paragraph, unmarked: the snippet of a hit whose text did not match (e.g. only its metadata). */
export function leadSnippet(paragraphs: readonly Paragraph[], lang: Lang): SearchSnippet[] {
  const first = paragraphs[0];
  return first ? [clip(first.text, first.index, lang, [])] : [];
}

/** Clips a text to a window around its first matches and shifts the ranges. */
export function clip(text: string, paragraph: number, lang: Lang, ranges: Range[]): SearchSnippet {
  if (text.length <= SNIPPET_LENGTH) return { lang, paragraph, text, ranges };
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
  return { lang, paragraph, text: lead + text.slice(start, end) + tail, ranges: kept };
}
