/**
 * The MiniSearch instance Folio uses: fields, pre-analysed input, and a compact binary
 * snapshot. MiniSearch's own JSON (toJSON/loadJS) turns every posting into an object key and
 * exceeds V8's string limit on large libraries; the snapshot stores postings as a Uint32Array
 * and rebuilds MiniSearch's maps directly (a subclass may touch its protected state).
 */
import MiniSearch, { type Options } from 'minisearch';
import { FIELDS } from './documents';
import { TERM_SEPARATOR } from './analyzer';
import type { AnalyzedDoc } from './analyze-doc';
import { LazyTermData, type TermData } from './lazy-term';
import { computeImpacts, FieldStats, type Impacts } from './impacts';
import type { Scoring } from './accumulate';
import { BulkPostings } from './bulk';

/** A document as MiniSearch receives it: each field is a TERM_SEPARATOR-joined term list. */
export type IndexedDoc = { id: string } & Record<(typeof FIELDS)[number], string>;

import { FIELD_BOOST } from './boosts';

export { FIELD_BOOST };

/** MiniSearch options shared by building and loading (MiniSearch requires the same on load). */
export function engineOptions(): Options<IndexedDoc> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    // Terms arrive analysed (analyzer.ts, possibly in a worker): only split and pass through.
    tokenize: (text) => (text === '' ? [] : text.split(TERM_SEPARATOR)),
    processTerm: (term) => term || null,
    // Discarded documents' postings are purged by `purge` (exactly, before the next search),
    // not by MiniSearch's background vacuum, whose timing would make results depend on history.
    autoVacuum: false,
    searchOptions: {
      tokenize: (query) => [query],
      processTerm: (term) => term,
      boost: { ...FIELD_BOOST },
    },
  };
}

/** The plain parts of a snapshot (everything but the Uint32 arrays and strings). */
export interface SnapshotHeader {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  dirtCount: number;
}

/** A serialised engine: header, ids, and numeric arrays. */
export interface Snapshot {
  header: SnapshotHeader;
  /** Document ids joined by TERM_SEPARATOR, in the order of `shortIds`. */
  ids: string;
  shortIds: Uint32Array;
  /** Per document (same order), one length per field. */
  fieldLength: Uint32Array;
  /** Index terms joined by TERM_SEPARATOR. */
  terms: string;
  /** Per term: field count, then per field: fieldId, n, then n × (shortId, freq). */
  postings: Uint32Array;
}

/** Thrown when a snapshot does not decode; the caller rebuilds. */
export class SnapshotError extends Error {
  readonly code = 'SEARCH_INDEX_CORRUPT';
}

/** MiniSearch plus compact snapshot support. */
export class Engine extends MiniSearch<IndexedDoc> {
  constructor() {
    super(engineOptions());
  }

