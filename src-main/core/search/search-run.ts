/**
 * One search over the engine, evaluated for syllabic text:
 * 1. Accumulate: each expanded term adds its cached per-document BM25 impacts (impacts.ts) and
 *    its query-word bits into flat typed arrays, one pass per term; no object per match.
 * 2. Collect: per matching document, filters, quoted phrases (Bloom pre-filter, then the
 *    text), tier base; the best document per article. This gives the true total and is cached
 *    per query, so the next page costs only step 3.
 * 3. Select: only the tier groups that can reach the requested page get their adjacency
 *    checked, and a bounded heap picks the page; only those hits get snippets.
 */
import type { Article, ArticleVersion, SearchFilters, SearchHit, SearchSnippet } from '../../shared/types';
import { FIELDS, type AnnotationText, type DocMeta } from './documents';
import type { Engine } from './engine';
import { Accumulator, type AccumulatorState, type Scoring } from './accumulate';
import { containsPhrase } from './phrase';
import type { QueryPlan, TermInfo } from './query';
import { kindBits, publicScore, tierBase, tierKey } from './rank';
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

/** Arrays holding a search's matches; reused once the search leaves every cache. */
interface MatchBuffers {
  docs: Int32Array;
  base: Int32Array;
  scores: Float64Array;
}

/**
 * Buffers of matches no cache holds any more. Every new search would otherwise allocate
 * ~16 bytes per matching article (800 kB at 50k): outside the JS heap, but counted by V8,
 * whose growth starts a full marking of the heap (all the library's text) every few dozen
 * keystrokes, tens of milliseconds of it inside keystrokes.
 */
const pool: MatchBuffers[] = [];
const POOL_MAX = 4;

/**
 * Gives `m`'s buffers back for later searches. Only for matches no cache or other holder will
 * read again (SearchIndex checks); calling it twice is harmless.
 */
export function recycleMatches(m: Matches): void {
  if (m.recycled) return;
  m.recycled = true;
  if (pool.length < POOL_MAX) pool.push(m.buffers);
}

function takeBuffers(count: number): MatchBuffers {
  const at = pool.findIndex((b) => b.docs.length >= count);
  if (at >= 0) return pool.splice(at, 1)[0] as MatchBuffers;
  // Powers of two, so a buffer fits the next searches on the same library.
  let cap = 1024;
  while (cap < count) cap *= 2;
  return { docs: new Int32Array(cap), base: new Int32Array(cap), scores: new Float64Array(cap) };
}

const acc = new Accumulator();

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

/**
 * Step 1 into `acc`: every term's impacts, or only the candidates' (narrowing), or the saved
 * sums of the words before the one being typed plus that word's terms.
 */
function accumulate(r: SearchRun, scoring: Scoring, candidates: Uint32Array | null): Matches['how'] {
  const ops = termOps(r);
  const head = headLength(r, ops);
  if (head === 0) {
    for (const op of ops) addOp(r, op, scoring, candidates);
    return candidates ? 'narrowed' : 'full';
  }
  // Typing the last word: the words before it add the same terms at every keystroke, first in
  // the order of additions, so their sums are kept and only the last word's terms added.
  // (Narrowing is for whole evaluations: restored sums hold documents outside the candidates.)
  const key = ops
    .slice(0, head)
    .map((o) => `${o.term}\u0001${o.weight}\u0001${o.any}\u0001${o.strong}\u0001${o.exact}`)
    .join('\u0000');
  const saved = r.sums.find((h) => h.version === r.engine.version && h.key === key);
  if (saved) acc.restore(saved.state);
  else {
    for (let i = 0; i < head; i++) addOp(r, ops[i] as TermOp, scoring, null);
    // The oldest kept sums make room, and lend their arrays.
    const dropped = r.sums.length >= HEADS_KEPT ? r.sums.pop() : undefined;
    r.sums.unshift({ version: r.engine.version, key, state: acc.save(dropped?.state) });
  }
  for (let i = head; i < ops.length; i++) addOp(r, ops[i] as TermOp, scoring, null);
  return saved ? 'head' : 'full';
}

