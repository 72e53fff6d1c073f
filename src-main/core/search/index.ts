/**
 * Folio's Vietnamese-aware full-text search on MiniSearch 7.
 *
 * - Analysis (analyzer.ts): NFC, lowercase, word tokens with codes kept whole and split,
 *   canonical tone placement. The index holds folded words (`duong`), so a query without
 *   diacritics matches every form; each document's Bloom filter (bloom.ts) holds its exact forms
 *   (`đường`) and folded adjacent-word bigrams, which rank exact forms, then adjacent query words,
 *   higher (rank.ts) and pre-filter quoted phrases before they are checked against the text.
 * - The last word is also a prefix (unless it carries a tone mark: typed to the end); unknown
 *   words from 5 letters and any word from 8 match fuzzily; both rank below exact hits.
 * - One MiniSearch document per language version (`${articleId}:${lang}`); hits are grouped per
 *   article, the best version wins.
 * - Persistence (persist.ts): compact snapshot + manifest under `dataDir`, reconciled against
 *   the articles by per-article signatures; an invalid cache is rebuilt, never trusted.
 *
 * ```ts
 * const index = await SearchIndex.open({ dataDir, fingerprint: libraryRoot });
 * await index.reconcile(articles, (id) => extrasFor(id));
 * index.search('"dân chủ" cơ sở', { limit: 20, filters: { lang: 'vi' } });
 * await index.save();
 * ```
 */
import { availableParallelism } from 'node:os';
import type { Article, SearchFilters, SearchHit, SearchPage } from '../../shared/types';
import { ANALYZER_VERSION, BIGRAM_JOIN } from './analyzer';
import { analyzeDoc, type AnalyzedDoc } from './analyze-doc';
import { articleDocs, articleSignature, type DocInput, type DocMeta, type IndexExtras } from './documents';
import { Engine } from './engine';
import { loadState, removeLeftoverTempFiles, saveState } from './persist';
import { expandPlan, parseQuery, type QueryPlan, type TermInfo } from './query';
import { Vocabulary } from './vocabulary';
import { analyzeInBatches, type BuildMode } from './worker-pool';
import { collectMatches, narrowable, toHit, type DocEntry, type Matches, type SearchRun } from './search-run';
import { selectPage } from './page-select';
import { recycleMatches } from './match-buffers';
import type { SavedSums } from './query-sums';
import type { AnnotationText } from './documents';

export type { IndexExtras } from './documents';
export { analyze, ANALYZER_VERSION } from './analyzer';
export { foldDiacritics, normalizeTonePlacement } from './fold';
export { tokenize } from './tokenize';

/** Options of `SearchIndex.search`. */
export interface SearchOptions {
  /** Most articles returned (default 20). */
  limit?: number;
  /** Matches skipped before the first one returned (paging; default 0). */
  offset?: number;
  filters?: SearchFilters;
  /** Default true: the last word (outside quotes, no trailing space) also matches as a prefix. */
  prefix?: boolean;
  /** Default true; false skips snippet extraction (e.g. to count hits). */
  snippets?: boolean;
}

/** Options of `SearchIndex.open`. */
export interface OpenOptions {
  dataDir: string;
  /** Identity of the library (e.g. its root); a cache saved for another library is ignored. */
  fingerprint: string;
  /**
   * Analysis worker threads for big builds; default: one per core (analysis is most of a build,
   * and inserting a first build's postings (bulk.ts) leaves the main thread mostly idle); 0
   * analyses in-thread.
   */
  workers?: number;
  /** Re-encode the postings compactly after a reconcile inserting this many documents (default 2000). */
  compactAfter?: number;
}

/** How `open` obtained its state, for diagnostics and tests. */
export type IndexOrigin = 'cache' | 'empty' | 'rebuilt-invalid-cache';

/** Builds below this many documents are analysed in-thread (worker startup costs more). */
const WORKER_THRESHOLD = 256;
/** Longest stretch of synchronous work in reconcile before yielding to the event loop (ms). */
const YIELD_MS = 12;