  /**
   * Adds a pre-analysed document: the same bookkeeping as MiniSearch's `add` (document ids,
   * field lengths as distinct-term counts, average field length), but each distinct term is
   * inserted once with its frequency instead of once per occurrence. Calls `onNewTerm` with
   * each term that was not in the index before.
   */
  addAnalyzed(doc: AnalyzedDoc, onNewTerm?: (term: string) => void): void {
    if (this._idToShortId.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`);
    const shortId = this._nextId++;
    this._idToShortId.set(doc.id, shortId);
    this._documentIds.set(shortId, doc.id);
    this._documentCount += 1;
    const count = this._documentCount - 1;
    const lengths: number[] = [];
    this._fieldLength.set(shortId, lengths);
    this.stats.reserve(shortId);
    const bulk = this.bulk;
    doc.fields.forEach((field, fieldId) => {
      const terms = field.terms === '' ? [] : field.terms.split(TERM_SEPARATOR);
      lengths[fieldId] = terms.length;
      this.stats.setLength(shortId, fieldId, terms.length);
      const avg = this._avgFieldLength[fieldId] ?? 0;
      this._avgFieldLength[fieldId] = (avg * count + terms.length) / (count + 1);
      if (bulk) {
        for (let i = 0; i < terms.length; i++) {
          const term = terms[i] as string;
          if (bulk.add(term, fieldId, shortId, field.freqs[i] ?? 1)) onNewTerm?.(term);
        }
        return;
      }
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i] as string;
        let data = this._index.get(term);
        if (!data) {
          this._index.set(term, (data = new Map()));
          onNewTerm?.(term);
        }
        let freqs = data.get(fieldId);
        if (!freqs) data.set(fieldId, (freqs = new Map()));
        freqs.set(shortId, field.freqs[i] ?? 1);
      }
    });
    this.changed();
  }

  /** Postings of a first build being collected compactly (bulk.ts); null otherwise. */
  private bulk: BulkPostings | null = null;

  /**
   * Starts collecting postings compactly instead of in MiniSearch's maps. Only an engine whose
   * index holds no term can (every term is then new, so no list needs merging); returns false
   * otherwise. Until `endBulk`, added documents are not searchable.
   */
  beginBulk(): boolean {
    if (this.bulk) return true;
    if (this._index.size > 0 || this.pendingPurge.size > 0) return false;
    this.bulk = new BulkPostings(FIELDS.length);
    return true;
  }

  /**
   * Puts the collected postings into the index as encoded terms (lazy-term.ts), exactly as a
   * saved index is loaded, skipping documents discarded meanwhile; calls `onGoneTerm` with terms
   * left without any document.
   */
  endBulk(onGoneTerm?: (term: string) => void): void {
    const bulk = this.bulk;
    if (!bulk) return;
    this.bulk = null;
    const { terms, offsets, postings, dropped } = bulk.encode((shortId) => this._documentIds.has(shortId));
    bulk.release();
    for (let t = 0; t < terms.length; t++) {
      const data = new LazyTermData(postings, offsets[t] as number);
      this._index.set(terms[t] as string, data);
      this.lazy.push(data);
    }
    for (const term of dropped) onGoneTerm?.(term);
    // Discarded documents' postings were never added: nothing is left to purge for them.
    this.pendingPurge.clear();
    this._dirtCount = 0;
    this.changed();
  }

  /** True while a bulk build collects postings (`beginBulk`). */
  get inBulk(): boolean {
    return this.bulk !== null;
  }

  /** Per-field lengths and totals kept exactly (integers), for scoring (impacts.ts). */
  readonly stats = new FieldStats(FIELDS.length);
  /** Short ids discarded but whose postings are still in the index. */
  private readonly pendingPurge = new Set<number>();
  /** Bumped on every change; caches keyed on it (plans, matches, saved sums) are dropped when it moves. */
  version = 0;

  private changed(): void {
    this.version++;
  }

  /** Removes a document: MiniSearch's `discard` bookkeeping now, its postings at the next `purge`. */
  discardDoc(id: string): void {
    const shortId = this._idToShortId.get(id);
    if (shortId === undefined) return;
    this.discard(id);
    this.stats.remove(shortId);
    this.pendingPurge.add(shortId);
    this.changed();
  }

  /**
   * Deletes the postings of discarded documents and the terms left without any, calling
   * `onGoneTerm` for each. Afterwards the index holds exactly what a fresh one built from the
   * remaining documents would (document frequencies included), whatever the history.
   */
  purge(onGoneTerm?: (term: string) => void): void {
    if (this.pendingPurge.size === 0) return;
    const gone = this.pendingPurge;
    const emptied: string[] = [];
    for (const [term, data] of this._index) {
      // Still-encoded terms are read in place: no decoding unless a removed document is there.
      if (data instanceof LazyTermData && data.pending && !data.holdsAny(gone)) continue;
      for (const [fieldId, freqs] of data) {
        if (gone.size < freqs.size) {
          for (const id of gone) freqs.delete(id);
        } else {
          for (const id of freqs.keys()) if (gone.has(id)) freqs.delete(id);
        }
        if (freqs.size === 0) data.delete(fieldId);
      }
      if (data.size === 0) emptied.push(term);
    }
    for (const term of emptied) {
      this._index.delete(term);
      onGoneTerm?.(term);
    }
    this._dirtCount = 0;
    gone.clear();
    this.changed();
  }

  /** True when discarded documents still have postings (call `purge` before searching). */
  get needsPurge(): boolean {
    return this.pendingPurge.size > 0;
  }

  /** Documents holding `term` in the field where it is most frequent (0 when absent). */
  documentFrequency(term: string): number {
    const data = this._index.get(term);
    if (!data) return 0;
    if (data instanceof LazyTermData && data.pending) return data.documentFrequency();
    let most = 0;
    for (const freqs of data.values()) if (freqs.size > most) most = freqs.size;
    return most;
  }

  /**
   * BM25 impacts of `term` per document, as a list (impacts.ts): the reference the query path's
   * sums (accumulate.ts) are checked against. Searching never builds these lists.
   */
  impacts(term: string): Impacts {
    return computeImpacts(this._index.get(term), this.stats, this._documentCount);
  }

  /** The postings of `term` (fieldId → shortId → frequency; possibly still encoded), if indexed. */
  termData(term: string): TermData | undefined {
    return this._index.get(term);
  }

  /** What the query path needs to score postings (accumulate.ts). */
  scoring(): Scoring {
    return { n: this._documentCount, size: this._nextId, stats: this.stats };
  }

  /**
   * Field ids in which document `shortId` holds `term`, as a bit set (0: not at all). A
   * still-encoded term is searched in place (each field's list is ascending by short id):
   * reading MiniSearch's maps would decode it into a Map per field, tens of thousands of
   * entries for a frequent syllable, for each hit shown.
   */
  fieldsHolding(term: string, shortId: number): number {
    const data = this._index.get(term);
    if (!data) return 0;
    let bits = 0;
    const encoded =
      data instanceof LazyTermData &&
      data.forEachEncodedField((f, p, at, n) => {
        if (hasPair(p, at, n, shortId)) bits |= 1 << f;
      });
    if (encoded) return bits;
    for (const [fieldId, freqs] of data) if (freqs.has(shortId)) bits |= 1 << fieldId;
    return bits;
  }

  /** The short id of a document id (undefined when not indexed). */
  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /** The document id of a short id. */
  idOf(shortId: number): string | undefined {
    const id = this._documentIds.get(shortId);
    return id === undefined ? undefined : String(id);
  }

  /** One past the largest short id ever given (dense arrays are sized by it). */
  get nextShortId(): number {
    return this._nextId;
  }

  /** Serialises the index (including not-yet-vacuumed postings, as toJSON does). */
  snapshot(): Snapshot {
    this.purge();
    const steps = this.snapshotSteps();
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /**
   * `snapshot`, yielding to the event loop every `sliceMs` (a 10k-article index takes most of a
   * second to walk). Null when the index changed meanwhile (the caller retries or gives up).
   */
  async snapshotYielding(sliceMs = 10): Promise<Snapshot | null> {
    this.purge();
    const version = this.version;
    const steps = this.snapshotSteps();
    let last = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() - last > sliceMs) {
        await new Promise<void>((res) => setImmediate(res));
        if (this.version !== version) return null;
        last = performance.now();
      }
    }
  }

  /** The snapshot's work, yielding (nothing) every 256 terms so a driver may pause. */
  private *snapshotSteps(): Generator<void, Snapshot, void> {
    const ids: string[] = [];
    const shortIds: number[] = [];
    const nFields = FIELDS.length;
    const fieldLength = new Uint32Array(this._documentIds.size * nFields);
    let d = 0;
    for (const [shortId, id] of this._documentIds) {
      ids.push(String(id));
      shortIds.push(shortId);
      const lengths = this._fieldLength.get(shortId) ?? [];
      for (let f = 0; f < nFields; f++) fieldLength[d * nFields + f] = lengths[f] ?? 0;
      d++;
    }
    const terms: string[] = [];
    let size = 0;
    let t = 0;
    for (const [, data] of this._index) {
      size += 1;
      if (data instanceof LazyTermData && data.pending) size += data.encodedLength() - 1;
      else for (const freqs of data.values()) size += 2 + freqs.size * 2;
      if ((++t & 255) === 0) yield;
    }
    const postings = new Uint32Array(size);
    let at = 0;
    for (const [term, data] of this._index) {
      terms.push(term);
      // A still-encoded term is copied as it is (same layout), never decoded into maps.
      if (data instanceof LazyTermData && data.pending) at = data.copyEncoded(postings, at);
      else {
        postings[at++] = data.size;
        for (const [fieldId, freqs] of data) {
          postings[at++] = fieldId;
          postings[at++] = freqs.size;
          for (const [shortId, freq] of freqs) {
            postings[at++] = shortId;
            postings[at++] = freq;
          }
        }
      }
      if ((++t & 255) === 0) yield;
    }
    return {
      header: {
        documentCount: this._documentCount,
        nextId: this._nextId,
        fieldIds: { ...this._fieldIds },
        avgFieldLength: [...this._avgFieldLength],
        dirtCount: this._dirtCount,
      },
      ids: ids.join(TERM_SEPARATOR),
      shortIds: Uint32Array.from(shortIds),
      fieldLength,
      terms: terms.join(TERM_SEPARATOR),
      postings,
    };
  }

  /**
   * Rebuilds an engine from a snapshot. Terms go into the radix tree at once, their postings
   * stay encoded until first used (lazy-term.ts), so the index is searchable in a fraction of a
   * full decode; `materializeAll` finishes the work in the background. Calls `onTerm` with each
   * term and its document frequency (largest per-field count). Validates the layout while
   * walking it; yields to the event loop every few milliseconds.
   */
  static async fromSnapshot(s: Snapshot, onTerm: (term: string) => void): Promise<Engine> {
    const e = new Engine();
    const nFields = FIELDS.length;
    const ids = s.ids === '' ? [] : s.ids.split(TERM_SEPARATOR);
    if (ids.length !== s.shortIds.length || s.fieldLength.length !== ids.length * nFields) {
      throw new SnapshotError('Search index snapshot: document tables disagree');
    }
    e._documentCount = s.header.documentCount;
    e._nextId = s.header.nextId;
    e._fieldIds = s.header.fieldIds;
    e._avgFieldLength = s.header.avgFieldLength;
    e._dirtCount = s.header.dirtCount;
    ids.forEach((id, i) => {
      const shortId = s.shortIds[i] as number;
      if (shortId >= s.header.nextId) throw new SnapshotError('Search index snapshot: bad document id');
      e._documentIds.set(shortId, id);
      e._idToShortId.set(id, shortId);
      const lengths = Array.from(s.fieldLength.subarray(i * nFields, (i + 1) * nFields));
      e._fieldLength.set(shortId, lengths);
      e.stats.reserve(shortId);
      lengths.forEach((len, f) => e.stats.setLength(shortId, f, len));
    });
    const terms = s.terms === '' ? [] : s.terms.split(TERM_SEPARATOR);
    const p = s.postings;
    let at = 0;
    let lastYield = performance.now();
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as string;
      const start = at;
      const nf = p[at++];
      if (nf === undefined || nf > nFields) throw new SnapshotError('Search index snapshot: bad postings');
      for (let f = 0; f < nf; f++) {
        const fieldId = p[at++] as number;
        const n = p[at++] as number;
        if (at + n * 2 > p.length || fieldId >= nFields) throw new SnapshotError('Search index snapshot: truncated postings');
        at += n * 2;
      }
      const data = new LazyTermData(p, start);
      e._index.set(term, data);
      e.lazy.push(data);
      onTerm(term);
      if ((t & 1023) === 0 && performance.now() - lastYield > 12) {
        await new Promise<void>((r) => setImmediate(r));
        lastYield = performance.now();
      }
    }
    if (at !== p.length) throw new SnapshotError('Search index snapshot: trailing postings');
    return e;
  }

  /** Terms loaded from a snapshot whose postings may still be encoded. */
  private lazy: LazyTermData[] = [];

  /**
   * Decodes every still-encoded term in slices of a few milliseconds, yielding in between, so
   * memory settles and first queries pay nothing; the snapshot buffer is released at the end.
   */
  async materializeAll(sliceMs = 8): Promise<void> {
    let last = performance.now();
    for (let i = 0; i < this.lazy.length; i++) {
      (this.lazy[i] as LazyTermData).materialize();
      if (performance.now() - last > sliceMs) {
        await new Promise<void>((r) => setImmediate(r));
        last = performance.now();
      }
    }
    this.lazy = [];
  }
}

/** True when the `n` (shortId, frequency) pairs at `p[at]`, ascending by short id, hold `shortId`. */
function hasPair(p: Uint32Array, at: number, n: number, shortId: number): boolean {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((p[at + 2 * mid] as number) < shortId) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && p[at + 2 * lo] === shortId;
}
