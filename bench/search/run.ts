/**
 * Search benchmark: Folio's index against stock MiniSearch (README configuration: default
 * tokenizer, exact terms, fields title+body, storeFields title) on the same generated corpus.
 *   node --import tsx bench/search/run.ts [--n 1000,10000] [--rounds 5] [--workers N] [--scan-module PATH]
 * Each side runs in its own child process (build, then a fresh process for the warm start).
 * Writes bench-results/search-N.json and prints a table.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { writeCorpus } from './corpus';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '5' },
    workers: { type: 'string' },
    'scan-module': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

type Side = 'stock' | 'folio';
type Json = Record<string, unknown> & { query?: { p50: number; p95: number; p99: number; counts: Record<string, number> } };

async function child(side: Side, phase: 'build' | 'warm', corpus: string, data: string): Promise<Json> {
  const extra = [
    ...(args.workers !== undefined ? ['--workers', args.workers] : []),
    ...(args['scan-module'] ? ['--scan-module', args['scan-module']] : []),
  ];
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', 'bench/search/side.ts', '--side', side, '--phase', phase, '--corpus', corpus, '--data', data, '--rounds', args.rounds ?? '5', ...extra],
    { maxBuffer: 64 * 2 ** 20 },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('RESULT ')) throw new Error(`no result from ${side}/${phase}: ${stdout.slice(-500)}`);
  return JSON.parse(line.slice(7)) as Json;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

async function benchOne(n: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), `folio-bench-${n}-`));
  const corpus = join(root, 'corpus');
  const t0 = performance.now();
  const { files, bytes } = await writeCorpus(corpus, { n });
  console.log(`N=${n}: corpus ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms (${corpus})`);
  const results: Record<Side, { build: Json; warm: Json }> = {} as never;
  for (const side of ['stock', 'folio'] as const) {
    const data = join(root, `data-${side}`);
    const build = await child(side, 'build', corpus, data);
    const warm = await child(side, 'warm', corpus, data);
    results[side] = { build, warm };
    console.log(`  ${side}: built in ${build.buildMs} ms, warm start ${warm.warmMs} ms`);
  }
  const s = results.stock;
  const f = results.folio;
  const rows: [string, number, number, string][] = [
    ['scan+parse (ms)', num(s.build.scanMs), num(f.build.scanMs), ''],
    ['index build (ms)', num(s.build.buildMs), num(f.build.buildMs), '≤ 1.5'],
    ['persisted size (MB)', num(s.build.persistedBytes) / 2 ** 20, num(f.build.persistedBytes) / 2 ** 20, ''],
    ['warm start (ms)', num(s.warm.warmMs), num(f.warm.warmMs), '≤ 0.5'],
    ['RSS after build (MB)', num(s.build.rssMB), num(f.build.rssMB), '≤ 1.5'],
    ['heap after build (MB)', num(s.build.heapMB), num(f.build.heapMB), ''],
    ['query p50 (ms)', num(s.build.query?.p50), num(f.build.query?.p50), ''],
    ['query p95 (ms)', num(s.build.query?.p95), num(f.build.query?.p95), '≤ 0.2'],
    ['query p99 (ms)', num(s.build.query?.p99), num(f.build.query?.p99), ''],
  ];
  console.log(`\n  N=${n}   ${'metric'.padEnd(22)} ${'stock'.padStart(10)} ${'folio'.padStart(10)} ${'ratio'.padStart(7)}  target`);
  for (const [name, a, b, target] of rows) {
    console.log(`  ${''.padEnd(n.toString().length + 5)}${name.padEnd(22)} ${a.toFixed(1).padStart(10)} ${b.toFixed(1).padStart(10)} ${ratio(b, a).toFixed(2).padStart(7)}  ${target}`);
  }
  const folded = Object.entries(f.build.recall as Record<string, number>).map(([q, folio]) => ({ q, stock: s.build.query?.counts[q] ?? 0, folio }));
  console.log('\n  results per query (stock: all matches; folio: articles, no limit)');
  for (const r of folded) console.log(`    ${r.q.padEnd(28)} stock ${String(r.stock).padStart(6)}  folio ${String(r.folio).padStart(6)}`);
  await mkdir('bench-results', { recursive: true });
  const out = {
    n,
    corpus: { files, bytes, seed: 20_240_917 },
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    metrics: Object.fromEntries(rows.map(([name, a, b, target]) => [name, { stock: a, folio: b, ratio: ratio(b, a), target }])),
    perQuery: folded,
    raw: results,
  };
  await writeFile(join('bench-results', `search-${n}.json`), JSON.stringify(out, null, 2));
  if (!args.keep && existsSync(root)) await rm(root, { recursive: true, force: true });
}

for (const n of (args.n ?? '').split(',').map(Number).filter((x) => x > 0)) await benchOne(n);
