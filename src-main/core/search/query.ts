/**
 * Query planning: parse a user query (words, "quoted phrases", the word being typed) and expand
 * it into weighted index terms. Pure, given the vocabulary.
 */
import { tokenize } from './tokenize';
import { BIGRAM_JOIN } from './analyzer';
import { foldDiacritics } from './fold';
import type { Vocabulary } from './vocabulary';

/** One query word. `diacritics`: the user typed marks, so exact forms rank first. */
export interface Slot {
  exact: string;
  folded: string;
  diacritics: boolean;
  /** The last word while typing: also matches words it is a prefix of. */
  prefix: boolean;
  /** Inside a quoted phrase typed with diacritics: only the exact form can satisfy it. */
  exactOnly: boolean;
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
  compounds: string[];
  phrases: Phrase[];
}

/**
 * How an index term relates to the query; drives the ranking tiers. 'folded': the folded key of
 * a word typed with diacritics (exact once the document's filter confirms the exact form).
 */
export type TermKind = 'exact' | 'folded' | 'prefix' | 'fuzzy' | 'compound';

/** One reason an index term is searched: which query word, how, and its score weight. */
export interface TermInfo {
  slot: number;
  kind: TermKind;
  weight: number;
}

/** Score weights. Prefix/fuzzy matches are also ranked below exact ones by tier (rank.ts). */
export const WEIGHTS = { exact: 1, prefix: 0.25, fuzzy: 0.15, compound: 1 } as const;
/**
 * Fuzzy matching only for words this long (folded): short syllables would match everything
 * (duong ~ huong ~ tuong). Known words get fuzzy matching only from FUZZY_KNOWN_MIN_LENGTH.
 */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_KNOWN_MIN_LENGTH = 8;
/** Caps on expansions per query word, most frequent forms first (keeps queries cheap). */
export const EXPANSION_LIMITS = { prefix: 6, fuzzy: 8 } as const;
/** Prefix expansion only from this many folded characters. */
export const PREFIX_MIN_LENGTH = 2;

const QUOTED = /"([^"]*)"|“([^”]*)”/g;
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;

/** True when a word carries one of the five Vietnamese tone marks. */
export function hasToneMark(word: string): boolean {
  return TONE_MARK.test(word.normalize('NFD'));
}

/** Parses `query`; `prefixLast` makes the final word (outside quotes, not followed by a space) a prefix. */
export function parseQuery(query: string, prefixLast: boolean): QueryPlan {
  const text = query.normalize('NFC');
  const plan: QueryPlan = { slots: [], bigrams: [], compounds: [], phrases: [] };
  let lastFree = -1;
  const addSegment = (segment: string, quoted: boolean): void => {
    const { words, compounds } = tokenize(segment);
    for (const c of compounds) plan.compounds.push(c.key);
    const first = plan.slots.length;
    words.forEach((w, i) => {
      if (i > 0 && w.adjacent) plan.bigrams.push({ term: (words[i - 1]?.folded ?? '') + BIGRAM_JOIN + w.folded, slot: first + i - 1 });
      plan.slots.push({ exact: w.exact, folded: w.folded, diacritics: w.exact !== w.folded, prefix: false, exactOnly: false });
    });
    if (quoted && words.length > 0) {
      const folded = words.every((w) => w.exact === w.folded);
      if (!folded) for (let i = first; i < plan.slots.length; i++) (plan.slots[i] as Slot).exactOnly = true;
      plan.phrases.push({
        keys: words.map((w) => (folded ? w.folded : w.exact)),
        folded,
        bigrams: words.slice(1).map((w, i) => (words[i]?.folded ?? '') + BIGRAM_JOIN + w.folded),
      });
    }
    if (!quoted && words.length > 0) lastFree = plan.slots.length - 1;
  };
  let at = 0;
  for (const m of text.matchAll(QUOTED)) {
    addSegment(text.slice(at, m.index), false);
    addSegment(m[1] ?? m[2] ?? '', true);
    at = m.index + m[0].length;
  }
  addSegment(text.slice(at), false);
  const last = plan.slots[plan.slots.length - 1];
  if (prefixLast && last && lastFree === plan.slots.length - 1 && !/\s$/.test(text)) last.prefix = true;
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
    // One folded lookup finds every form. With typed marks it is a 'folded' match until the
    // document's filter confirms the exact form (search-run.ts), which ranks a tier higher.
    add(s.folded, { slot, kind: s.diacritics ? 'folded' : 'exact', weight: WEIGHTS.exact });
    if (s.exactOnly) return; // a diacritic phrase is verified exactly against the text
    // Telex/VNI users type the tone mark last, so a word with a tone is taken as complete.
    if (s.prefix && s.folded.length >= PREFIX_MIN_LENGTH && !hasToneMark(s.exact)) {
      const weightOf = new Map<string, number>();
      for (const m of vocabulary.completions(s.folded)) {
        weightOf.set(m.folded, (WEIGHTS.prefix * m.folded.length) / (m.folded.length + 0.3 * m.distance));
      }
      for (const key of vocabulary.mostFrequent(weightOf.keys(), EXPANSION_LIMITS.prefix)) add(key, { slot, kind: 'prefix', weight: weightOf.get(key) ?? 0 });
    }
    const known = vocabulary.variants(s.folded).length > 0;
    if (s.folded.length >= (known ? FUZZY_KNOWN_MIN_LENGTH : FUZZY_MIN_LENGTH)) {
      // MiniSearch's default fuzziness (0.2 × length), capped at 2 edits.
      const maxDistance = Math.min(2, Math.round(s.folded.length * 0.2));
      const weightOf = new Map<string, number>();
      for (const m of vocabulary.near(s.folded, maxDistance)) {
        weightOf.set(m.folded, (WEIGHTS.fuzzy * m.folded.length) / (m.folded.length + m.distance));
      }
      for (const key of vocabulary.mostFrequent(weightOf.keys(), EXPANSION_LIMITS.fuzzy)) add(key, { slot, kind: 'fuzzy', weight: weightOf.get(key) ?? 0 });
    }
  });
  for (const c of plan.compounds) add(foldDiacritics(c), { slot: -1, kind: 'compound', weight: WEIGHTS.compound });
  return terms;
}
