/**
 * One search over the engine, evaluated for syllabic text:
 * 1. Accumulate (query-sums.ts, accumulate.ts): each expanded term adds its per-document BM25
 *    impacts, straight from its postings, and its query-word bits into dense typed arrays; no
 *    object per match. While a word is typed, the sums of the words before it are reused.
 * 2. Collect (here): per matching document, filters, quoted phrases (Bloom pre-filter, then the
 *    text), tier base; the best document per article. This gives the true total and is cached
 *    per query, so the next page costs only step 3.
 * 3. Select (page-select.ts): top-k with early termination over the matches; only the page's
 *    hits get snippets (here).
 */
import type { Article, ArticleVersion, SearchFilters, SearchHit, SearchSnippet } from '../../shared/types';
import { FIELDS, type AnnotationText, type DocMeta } from './documents';
import type { Engine } from './engine';
import { acc, accumulate, type SavedSums } from './query-sums';
import { takeBuffers, type MatchBuffers } from './match-buffers';
import { containsPhrase } from './phrase';
import type { QueryPlan, TermInfo } from './query';
import { tierBase } from './rank';
import { clip, leadSnippet, makeMatcher, makeSnippets, matchRanges, termPattern, type Matcher } from './snippets';
import { bloomHasKey, bloomKey, type BloomKey } from './bloom';

/** An indexed document: its id and metadata, by short id. */
export interface DocEntry {
  id: string;
  meta: DocMeta;
  /** Bloom filter of the document's folded adjacent-word bigrams (bloom.ts). */
  bloom: Uint8Array | undefined;
  /** A small number standing for `meta.articleId` (grouping versions without string keys). */
  article: number;
}

/** Everything one search needs. */
export interface SearchRun {
  engine: Engine;
  docAt: ReadonlyArray<DocEntry | undefined>;
  articles: ReadonlyMap<string, Article>;
  /** Per article: the user's notes, highlighted passages and tags (IndexExtras.items). */
  annotationTexts: ReadonlyMap<string, readonly AnnotationText[]>;
  plan: QueryPlan;
  infos: ReadonlyMap<string, readonly TermInfo[]>;
  filters: SearchFilters | undefined;
  /** Saved sums of the words before the one being typed, most recent first (kept by the caller). */
  sums: SavedSums[];
}

/**
 * Every matching article (its best document), before ordering: what paging reuses. With quoted
 * phrases, a match is a candidate (every phrase word present, every pair adjacent somewhere per
 * the Bloom filter) until its text is checked, which happens only for the pages shown; `state`
 * records each check (0 not yet, 1 contains the phrases, 2 does not).
 */
export interface Matches {
  docs: Int32Array;
  base: Int32Array;
  scores: Float64Array;
  state: Uint8Array | null;
  checked: number;
  rejected: number;
  /** Per match: adjacent query-word pairs found (−1: not checked yet); filled by `selectPage`. */
  adjacent: Int8Array | null;
  /**
   * Every document holding one of the query's terms, before filters and phrases, as a bit set
   * by short id: the candidates of a later query whose terms are a subset of this one's
   * (`narrowable`).
   */
  touched: Uint32Array;
  /**
   * How step 1 ran: over every posting; narrowed to a previous query's candidates; or from the
   * saved sums of the words before the one being typed plus that word's terms.
   */
  how: 'full' | 'narrowed' | 'head';
  /** The pooled arrays `docs`, `base` and `scores` are views of (see `recycleMatches`). */
  buffers: MatchBuffers;
  /** Set once its buffers went back to the pool: it must not be read any more. */
  recycled: boolean;
}


/**
 * Per article number: the index of its best document among the matches (−1: none yet). Reset
 * through the matches themselves (each article appears there once), so nothing is recorded per
 * set.
 */
class BestOf {
  private at = new Int32Array(0);

  get(article: number): number {
    return article < this.at.length ? (this.at[article] as number) : -1;
  }

  set(article: number, index: number): void {
    if (article >= this.at.length) {
      const grown = new Int32Array(Math.max(article + 1, this.at.length * 2, 1024)).fill(-1);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[article] = index;
  }

  clear(article: number): void {
    if (article < this.at.length) this.at[article] = -1;
  }
}

/** Scratch output of `collectMatches`, grown as needed and copied out at the end. */
class Collected {
  docs = new Int32Array(0);
  base = new Int32Array(0);
  scores = new Float64Array(0);