/** One addition of step 1: a term, its weight and the query-word bits it sets. */
interface TermOp {
  term: string;
  weight: number;
  any: number;
  strong: number;
  exact: number;
  /** Query words (slots) the term serves, as bits. */
  slots: number;
}

/** The additions of a query, in the order they are made (the order of `r.infos`). */
function termOps(r: SearchRun): TermOp[] {
  const ops: TermOp[] = [];
  for (const [term, infos] of r.infos) {
    const op: TermOp = { term, weight: 0, any: 0, strong: 0, exact: 0, slots: 0 };
    for (const info of infos) {
      const bit = 1 << Math.min(info.slot, 30);
      const [a, s, e] = kindBits(info.kind);
      if (info.weight > op.weight) op.weight = info.weight;
      if (a) op.any |= bit;
      if (s) op.strong |= bit;
      if (e) op.exact |= bit;
      op.slots |= bit;
    }
    ops.push(op);
  }
  return ops;
}

function addOp(r: SearchRun, op: TermOp, scoring: Scoring, candidates: Uint32Array | null): void {
  acc.addTerm(r.engine.termData(op.term), scoring, op.weight, op.any, op.strong, op.exact, candidates);
}

/**
 * While the last word is being typed (a prefix), how many leading additions serve only the
 * words before it: those are the same at every keystroke of that word. 0 when none or when
 * nothing follows them.
 */
function headLength(r: SearchRun, ops: readonly TermOp[]): number {
  const last = r.plan.slots.length - 1;
  if (last < 1 || !r.plan.slots[last]?.prefix) return 0;
  const lastBit = 1 << Math.min(last, 30);
  let head = 0;
  while (head < ops.length && ((ops[head] as TermOp).slots & lastBit) === 0) head++;
  return head < ops.length ? head : 0;
}

/** Sums of the words before the one being typed, saved after step 1 (see `SearchRun.sums`). */
export interface SavedSums {
  /** The engine version they were computed on. */
  version: number;
  /** The additions they hold (terms, weights, bits). */
  key: string;
  state: AccumulatorState;
}

const HEADS_KEPT = 2;

/**
 * Step 3: the short ids of matches `[offset, offset + limit)` in rank order, with their
 * public scores. Ties are broken by document id, never by insertion order. Phrase candidates
 * on the way are checked against their text; one that fails is dropped and the page refilled.
 *
 * Top-k with early termination (as MaxScore, Turtle & Flood 1995): a match's score is its tier
 * base plus adjacent query-word pairs (0–9, read from its Bloom filter, the costly part) plus
 * its squashed BM25, so `base + every pair + BM25` bounds it from above for free. Matches are
 * taken from a max-heap on that bound, and the scan stops when the next bound falls below the
 * page's worst score: on a topical library, where every article matches, a few dozen
 * adjacency checks instead of one per match. Adjacency found is kept with the matches, so the
 * next page or the same query again checks nothing twice.
 */
