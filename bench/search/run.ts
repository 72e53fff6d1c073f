/**
 * Search benchmark: Folio's index against three peers on the same generated corpus, each in its
 * own child processes (build, then a fresh process for the warm start):
 * stock MiniSearch (README configuration: default tokenizer, fields title+body, storeFields
 * title), FlexSearch 0.8 and SQLite FTS5 (peers.ts).
 *   node --import tsx bench/search/run.ts [--mix topical,news] [--n 1000,10000] [--rounds 5]
 *     [--workers N] [--scan-module PATH] [--samples DIR] [--peers stock,flex,fts5]
 * `topical`: a one-subject Vietnamese library (topical.ts); `news`: a general mix (corpus.ts).
 * Writes bench-results/search-<mix>-N.json and prints every figure as Folio's ratio to each peer.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { writeCorpus } from './corpus';
import { writeTopicalCorpus } from './topical';
import { loadSqlite } from './peers';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '5' },
    workers: { type: 'string' },
    'scan-module': { type: 'string' },
    keep: { type: 'boolean', default: false },
    mix: { type: 'string', default: 'topical,news' },
    samples: { type: 'string', default: '../shared/samples' },
    peers: { type: 'string', default: 'stock,flex,fts5' },
  },
});

type Side = 'stock' | 'flex' | 'fts5' | 'folio';
type Json = Record<string, unknown> & { query?: { p50: number; p95: number; p99: number; counts: Record<string, number>; typing?: { p50: number; p95: number } } };

async function child(side: Side, phase: 'build' | 'warm', corpus: string, data: string, mix: string): Promise<Json> {
  const extra = [
    ...(args.workers !== undefined ? ['--workers', args.workers] : []),
    ...(args['scan-module'] ? ['--scan-module', args['scan-module']] : []),
  ];
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', 'bench/search/side.ts', '--side', side, '--phase', phase, '--corpus', corpus, '--data', data, '--rounds', args.rounds ?? '5', '--mix', mix, ...extra],
    { maxBuffer: 64 * 2 ** 20 },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('RESULT ')) throw new Error(`no result from ${side}/${phase}: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice(7)) as Json;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

async function benchOne(mix: string, n: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), `folio-bench-${mix}-${n}-`));
  const corpus = join(root, 'corpus');
  const t0 = performance.now();
  const { files, bytes } = mix === 'topical' ? await writeTopicalCorpus(corpus, { n, samplesDir: args.samples }) : await writeCorpus(corpus, { n });
  console.log(`${mix} N=${n}: corpus ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms (${corpus})`);
  const peers = (args.peers ?? '').split(',').filter(Boolean) as Side[];
  if (peers.includes('fts5')) {
    const sqlite = await loadSqlite();
    if ('error' in sqlite) {
      console.log(`  fts5: skipped: ${sqlite.error}`);
      peers.splice(peers.indexOf('fts5'), 1);
    }
  }
  const results = {} as Record<Side, { build: Json; warm: Json }>;
  for (const side of [...peers, 'folio'] as Side[]) {
    const data = join(root, `data-${side}`);
    const build = await child(side, 'build', corpus, data, mix);
    const warm = await child(side, 'warm', corpus, data, mix);
    results[side] = { build, warm };
    console.log(`  ${side}: built in ${build.buildMs} ms, warm start ${warm.warmMs} ms, p95 ${build.query?.p95} ms`);
  }
  const f = results.folio;
  const metric = (r: { build: Json; warm: Json }): Record<string, number> => ({
    'index build (ms)': num(r.build.buildMs),
    'warm start (ms)': num(r.warm.warmMs),
    'RSS after build (MB)': num(r.build.rssMB),
    'persisted size (MB)': num(r.build.persistedBytes) / 2 ** 20,
    'query p50 (ms)': num(r.build.query?.p50),
    'query p95 (ms)': num(r.build.query?.p95),
    'query p99 (ms)': num(r.build.query?.p99),
    'as-you-type p50 (ms)': num(r.build.query?.typing?.p50),
    'as-you-type p95 (ms)': num(r.build.query?.typing?.p95),
  });
  const mine = metric(f);
  const theirs = Object.fromEntries(peers.map((p) => [p, metric(results[p])]));
  const head = `  ${'metric'.padEnd(22)} ${'folio'.padStart(9)} ${peers.map((p) => `${p.padStart(9)} ${'ratio'.padStart(6)}`).join(' ')}`;
  console.log(`\n  ${mix} N=${n}  (ratio = folio / peer)\n${head}`);
  for (const name of Object.keys(mine)) {
    const a = mine[name] as number;
    const cells = peers.map((p) => {
      const b = (theirs[p] as Record<string, number>)[name] as number;
      return `${b.toFixed(1).padStart(9)} ${(Number.isFinite(b) && b > 0 ? ratio(a, b).toFixed(2) : '—').padStart(6)}`;
    });
    console.log(`  ${name.padEnd(22)} ${a.toFixed(1).padStart(9)} ${cells.join(' ')}`);
  }
  const perQuery = Object.entries(f.build.recall as Record<string, number>).map(([q, folio]) => ({
    q,
    folio,
    ...Object.fromEntries(peers.map((p) => [p, results[p].build.query?.counts[q] ?? 0])),
  }));
  console.log(`\n  folio keystrokes narrowed to the previous query's candidates: ${String(f.build.narrowed)}; reusing the sums of the words before the last: ${String(f.build.headsReused)}`);
  console.log(`\n  results per query (folio: matching articles in all; stock: all matches; flex, fts5: top 20)`);
  for (const r of perQuery) console.log(`    ${r.q.padEnd(26)} ${Object.entries(r).filter(([k]) => k !== 'q').map(([k, v]) => `${k} ${String(v).padStart(6)}`).join('  ')}`);
  await mkdir('bench-results', { recursive: true });
  const out = {
    mix,
    n,
    corpus: { files, bytes },
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version, load: (await import('node:os')).loadavg() },
    metrics: { folio: mine, ...theirs },
    perQuery,
    raw: results,
  };
  await writeFile(join('bench-results', `search-${mix}-${n}.json`), JSON.stringify(out, null, 2));
  if (!args.keep && existsSync(root)) await rm(root, { recursive: true, force: true });
}

for (const mix of (args.mix ?? 'topical').split(',').filter(Boolean)) {
  for (const n of (args.n ?? '').split(',').map(Number).filter((x) => x > 0)) await benchOne(mix, n);
}
