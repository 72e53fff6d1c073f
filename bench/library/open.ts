/**
 * Benchmark: one-shot CLI commands on a warm 10,000-article library, each a fresh process, from
 * start to exit: `folio list`, `show <id>`, `search <query>`, `annotations` and
 * `export <id> --pdf`, as medians, against `node -e ''` (bare Node start-up) and against the
 * previous design (one whole-library JSON cache, parsers loaded at start-up) built from
 * `--baseline REV` (default: the commit before the split cache) in the same run.
 *
 * Needs the built CLI (`npm run build`) and git for the baseline (`--no-baseline` skips it).
 * Run: node --import tsx bench/library/open.ts [--n 10000] [--runs 5] [--baseline REV]
 * → prints a table, writes bench-results/library-open.json. Everything is written to a temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { writeTopicalCorpus } from '../search/topical';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => { const i = args.indexOf(`--${name}`); return i >= 0 ? (args[i + 1] ?? dflt) : dflt; };
const N = Number(opt('n', '10000'));
const RUNS = Number(opt('runs', '5'));
/** The last commit with the single-file cache (format 5). */
const BASELINE = opt('baseline', '57ca6ec');
const withBaseline = !args.includes('--no-baseline');
const QUERY = 'dân vận';

const repo = path.resolve('.');
const dir = mkdtempSync(path.join(tmpdir(), 'folio-bench-open-'));
const lib = path.join(dir, 'lib');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface Design {
  name: string;
  cli: string;
  data: string;
}

/** Builds the CLI of `rev` in a temp folder (sources from git, node_modules linked). */
function buildBaseline(rev: string): string {
  const src = path.join(dir, 'baseline');
  mkdirSync(src);
  execFileSync('sh', ['-c', `git -C "${repo}" archive ${rev} | tar -x -C "${src}"`]);
  symlinkSync(path.join(repo, 'node_modules'), path.join(src, 'node_modules'));
  execFileSync(process.execPath, [path.join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: src, stdio: 'ignore' });
  return path.join(src, 'bin/folio.js');
}

/** CPU seconds (user + system) of each child, when GNU time is there: steadier than wall time on a shared machine. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cpu = new Map<string, number[]>();

function run(cmd: string[], key?: string): number {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '@cpu %U %S', process.execPath, ...cmd], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, cmd, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const m = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (key && m) cpu.set(key, [...(cpu.get(key) ?? []), (Number(m[1]) + Number(m[2])) * 1000]);
  return ms;
}

function dirBytes(d: string): number {
  return readdirSync(d).reduce((s, n) => s + statSync(path.join(d, n)).size, 0);
}

try {
  const corpus = await writeTopicalCorpus(lib, { n: N });
  console.log(`library: ${corpus.files} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB (load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const designs: Design[] = [{ name: 'split cache', cli: path.join(repo, 'bin/folio.js'), data: path.join(dir, 'data-new') }];
  if (withBaseline) designs.push({ name: `previous (${BASELINE})`, cli: buildBaseline(BASELINE), data: path.join(dir, 'data-old') });
  const out = path.join(dir, 'one.pdf');
  const rows: Record<string, Record<string, number>> = {};
  const indexMs: Record<string, number> = {};
  let id = '';
  for (const d of designs) {
    indexMs[d.name] = run([d.cli, 'index', lib, '--data', d.data]);
    const list = JSON.parse(execFileSync(process.execPath, [d.cli, 'list', lib, '--data', d.data, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Array<{ id: string }>;
    id = list[0]?.id ?? '';
    if (!id) throw new Error('empty library');
    execFileSync(process.execPath, [d.cli, 'annotate', lib, id, '--quote', 'dân', '--occurrence', '1', '--note', 'ghi chú', '--data', d.data], { stdio: 'ignore' });
  }
  const commands: Array<[string, (d: Design) => string[]]> = [
    ['list', (d) => [d.cli, 'list', lib, '--data', d.data]],
    ['show <id>', (d) => [d.cli, 'show', lib, id, '--data', d.data]],
    [`search "${QUERY}"`, (d) => [d.cli, 'search', lib, QUERY, '--data', d.data]],
    ['annotations', (d) => [d.cli, 'annotations', lib, '--data', d.data]],
    ['export <id> --pdf', (d) => [d.cli, 'export', lib, id, '--pdf', out, '--data', d.data]],
  ];
  const nodeMs: number[] = [];
  const times = new Map<string, number[]>();
  // Interleaved, so both designs see the same load.
  for (let r = 0; r < RUNS; r++) {
    nodeMs.push(run(['-e', ''], 'node'));
    for (const [name, argv] of commands) {
      for (const d of designs) {
        const key = `${d.name}\u0000${name}`;
        times.set(key, [...(times.get(key) ?? []), run(argv(d), key)]);
      }
    }
  }
  const node = median(nodeMs);
  console.log(`\nmedian of ${RUNS} fresh processes; node -e '': ${Math.round(node)} ms`);
  const nodeCpu = cpu.has('node') ? median(cpu.get('node') ?? []) : null;
  console.log(`wall (and CPU, user + system) of each command; node -e '' CPU: ${nodeCpu === null ? '—' : `${Math.round(nodeCpu)} ms`}`);
  console.log(`${'command'.padEnd(20)} ${designs.map((d) => d.name.padStart(26)).join(' ')}   ×node -e${withBaseline ? '   new/old (wall, CPU)' : ''}`);
  const cpuRows: Record<string, Record<string, number>> = {};
  for (const [name] of commands) {
    const ms = designs.map((d) => median(times.get(`${d.name}\u0000${name}`) ?? []));
    const cs = designs.map((d) => { const c = cpu.get(`${d.name}\u0000${name}`); return c ? median(c) : NaN; });
    rows[name] = Object.fromEntries(designs.map((d, i) => [d.name, Math.round(ms[i] as number)]));
    cpuRows[name] = Object.fromEntries(designs.map((d, i) => [d.name, Math.round(cs[i] as number)]));
    const ratio = withBaseline ? `   ${((ms[0] as number) / (ms[1] as number)).toFixed(2)}, ${((cs[0] as number) / (cs[1] as number)).toFixed(2)}` : '';
    console.log(`${name.padEnd(20)} ${ms.map((m, i) => `${Math.round(m)} (${Math.round(cs[i] as number)}) ms`.padStart(26)).join(' ')}   ${((ms[0] as number) / node).toFixed(1).padStart(8)}${ratio}`);
  }
  const result = {
    operation: 'library-open-cli',
    node: process.version,
    articles: corpus.files,
    load: loadavg(),
    runs: RUNS,
    nodeStartMs: Math.round(node),
    indexMs: Object.fromEntries(Object.entries(indexMs).map(([k, v]) => [k, Math.round(v)])),
    dataBytes: Object.fromEntries(designs.map((d) => [d.name, dirBytes(d.data)])),
    commands: rows,
    cpuMs: cpuRows,
    nodeStartCpuMs: nodeCpu === null ? null : Math.round(nodeCpu),
    target: 'search ≤ 1000 ms; list/show/annotations/export do not grow with the library',
    date: new Date().toISOString(),
  };
  const outDir = path.resolve('bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'library-open.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
