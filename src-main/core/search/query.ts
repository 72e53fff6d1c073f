/**
 * Query planning: parse a user query (words, codes, "quoted phrases", the word being typed) and
 * expand it into weighted index terms. Pure, given the vocabulary.
 *
 * The index holds every word in its exact form (lowercase, canonical tone placement), so:
 * - a word typed with diacritics looks up that spelling only (`cá` never finds `cả` or `các`);
 * - a word typed without diacritics looks up every spelling the vocabulary knows for its folded
 *   key (`ca` → ca, cá, cà, cả, …), the literal spelling ranked first (rank.ts);
 * - a code (`08-BC/TU`, `15-10-1930`) is one query word matched as a whole, never by its parts.
 */
import { tokenize, type Word } from './tokenize';
import { BIGRAM_JOIN } from './analyzer';
import { foldDiacritics } from './fold';
import type { Vocabulary } from './vocabulary';

/** One query word (or code). `diacritics`: the user typed marks, so only that spelling matches. */
export interface Slot {
  exact: string;
  folded: string;
  diacritics: boolean;
  /** The last word while typing: also matches words it is a prefix of. */
  prefix: boolean;
  /** Inside a quoted phrase typed with diacritics: only the exact form can satisfy it. */
  exactOnly: boolean;
  /** A code such as `08-bc/tu`: matched whole. */
  compound: boolean;
  /** Part of a quoted phrase: marked as the whole phrase, not alone. */
  inPhrase: boolean;
}

/** A quoted phrase; compared folded when the user typed no diacritics in it. */
export interface Phrase {
  keys: string[];
  folded: boolean;
  /** Folded bigrams every matching document must contain (Bloom pre-filter). */
  bigrams: string[];
}

/** The parsed query. */
export interface QueryPlan {
  slots: Slot[];
  /** Folded bigrams of adjacent query words, with the slot index of their first word. */
  bigrams: { term: string; slot: number }[];
  phrases: Phrase[];
}

/**
 * How an index term relates to its query word; drives the ranking tiers. 'exact': the typed
 * spelling; 'folded': another spelling of a word typed without diacritics.
 */
export type TermKind = 'exact' | 'folded' | 'prefix' | 'fuzzy';

/** One reason an index term is searched: which query word, how, and its score weight. */
export interface TermInfo {
  slot: number;
  kind: TermKind;
  weight: number;
}

/** Score weights. Prefix/fuzzy matches are also ranked below exact ones by tier (rank.ts). */
export const WEIGHTS = { exact: 1, folded: 1, prefix: 0.25, fuzzy: 0.15 } as const;
/**
 * Fuzzy matching only for words this long (folded): short syllables would match everything
 * (duong ~ huong ~ tuong). Known words get fuzzy matching only from FUZZY_KNOWN_MIN_LENGTH.
 */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_KNOWN_MIN_LENGTH = 8;
/** Caps on expansions per query word, most frequent spellings first (keeps queries cheap). */
export const EXPANSION_LIMITS = { prefix: 8, fuzzy: 8 } as const;
/**
 * Prefix expansion from the first letter: `d` typed in the search box shows the articles of the
 * most frequent words starting with d or đ (EXPANSION_LIMITS caps the cost), rather than an
 * empty list that looks like "nothing in the library".
 */
export const PREFIX_MIN_LENGTH = 1;

const QUOTED = /"([^"]*)"|“([^”]*)”/g;
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when a word carries one of the five Vietnamese tone marks. */
export function hasToneMark(word: string): boolean {
  return TONE_MARK.test(word.normalize('NFD'));
}

