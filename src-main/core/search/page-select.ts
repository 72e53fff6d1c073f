/**
 * Step 3 of a search (search-run.ts): the requested page of the matches, by top-k with early
 * termination, phrase candidates checked against their text on the way.
 */
import { bloomHasKey, bloomKey } from './bloom';
import { publicScore, tierKey } from './rank';
import { phraseInText, type Matches, type SearchRun } from './search-run';

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