  ensure(size: number): void {
    if (this.docs.length >= size) return;
    const cap = Math.max(size, this.docs.length * 2);
    this.docs = new Int32Array(cap);
    this.base = new Int32Array(cap);
    this.scores = new Float64Array(cap);
  }
}

const collected = new Collected();

const bestOf = new BestOf();

/**
 * True when `prev`'s touched documents hold every match of a query over `terms` with the same
 * filters: each match holds one of `terms`, and each of them is one of `prevTerms`. This is
 * what typing on allows (`dân vậ` → `dân vận`: the longer prefix's expansions are among the
 * shorter one's), checked on the expanded terms themselves, never assumed from the text: the
 * expansion caps can give a longer prefix a completion the shorter one did not list.
 */
export function narrowable(prevTerms: ReadonlySet<string>, terms: Iterable<string>): boolean {
  for (const t of terms) if (!prevTerms.has(t)) return false;
  return true;
}

/**
 * Steps 1–2: every matching article with its best document, tier base and BM25 score. With
 * `candidates` (a bit set of short ids holding every possible match, see `narrowable`), only
 * those documents are accumulated; the result is the same as without.
 */
export function collectMatches(r: SearchRun, candidates?: Uint32Array): Matches {
  const scoring = r.engine.scoring();
  acc.ensure(scoring.size);
  const filter = makeFilter(r.filters);
  const phraseKeys = r.plan.phrases.flatMap((p) => p.bigrams).map(bloomKey);
  // Every word of a quoted phrase must be in the document before its text is read.
  let phraseSlots = 0;
  r.plan.slots.forEach((s, i) => {
    if (s.inPhrase) phraseSlots |= 1 << Math.min(i, 30);
  });
  const hasPhrases = r.plan.phrases.length > 0;
  let count = 0;
  let { docs } = collected;
  try {
    const how = accumulate(r, scoring, candidates ?? null);
    const touched = acc.touchedBits(scoring.size);
    collected.ensure(acc.n);
    docs = collected.docs;
    const { base, scores } = collected;
    for (let i = 0; i < acc.n; i++) {
      const d = acc.touched[i] as number;
      const entry = r.docAt[d];
      if (!entry || (filter && !filter(entry.meta))) continue;
      if (hasPhrases && (((acc.strong[d] as number) & phraseSlots) !== phraseSlots || !phraseCandidate(r, entry, phraseKeys))) continue;
      const b = tierBase(acc.any[d] as number, acc.strong[d] as number, acc.exact[d] as number);
      const s = acc.score[d] as number;
      const at = bestOf.get(entry.article);
      if (at < 0) {
        bestOf.set(entry.article, count);
        docs[count] = d;
        base[count] = b;
        scores[count] = s;
        count++;
      } else if (b > (base[at] as number) || (b === base[at] && (s > (scores[at] as number) || (s === scores[at] && entry.id < (r.docAt[docs[at] as number]?.id ?? ''))))) {
        docs[at] = d;
        base[at] = b;
        scores[at] = s;
      }
    }
    const state = hasPhrases ? new Uint8Array(count) : null;
    const buffers = takeBuffers(count);
    buffers.docs.set(docs.subarray(0, count));
    buffers.base.set(base.subarray(0, count));
    buffers.scores.set(scores.subarray(0, count));
    return {
      docs: buffers.docs.subarray(0, count),
      base: buffers.base.subarray(0, count),
      scores: buffers.scores.subarray(0, count),
      state,
      checked: 0,
      rejected: 0,
      adjacent: null,
      touched,
      how,
      buffers,
      recycled: false,
    };
  } finally {
    // The arrays are shared by every search: leave them empty, whatever happened.
    acc.reset();
    for (let i = 0; i < count; i++) {
      const entry = r.docAt[docs[i] as number];
      if (entry) bestOf.clear(entry.article);
    }
  }
}

function versionOf(r: SearchRun, meta: DocMeta): ArticleVersion | undefined {
  return r.articles.get(meta.articleId)?.versions.find((v) => v.lang === meta.lang);
}

/** Every adjacent pair of every phrase is in the document's Bloom filter. */
function phraseCandidate(r: SearchRun, entry: DocEntry, keys: readonly BloomKey[]): boolean {
  const filter = entry.bloom;
  return filter !== undefined && keys.every((k) => bloomHasKey(filter, k));
}

/** The text itself contains every phrase (MiniSearch has no phrase search). */
export function phraseInText(r: SearchRun, entry: DocEntry): boolean {
  const v = versionOf(r, entry.meta);
  if (!v) return false; // no text to verify against: never claim a phrase match
  return r.plan.phrases.every((p) => containsPhrase(v.title, p) || v.paragraphs.some((para) => containsPhrase(para.text, p)));
}

/** Builds the hit of document `doc` (snippets only when asked). */
export function toHit(r: SearchRun, doc: number, score: number, snippets: boolean): SearchHit | null {
  const entry = r.docAt[doc];
  if (!entry) return null;
  const { meta } = entry;
  const terms = new Set<string>();
  let inAnnotations = false;
  for (const [term, infos] of r.infos) {
    const fields = r.engine.fieldsHolding(term, doc);
    if (fields & ANNOTATIONS_BIT) inAnnotations = true;
    // Words of a quoted phrase are marked as the whole phrase, not one by one.
    if (fields !== 0 && infos.some((i) => !r.plan.slots[i.slot]?.inPhrase)) terms.add(term);
  }
  const matcher = makeMatcher(terms, r.plan.phrases, markPatternOf(r));
  const v = versionOf(r, meta);
  let snips: SearchSnippet[] = [];
  if (snippets) {
    // Found through the user's own words: say so, with that note as the first snippet.
    if (inAnnotations) snips = annotationSnippets(r.annotationTexts.get(meta.articleId) ?? [], meta, matcher);
    if (v) snips.push(...makeSnippets(v.paragraphs, meta.lang, matcher, Math.max(1, 3 - snips.length)));
    if (v && snips.length === 0) snips = leadSnippet(v.paragraphs, meta.lang);
  }
  return {
    id: meta.articleId,
    title: meta.title,
    titleRanges: matchRanges(meta.title, matcher),
    date: meta.date,
    score,
    lang: meta.lang,
    snippets: snips,
  };
}

const markPatterns = new WeakMap<ReadonlyMap<string, readonly TermInfo[]>, RegExp | null>();

/** The pattern finding candidate marks for any term of the query (compiled once per query). */
function markPatternOf(r: SearchRun): RegExp | null {
  let p = markPatterns.get(r.infos);
  if (p === undefined) {
    p = termPattern([...r.infos].filter(([, infos]) => infos.some((i) => !r.plan.slots[i.slot]?.inPhrase)).map(([t]) => t));
    markPatterns.set(r.infos, p);
  }
  return p;
}

const ANNOTATIONS_BIT = 1 << FIELDS.indexOf('annotations');

/** Snippets of the notes, highlights and tags that matched (at most 2). */
function annotationSnippets(items: readonly AnnotationText[], meta: DocMeta, matcher: Matcher): SearchSnippet[] {
  const out: SearchSnippet[] = [];
  for (const item of items) {
    const ranges = matchRanges(item.text, matcher);
    if (ranges.length === 0) continue;
    out.push({ ...clip(item.text, item.paragraph, meta.lang, ranges), via: item.kind, annotationId: item.annotationId });
    if (out.length === 2) break;
  }
  return out;
}

function makeFilter(f: SearchFilters | undefined): ((m: DocMeta) => boolean) | null {
  if (!f) return null;
  const { lang, from, to, tag, hasAnnotations } = f;
  if (lang === undefined && from === undefined && to === undefined && tag === undefined && hasAnnotations === undefined) return null;
  const fromDay = from?.slice(0, 10);
  const toDay = to?.slice(0, 10);
  return (m) => {
    if (lang !== undefined && m.lang !== lang) return false;
    if (tag !== undefined && !m.tags.includes(tag)) return false;
    if (hasAnnotations !== undefined && m.hasAnnotations !== hasAnnotations) return false;
    if (fromDay !== undefined || toDay !== undefined) {
      const day = m.date?.slice(0, 10);
      if (!day) return false;
      if (fromDay !== undefined && day < fromDay) return false;
      if (toDay !== undefined && day > toDay) return false;
    }
    return true;
  };
}
