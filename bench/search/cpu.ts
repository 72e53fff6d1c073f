/**
 * Search CPU time per query, in one process: what a loaded machine cannot blur. Wall-clock
 * percentiles (run.ts) swing several-fold with other processes on the cores; the CPU time a
 * query takes (`process.cpuUsage`, all threads, so garbage collection counts) does not.
 *   node --expose-gc --import tsx bench/search/cpu.ts [--n 50000] [--rounds 2] [--src DIR]
 * Writes a topical corpus (topical.ts) to a temporary folder, builds Folio's index, runs the
 * topical mix once untimed, then `rounds` × (the mix, then the typed sequences keystroke by
 * keystroke) and prints CPU p50 / p95 / mean for each. `--src` points at another checkout's
 * folder holding `src-main` (to compare two versions on the same corpus).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeTopicalCorpus } from './topical';
import { defaultScan } from './scan';
import { keystrokes, TOPICAL_MIX, TYPED_SEQUENCES } from './queries';
import type { SearchIndex as SearchIndexType } from '../../src-main/core/search/index';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '2' },
    src: { type: 'string', default: '.' },
    samples: { type: 'string', default: '../shared/samples' },
  },
});

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function summary(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number): string => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} p95 ${at(0.95)} mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)} ms (${times.length} queries)`;
}

const root = await mkdtemp(join(tmpdir(), 'folio-bench-cpu-'));
try {
  const corpus = join(root, 'corpus');
  await writeTopicalCorpus(corpus, { n: Number(args.n), samplesDir: args.samples });
  const mod = (await import(pathToFileURL(resolve(args.src ?? '.', 'src-main/core/search/index.ts')).href)) as { SearchIndex: typeof SearchIndexType };
  const index = await mod.SearchIndex.open({ dataDir: join(root, 'data'), fingerprint: corpus });
  await index.reconcile(await defaultScan(corpus), () => undefined);
  for (const q of TOPICAL_MIX) index.searchPage(q.q, { limit: 20 });
  const typed = (TYPED_SEQUENCES.topical ?? []).flatMap(keystrokes);
  const mix: number[] = [];
  const typing: number[] = [];
  for (let r = 0; r < Number(args.rounds); r++) {
    for (const q of TOPICAL_MIX) {
      const c = cpuMs();
      index.searchPage(q.q, { limit: 20 });
      mix.push(cpuMs() - c);
    }
    for (const q of typed) {
      const c = cpuMs();
      index.searchPage(q.q, { limit: 20 });
      typing.push(cpuMs() - c);
    }
  }
  console.log(`topical N=${args.n}, ${args.src}: CPU per query: mix ${summary(mix)}; as you type ${summary(typing)}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