/** The word without its tone mark (quality marks such as â, ư, đ kept). */
export function stripTone(word: string): string {
  return word.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/** Slots of a segment's words, a code replacing the words it is made of. */
function segmentSlots(segment: string): { slots: Slot[]; words: (Word | null)[] } {
  const { words, compounds } = tokenize(segment);
  const slots: Slot[] = [];
  const slotWords: (Word | null)[] = [];
  let c = 0;
  for (const w of words) {
    const code = compounds[c];
    if (code && w.start >= code.start && w.end <= code.end) {
      if (w.end === code.end) {
        const folded = foldDiacritics(code.key);
        slots.push({ exact: code.key, folded, diacritics: code.key !== folded, prefix: false, exactOnly: false, compound: true, inPhrase: false });
        slotWords.push(null);
        c++;
      }
      continue;
    }
    slots.push({ exact: w.exact, folded: w.folded, diacritics: w.exact !== w.folded, prefix: false, exactOnly: false, compound: false, inPhrase: false });
    slotWords.push(w);
  }
  return { slots, words: slotWords };
}

/** Parses `query`; `prefixLast` makes the final word (outside quotes, not followed by a space) a prefix. */
export function parseQuery(query: string, prefixLast: boolean): QueryPlan {
  const text = query.normalize('NFC');
  const plan: QueryPlan = { slots: [], bigrams: [], phrases: [] };
  let lastFree = -1;
  const addSegment = (segment: string, quoted: boolean): void => {
    const { slots, words } = segmentSlots(segment);
    const first = plan.slots.length;
    slots.forEach((s, i) => {
      const w = words[i];
      const prev = words[i - 1];
      if (i > 0 && w && prev && w.adjacent) plan.bigrams.push({ term: prev.folded + BIGRAM_JOIN + w.folded, slot: first + i - 1 });
      plan.slots.push({ ...s, inPhrase: quoted });
    });
    if (quoted) {
      const { words: all } = tokenize(segment);
      if (all.length > 0) {
        const folded = all.every((w) => w.exact === w.folded);
        if (!folded) for (let i = first; i < plan.slots.length; i++) (plan.slots[i] as Slot).exactOnly = true;
        plan.phrases.push({
          keys: all.map((w) => (folded ? w.folded : w.exact)),
          folded,
          bigrams: all.slice(1).map((w, i) => (all[i]?.folded ?? '') + BIGRAM_JOIN + w.folded),
        });
      }
    }
    if (!quoted && slots.length > 0) lastFree = plan.slots.length - 1;
  };
  let at = 0;
  for (const m of text.matchAll(QUOTED)) {
    addSegment(text.slice(at, m.index), false);
    addSegment(m[1] ?? m[2] ?? '', true);
    at = m.index + m[0].length;
  }
  addSegment(text.slice(at), false);
  const last = plan.slots[plan.slots.length - 1];
  if (prefixLast && last && !last.compound && lastFree === plan.slots.length - 1 && !/\s$/.test(text)) last.prefix = true;
  return plan;
}

/**
 * Expands a plan into index terms and why each is searched (a term may serve several slots).
 * The plan's bigrams are not terms: they are tested against each document's Bloom filter.
 */
export function expandPlan(plan: QueryPlan, vocabulary: Vocabulary): Map<string, TermInfo[]> {
  const terms = new Map<string, TermInfo[]>();
  const add = (term: string, info: TermInfo): void => {
    const list = terms.get(term);
    if (list) list.push(info);
    else terms.set(term, [info]);
  };
  plan.slots.forEach((s, slot) => {
    if (s.diacritics) add(s.exact, { slot, kind: 'exact', weight: WEIGHTS.exact });
    else {
      add(s.exact, { slot, kind: 'exact', weight: WEIGHTS.exact });
      for (const v of vocabulary.variants(s.folded)) if (v !== s.exact) add(v, { slot, kind: 'folded', weight: WEIGHTS.folded });
    }
    if (s.exactOnly || s.compound) return;
    // Telex/VNI users type the tone mark last, so a word with a tone is taken as complete.
    if (s.prefix && s.folded.length >= PREFIX_MIN_LENGTH && !hasToneMark(s.exact)) {
      const weightOf = new Map<string, number>();
      for (const m of vocabulary.completions(s.folded)) {
        const weight = (WEIGHTS.prefix * m.folded.length) / (m.folded.length + 0.3 * m.distance);
        // Typed quality marks (â, ư, đ) must be there; a tone may still be added (dâ → dấu).
        for (const v of m.exact) if (!s.diacritics || stripTone(v).startsWith(s.exact)) weightOf.set(v, weight);
      }
      for (const key of vocabulary.mostFrequent(weightOf.keys(), EXPANSION_LIMITS.prefix)) add(key, { slot, kind: 'prefix', weight: weightOf.get(key) ?? 0 });
    }
    const known = vocabulary.variants(s.folded).length > 0;
    if (!s.diacritics && s.folded.length >= (known ? FUZZY_KNOWN_MIN_LENGTH : FUZZY_MIN_LENGTH)) {
      // MiniSearch's default fuzziness (0.2 × length), capped at 2 edits.
      const maxDistance = Math.min(2, Math.round(s.folded.length * 0.2));
      const weightOf = new Map<string, number>();
      for (const m of vocabulary.near(s.folded, maxDistance)) {
        for (const v of m.exact) weightOf.set(v, (WEIGHTS.fuzzy * m.folded.length) / (m.folded.length + m.distance));
      }
      for (const key of vocabulary.mostFrequent(weightOf.keys(), EXPANSION_LIMITS.fuzzy)) add(key, { slot, kind: 'fuzzy', weight: weightOf.get(key) ?? 0 });
    }
  });
  return terms;
}