export function selectPage(r: SearchRun, m: Matches, offset: number, limit: number): { doc: number; score: number }[] {
  const need = offset + limit;
  const n = m.docs.length;
  if (need <= 0 || n === 0) return [];
  const pairs = r.plan.bigrams.map((b) => bloomKey(b.term));
  const maxAdjacent = Math.min(pairs.length, 9);
  const adjacent = m.adjacent ?? (m.adjacent = new Int8Array(n).fill(-1));
  const idOf = (i: number): string => r.docAt[m.docs[i] as number]?.id ?? '';
  if (scratch.bound.length < n) scratch = { bound: new Float64Array(Math.max(n, scratch.bound.length * 2)), order: new Int32Array(Math.max(n, scratch.bound.length * 2)) };
  const { bound, order } = scratch;
  for (;;) {
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (m.state?.[i] === 2) continue;
      bound[i] = publicScore(tierKey(m.base[i] as number, maxAdjacent), m.scores[i] as number);
      order[size++] = i;
    }
    const byBound = new BoundHeap(order, size, bound);
    const page = new PageHeap(need, idOf);
    while (byBound.size > 0) {
      const i = byBound.peek();
      if (page.full && (bound[i] as number) < page.worstValue) break;
      byBound.pop();
      let adj = adjacent[i] as number;
      if (adj < 0) {
        adj = 0;
        if (pairs.length > 0) {
          const filter = r.docAt[m.docs[i] as number]?.bloom;
          if (filter) for (const p of pairs) if (bloomHasKey(filter, p)) adj++;
        }
        adjacent[i] = adj;
      }
      page.offer(i, publicScore(tierKey(m.base[i] as number, adj), m.scores[i] as number));
    }
    const top = page.sorted();
    let dropped = false;
    if (m.state) {
      for (const { i } of top) {
        if (m.state[i] !== 0) continue;
        const entry = r.docAt[m.docs[i] as number];
        const ok = entry !== undefined && phraseInText(r, entry);
        m.state[i] = ok ? 1 : 2;
        m.checked++;
        if (!ok) {
          m.rejected++;
          dropped = true;
        }
      }
    }
    if (!dropped) return top.slice(offset).map(({ i, value }) => ({ doc: m.docs[i] as number, score: value }));
  }
}

/** `selectPage`'s bounds and heap, reused: a search allocates nothing in proportion to the library it need not keep. */
let scratch = { bound: new Float64Array(0), order: new Int32Array(0) };

/** A max-heap of match indices on their upper bounds (built in O(n), popped lazily). */
class BoundHeap {
  constructor(
    private readonly a: Int32Array,
    public size: number,
    private readonly key: Float64Array,
  ) {
    for (let i = (size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): number {
    return this.a[0] as number;
  }

  pop(): void {
    this.size--;
    this.a[0] = this.a[this.size] as number;
    this.down(0);
  }

  private down(i: number): void {
    const { a, key, size } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < size && (key[a[l] as number] as number) > (key[a[w] as number] as number)) w = l;
      if (r < size && (key[a[r] as number] as number) > (key[a[w] as number] as number)) w = r;
      if (w === i) return;
      const t = a[i] as number;
      a[i] = a[w] as number;
      a[w] = t;
      i = w;
    }
  }
}

/** The `k` best matches offered so far (score, then document id), worst at the root. */
class PageHeap {
  private readonly heap: { i: number; value: number; id: string }[] = [];

  constructor(
    private readonly k: number,
    private readonly idOf: (i: number) => string,
  ) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The score of the worst kept match (a match scoring below it cannot enter). */
  get worstValue(): number {
    return this.heap[0]?.value ?? -Infinity;
  }

  offer(i: number, value: number): void {
    const h = this.heap;
    if (h.length >= this.k) {
      const w = h[0] as { value: number; id: string };
      if (value < w.value) return;
      const id = this.idOf(i);
      if (value === w.value && id >= w.id) return;
      h[0] = { i, value, id };
      this.siftDown(0);
      return;
    }
    h.push({ i, value, id: this.idOf(i) });
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!PageHeap.worse(h[c] as PageItem, h[p] as PageItem)) break;
      [h[c], h[p]] = [h[p] as PageItem, h[c] as PageItem];
      c = p;
    }
  }

  /** Best first. */
  sorted(): { i: number; value: number }[] {
    return [...this.heap].sort((a, b) => (PageHeap.worse(b, a) ? -1 : PageHeap.worse(a, b) ? 1 : 0));
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < h.length && PageHeap.worse(h[l] as PageItem, h[w] as PageItem)) w = l;
      if (r < h.length && PageHeap.worse(h[r] as PageItem, h[w] as PageItem)) w = r;
      if (w === i) return;
      [h[i], h[w]] = [h[w] as PageItem, h[i] as PageItem];
      i = w;
    }
  }

  private static worse(a: PageItem, b: PageItem): boolean {
    return a.value < b.value || (a.value === b.value && a.id > b.id);
  }
}

interface PageItem {
  i: number;
  value: number;
  id: string;
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
function phraseInText(r: SearchRun, entry: DocEntry): boolean {
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
