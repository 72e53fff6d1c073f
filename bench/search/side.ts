/**
 * One side of the search benchmark, run in its own child process for clean memory figures:
 *   node --expose-gc --import tsx bench/search/side.ts --side stock|folio --phase build|warm \
 *     --corpus DIR --data DIR [--rounds 5] [--workers N] [--scan-module PATH]
 * Prints `RESULT {json}` as its last line.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { SearchIndex } from '../../src-main/core/search/index';
import { defaultScan, readRawDocs, type ScanFn } from './scan';
import { keystrokes, NEWS_MIX, TOPICAL_MIX, TYPED_SEQUENCES } from './queries';
import { peerBuild, peerWarm, type PeerName } from './peers';

const { values: args } = parseArgs({
  options: {
    side: { type: 'string' },
    phase: { type: 'string' },
    corpus: { type: 'string' },
    data: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    workers: { type: 'string' },
    'scan-module': { type: 'string' },
    mix: { type: 'string', default: 'news' },
  },
});
const side = args.side as 'stock' | 'folio' | PeerName;
const QUERY_MIX = args.mix === 'topical' ? TOPICAL_MIX : NEWS_MIX;
const phase = args.phase as 'build' | 'warm';
const corpus = args.corpus as string;
const dataDir = args.data as string;
const rounds = Number(args.rounds);
const STOCK_FILE = 'stock-index.json';
const STOCK_OPTIONS = { fields: ['title', 'body'], storeFields: ['title'] };

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const ms = (t0: number): number => Math.round((performance.now() - t0) * 10) / 10;
function memory(): { rssMB: number; heapMB: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMB: Math.round(m.rss / 2 ** 20), heapMB: Math.round(m.heapUsed / 2 ** 20) };
}
function percentiles(times: number[]): { p50: number; p95: number; p99: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number): number => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
async function scanFn(): Promise<ScanFn> {
  const mod = args['scan-module'];
  if (!mod) return defaultScan;
  return ((await import(pathToFileURL(resolve(mod)).href)) as { scan: ScanFn }).scan;
}
async function fileSize(...names: string[]): Promise<number> {
  let total = 0;
  for (const n of names) total += (await stat(join(dataDir, n))).size;
  return total;
}

type Percentiles = { p50: number; p95: number; p99: number };
const TYPED = (TYPED_SEQUENCES[args.mix ?? 'news'] ?? []).map(keystrokes);

/**
 * Times every query of the mix `rounds` times (after one warm-up round); then, each round, the
 * typed sequences keystroke by keystroke (`typing`), after the mix so no keystroke is cached.
 */
function timeQueries(run: (q: (typeof QUERY_MIX)[number]) => number): Percentiles & { counts: Record<string, number>; typing: Percentiles } {
  const counts: Record<string, number> = {};
  for (const q of QUERY_MIX) counts[q.q] = run(q);
  const times: number[] = [];
  const typing: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERY_MIX) {
      const t0 = performance.now();
      run(q);
      times.push(performance.now() - t0);
    }
    for (const seq of TYPED) {
      for (const q of seq) {
        const t0 = performance.now();
        run(q);
        typing.push(performance.now() - t0);
      }
    }
  }
  return { ...percentiles(times), counts, typing: percentiles(typing) };
}

async function main(): Promise<Record<string, unknown>> {
  await mkdir(dataDir, { recursive: true });
  if (side === 'flex' || side === 'fts5') {
    if (phase === 'warm') return { ...(await peerWarm(side, dataDir, QUERY_MIX[0]?.q ?? 'dân')), ...memory() };
    const docs = await readRawDocs(corpus);
    const t0 = performance.now();
    const peer = await peerBuild(side, docs, dataDir);
    const buildMs = ms(t0);
    const mem = memory();
    const q = timeQueries((bq) => peer.search(bq));
    return { buildMs, docs: docs.length, persistedBytes: peer.persistedBytes, ...mem, query: q };
  }
  if (side === 'stock') {
    let t0 = performance.now();
    const docs = await readRawDocs(corpus);
    const scanMs = ms(t0);
    if (phase === 'warm') {
      t0 = performance.now();
      const index = MiniSearch.loadJSON(await readFile(join(dataDir, STOCK_FILE), 'utf8'), STOCK_OPTIONS);
      const warmMs = ms(t0);
      const t1 = performance.now();
      const first = index.search(QUERY_MIX[1]?.q ?? 'dân chủ').length;
      return { warmMs, firstQueryMs: ms(t1), firstQueryHits: first, docs: index.documentCount, ...memory() };
    }
    t0 = performance.now();
    const index = new MiniSearch(STOCK_OPTIONS);
    index.addAll(docs);
    const buildMs = ms(t0);
    const mem = memory();
    t0 = performance.now();
    await writeFile(join(dataDir, STOCK_FILE), JSON.stringify(index));
    const saveMs = ms(t0);
    const q = timeQueries((bq) => index.search(bq.q, { prefix: bq.stockPrefix }).length);
    return { scanMs, buildMs, saveMs, persistedBytes: await fileSize(STOCK_FILE), docs: index.documentCount, terms: index.termCount, ...mem, query: q };
  }
  const scan = await scanFn();
  let t0 = performance.now();
  const articles = await scan(corpus);
  const scanMs = ms(t0);
  const workers = args.workers === undefined ? undefined : Number(args.workers);
  if (phase === 'warm') {
    t0 = performance.now();
    const index = await SearchIndex.open({ dataDir, fingerprint: corpus, workers });
    const loadMs = ms(t0);
    const changes = await index.reconcile(articles, () => undefined);
    const warmMs = ms(t0);
    const t1 = performance.now();
    const first = index.search(QUERY_MIX[1]?.q ?? 'dân chủ').length;
    const firstQueryMs = ms(t1);
    const ready = memory();
    await index.settle();
    const settledMs = ms(t0);
    return { warmMs, loadMs, firstQueryMs, firstQueryHits: first, settledMs, origin: index.origin, changes, docs: index.size, rssReadyMB: ready.rssMB, ...memory() };
  }
  t0 = performance.now();
  const index = await SearchIndex.open({ dataDir, fingerprint: corpus, workers }); // dataDir starts empty
  await index.reconcile(articles, () => undefined);
  const buildMs = ms(t0);
  const mem = memory();
  t0 = performance.now();
  await index.save();
  const saveMs = ms(t0);
  // In-app: the top 20 with snippets, the last word as a prefix (as-you-type), the true total.
  const q = timeQueries((bq) => index.searchPage(bq.q, { limit: 20 }).total);
  // Recall: how many articles each query finds without a limit (not timed).
  const recall: Record<string, number> = {};
  for (const bq of QUERY_MIX) recall[bq.q] = index.searchPage(bq.q, { limit: 1, snippets: false }).total;
  return { scanMs, buildMs, saveMs, narrowed: index.narrowed, headsReused: index.headsReused, buildMode: index.lastBuildMode, persistedBytes: await fileSize('search-index.json', 'search-index.bin'), docs: index.size, ...mem, query: q, recall };
}

main().then(
  (r) => {
    console.log(`RESULT ${JSON.stringify(r)}`);
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