/** Planned query, cached per (query, prefix) until the index changes. */
interface Planned {
  plan: QueryPlan;
  infos: Map<string, TermInfo[]>;
}

/**
 * After inserting this many documents at once, the postings are re-encoded into one array (as a
 * saved index is loaded): a Map entry per posting costs several times the memory.
 */
const COMPACT_MIN_DOCS = 2000;

/** Searches whose matches are kept for paging and repeated requests. */
const MATCH_CACHE_SIZE = 16;

/** The search index of one library. */
export class SearchIndex {
  private engine = new Engine();
  private vocabulary = this.newVocabulary();
  /** By short id: the document's id and metadata (a dense array: the hot loop reads it). */
  private docAt: (DocEntry | undefined)[] = [];
  private matchCache = new Map<string, Matches>();
  /** The sums of the words before the one being typed (search-run.ts `collectMatches`). */
  private readonly sums: SavedSums[] = [];
  /**
   * The last query collected in full or narrowed, for narrowing the next one as the user types:
   * its filter key, its expanded terms and its matches (whose `touched` are the candidates).
   */
  private lastCollected: { filterKey: string; terms: ReadonlySet<string>; matches: Matches } | null = null;
  /** How many collections were narrowed to a previous query's candidates (tests, bench). */
  narrowed = 0;
  /** How many reused the saved sums of the words before the one being typed (tests, bench). */
  headsReused = 0;
  private annotationTexts = new Map<string, readonly AnnotationText[]>();
  private cacheVersion = -1;
  /** True when the index differs from what was last saved or loaded. */
  private dirty = false;
  private docs = new Map<string, DocMeta>();
  private bigrams = new Map<string, Uint8Array>();
  private docIdsByArticle = new Map<string, string[]>();
  private signatures = new Map<string, string>();
  private articles = new Map<string, Article>();
  private planCache = new Map<string, Planned>();
  /** Where the state came from, and why a cache was rejected. */
  origin: IndexOrigin = 'empty';
  cacheError: string | null = null;
  private settling: Promise<void> = Promise.resolve();
  /** How the last reconcile analysed its documents (null before any). */
  lastBuildMode: BuildMode | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly fingerprint: string,
    private readonly workers: number,
    private readonly compactAfter: number = COMPACT_MIN_DOCS,
  ) {}

  /** Loads the saved index when it is valid for this library and analyzer, else starts empty. */
  static async open(opts: OpenOptions): Promise<SearchIndex> {
    const workers = opts.workers ?? Math.max(1, availableParallelism());
    const index = new SearchIndex(opts.dataDir, opts.fingerprint, workers, opts.compactAfter);
    try {
      // Cleaning is a write: a read-only data folder refuses it, and the index still loads.
      await removeLeftoverTempFiles(opts.dataDir).catch(() => undefined);
      const state = await loadState(opts.dataDir);
      if (state === null) return index;
      if (state.analyzer !== ANALYZER_VERSION || state.fingerprint !== opts.fingerprint) {
        index.origin = 'rebuilt-invalid-cache';
        index.cacheError = 'The saved index belongs to another library or analyzer version';
        return index;
      }
      const vocabulary = index.newVocabulary();
      index.engine = await Engine.fromSnapshot(state.snapshot, (t) => vocabulary.add(t));
      index.vocabulary = vocabulary;
      index.docs = state.docs;
      for (const [docId, meta] of state.docs) {
        const shortId = index.engine.shortIdOf(docId);
        if (shortId === undefined) throw new Error('The saved index lists a document it does not hold');
        index.docAt[shortId] = { id: docId, meta, bloom: state.bigrams.get(docId), article: index.articleNo(meta.articleId) };
      }
      index.bigrams = state.bigrams;
      index.signatures = state.signatures;
      for (const [docId, meta] of state.docs) index.docIdsOf(meta.articleId).push(docId);
      index.origin = 'cache';
      // Postings stay encoded in one array (lazy-term.ts): queries score them in place, and a
      // term becomes Maps only when a document holding it changes. That is most of the memory.
    } catch (err) {
      Object.assign(index, { engine: new Engine(), docAt: [], docs: new Map(), bigrams: new Map(), signatures: new Map() });
      index.vocabulary = index.newVocabulary();
      index.docIdsByArticle.clear();
      index.origin = 'rebuilt-invalid-cache';
      index.cacheError = (err as Error).message;
    }
    return index;
  }

  /**
   * Resolves when a loaded index has decoded all its postings in the background. Searching
   * does not need to wait (terms decode on first use); this is for measurements and tests.
   */
  settle(): Promise<void> {
    return this.settling;
  }

  /** Number of indexed documents (language versions). */
  get size(): number {
    return this.engine.documentCount;
  }

  /**
   * Brings the index in line with `articles` (the whole library): adds new, re-indexes changed
   * (by signature: content hashes, metadata, annotation digest) and removes missing articles.
   * Big batches are analysed in worker threads; insertion yields to the event loop.
   */
  async reconcile(
    articles: readonly Article[],
    extras: (id: string) => IndexExtras | undefined,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ added: number; updated: number; removed: number }> {
    const seen = new Set<string>();
    const inputs: DocInput[] = [];
    const pending = new Map<string, DocMeta>();
    let added = 0;
    let updated = 0;
    let removed = 0;
    let lastYield = performance.now();
    for (const a of articles) {
      if (performance.now() - lastYield > YIELD_MS) {
        // Hashing 50k signatures takes a while: keep a server's event loop responsive.
        await new Promise<void>((r) => setImmediate(r));
        lastYield = performance.now();
      }
      seen.add(a.id);
      this.articles.set(a.id, a);
      const ex = extras(a.id);
      if (ex?.items?.length) this.annotationTexts.set(a.id, ex.items);
      else this.annotationTexts.delete(a.id);
      const sig = articleSignature(a, ex);
      const old = this.signatures.get(a.id);
      if (old === sig) continue;
      if (old === undefined) added++;
      else updated++;
      this.discardDocs(a.id);
      this.signatures.set(a.id, sig);
      for (const { input, meta } of articleDocs(a, ex)) {
        inputs.push(input);
        pending.set(input.id, meta);
      }
    }
    for (const id of [...this.signatures.keys()]) {
      if (!seen.has(id)) {
        this.remove(id);
        removed++;
      }
    }
    let done = 0;
    onProgress?.(0, inputs.length);
    const inserted = inputs.length;
    // A big first build collects its postings compactly (bulk.ts): no map per posting, and no
    // re-encoding afterwards.
    const bulk = inserted > 0 && inserted >= Math.min(this.compactAfter, WORKER_THRESHOLD) && this.engine.beginBulk();
    try {
      this.lastBuildMode = await analyzeInBatches(inputs, inputs.length >= WORKER_THRESHOLD ? this.workers : 0, (batch) => {
        for (const item of batch) {
          const meta = pending.get(item.id);
          if (meta) this.insert(item, meta);
        }
        done += batch.length;
        onProgress?.(done, inputs.length);
      });
    } finally {
      if (bulk) this.engine.endBulk((term) => this.vocabulary.remove(term));
    }
    this.planCache.clear();
    if (added + updated + removed > 0) this.dirty = true;
    if (!bulk && inserted > 0 && inserted >= this.compactAfter) await this.compact();
    return { added, updated, removed };
  }

  /** Indexes (or re-indexes) one article now, in-thread. */
  upsert(article: Article, extras?: IndexExtras): void {
    this.discardDocs(article.id);
    this.articles.set(article.id, article);
    if (extras?.items?.length) this.annotationTexts.set(article.id, extras.items);
    else this.annotationTexts.delete(article.id);
    this.signatures.set(article.id, articleSignature(article, extras));
    for (const { input, meta } of articleDocs(article, extras)) this.insert(analyzeDoc(input), meta);
    this.planCache.clear();
    this.dirty = true;
  }

  /** Removes an article and all its versions. */
  remove(articleId: string): void {
    this.discardDocs(articleId);
    this.signatures.delete(articleId);
    this.articles.delete(articleId);
    this.annotationTexts.delete(articleId);
    this.docIdsByArticle.delete(articleId);
    this.planCache.clear();
    this.dirty = true;
  }

  /** Searches; see the module comment for the query syntax and ranking. */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    return this.searchPage(query, opts).hits;
  }

  /** Searches and also returns how many articles match in all (for "more results"). */
  searchPage(query: string, opts: SearchOptions = {}): SearchPage {
    const prefix = opts.prefix ?? true;
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    if (this.engine.needsPurge) this.engine.purge((term) => this.vocabulary.remove(term));
    if (this.cacheVersion !== this.engine.version) {
      this.planCache.clear();
      this.dropMatches();
      this.sums.length = 0;
      this.cacheVersion = this.engine.version;
    }
    const key = `${prefix ? 1 : 0}${query}`;
    let planned = this.planCache.get(key);
    if (!planned) {
      const plan = parseQuery(query, prefix);
      // A pair with a word no document holds (`dân v` while typing) is in no document: only a
      // Bloom false positive could "find" it, so it is not a ranking signal, and leaving it out
      // keeps the top-k bound tight (search-run.ts).
      plan.bigrams = plan.bigrams.filter((b) => b.term.split(BIGRAM_JOIN).every((w) => this.vocabulary.variants(w).length > 0));
      planned = { plan, infos: expandPlan(plan, this.vocabulary) };
      if (this.planCache.size > 500) this.planCache.clear();
      this.planCache.set(key, planned);
    }
    if (planned.infos.size === 0 || limit <= 0) return { total: 0, offset, hits: [] };
    const run: SearchRun = {
      engine: this.engine,
      docAt: this.docAt,
      articles: this.articles,
      annotationTexts: this.annotationTexts,
      plan: planned.plan,
      infos: planned.infos,
      filters: opts.filters,
      sums: this.sums,
    };
    const filterKey = JSON.stringify(opts.filters ?? {});
    const matchKey = `${key}\u0000${filterKey}`;
    let matches = this.matchCache.get(matchKey);
    if (!matches) {
      // Typing on: when every expanded term of this query was one of the previous query's (same
      // filters; no quoted phrase, whose check state is per query), its matches are among the
      // documents the previous one touched, and only those are accumulated.
      const prev = this.lastCollected;
      const candidates =
        prev && prev.filterKey === filterKey && planned.plan.phrases.length === 0 && narrowable(prev.terms, planned.infos.keys()) ? prev.matches.touched : undefined;
      matches = collectMatches(run, candidates);
      if (matches.how === 'narrowed') this.narrowed++;
      else if (matches.how === 'head') this.headsReused++;
      const before = this.lastCollected?.matches;
      this.lastCollected = { filterKey, terms: new Set(planned.infos.keys()), matches };
      let evicted: Matches | undefined;
      if (this.matchCache.size >= MATCH_CACHE_SIZE) {
        const oldest = this.matchCache.keys().next().value as string;
        evicted = this.matchCache.get(oldest);
        this.matchCache.delete(oldest);
      }
      this.matchCache.set(matchKey, matches);
      this.release(before);
      this.release(evicted);
    } else {
      this.matchCache.delete(matchKey);
      this.matchCache.set(matchKey, matches);
    }
    const page = selectPage(run, matches, offset, limit);
    const hits: SearchHit[] = [];
    for (const { doc, score } of page) {
      const hit = toHit(run, doc, score, opts.snippets ?? true);
      if (hit) hits.push(hit);
    }
    const total = matches.docs.length - matches.rejected;
    // Phrase candidates not yet checked against their text: the total is an upper bound.
    const approximate = matches.state !== null && matches.checked < matches.docs.length;
    return approximate ? { total, offset, hits, approximate } : { total, offset, hits };
  }

  /**
   * Re-encodes the postings compactly (same contents, same short ids), in slices that yield to
   * the event loop every `sliceMs` (tests pass 0 to count slices by work rather than by time);
   * skipped when the index changes meanwhile (the maps stay, equally valid).
   */
  private async compact(sliceMs?: number): Promise<void> {
    this.engine.purge((term) => this.vocabulary.remove(term));
    const before = this.engine;
    const snapshot = await before.snapshotYielding(sliceMs);
    if (!snapshot) return;
    const version = before.version;
    const compacted = await Engine.fromSnapshot(snapshot, () => undefined);
    if (this.engine !== before || before.version !== version) return;
    this.engine = compacted;
    this.cacheVersion = -1;
    this.planCache.clear();
    this.dropMatches();
    this.sums.length = 0;
  }

  /** Recycles `m`'s buffers unless the match cache or the narrowing state still holds it. */
  private release(m: Matches | undefined): void {
    if (!m || this.lastCollected?.matches === m) return;
    for (const held of this.matchCache.values()) if (held === m) return;
    recycleMatches(m);
  }

  /** Empties the match cache and the narrowing state, recycling their buffers. */
  private dropMatches(): void {
    const held = [...this.matchCache.values()];
    if (this.lastCollected) held.push(this.lastCollected.matches);
    this.matchCache.clear();
    this.lastCollected = null;
    for (const m of held) recycleMatches(m);
  }

  /** Saves the index atomically under `dataDir`. */
  async save(): Promise<void> {
    // Nothing changed since the last load or save: the files on disk are already this index.
    if (!this.dirty) return;
    this.engine.purge((term) => this.vocabulary.remove(term));
    await saveState(this.dataDir, {
      analyzer: ANALYZER_VERSION,
      fingerprint: this.fingerprint,
      signatures: this.signatures,
      docs: this.docs,
      bigrams: this.bigrams,
      // Walked in slices; an index changed meanwhile is walked again at once.
      snapshot: (await this.engine.snapshotYielding()) ?? this.engine.snapshot(),
    });
    this.dirty = false;
  }

  /** True when the index has changes not yet saved. */
  get unsaved(): boolean {
    return this.dirty;
  }

  private newVocabulary(): Vocabulary {
    return new Vocabulary((term) => this.engine.documentFrequency(term));
  }

  /**
   * Articles with a version that could not be fully analysed (indexed partly empty), by article
   * id then language: the app lists them with the skipped files, so the user knows why a search
   * misses them.
   */
  unindexed(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return this.analysisFailures;
  }

  private readonly analysisFailures = new Map<string, Map<string, string>>();

  private insert(item: AnalyzedDoc, meta: DocMeta): void {
    if (item.failed) {
      const byLang = this.analysisFailures.get(meta.articleId) ?? new Map<string, string>();
      byLang.set(meta.lang, item.failed);
      this.analysisFailures.set(meta.articleId, byLang);
    }
    this.engine.addAnalyzed(item, this.addToVocabulary);
    const shortId = this.engine.shortIdOf(item.id);
    if (shortId !== undefined) this.docAt[shortId] = { id: item.id, meta, bloom: item.bigrams, article: this.articleNo(meta.articleId) };
    this.docs.set(item.id, meta);
    this.bigrams.set(item.id, item.bigrams);
    this.docIdsOf(meta.articleId).push(item.id);
  }

  /** Article numbers (DocEntry.article): given once per article id, never reused. */
  private readonly articleNos = new Map<string, number>();

  private articleNo(articleId: string): number {
    let no = this.articleNos.get(articleId);
    if (no === undefined) this.articleNos.set(articleId, (no = this.articleNos.size));
    return no;
  }

  private readonly addToVocabulary = (term: string): void => this.vocabulary.add(term);

  private docIdsOf(articleId: string): string[] {
    let ids = this.docIdsByArticle.get(articleId);
    if (!ids) this.docIdsByArticle.set(articleId, (ids = []));
    return ids;
  }

  private discardDocs(articleId: string): void {
    this.analysisFailures.delete(articleId);
    for (const id of this.docIdsByArticle.get(articleId) ?? []) {
      const shortId = this.engine.shortIdOf(id);
      if (shortId !== undefined) this.docAt[shortId] = undefined;
      this.engine.discardDoc(id);
      this.docs.delete(id);
      this.bigrams.delete(id);
    }
    this.docIdsByArticle.set(articleId, []);
  }
}
