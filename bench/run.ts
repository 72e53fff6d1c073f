/**
 * `npm run bench`: every benchmark, one after another, each in its own process. Figures are
 * reported as ratios against a baseline measured in the same run (see each script).
 *   npm run bench                 search (10k), PDF, reader, UI at scale, algorithm cost, export stall,
 *                                 annotation store, CLI commands on a warm 10k library
 *   npm run bench -- --n 1000,10000,50000   search corpus sizes
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const nIndex = args.indexOf('--n');
const sizes = nIndex >= 0 ? (args[nIndex + 1] ?? '10000') : '10000';
const uiIndex = args.indexOf('--ui-n');
const uiSizes = uiIndex >= 0 ? (args[uiIndex + 1] ?? '100,10000') : '100,10000';

const steps: Array<[string, string[]]> = [
  ['search + library scan', ['bench/search/run.ts', '--n', sizes, '--scan-module', 'bench/search/library-scan.ts']],
  ['annotated PDF export', ['bench/pdf/run.ts']],
  ['one-article PDF export from the CLI', ['bench/pdf/cli-one-article.ts']],
  ['complex-script shaping in the PDF (HarfBuzz load, shaped vs plain export)', ['bench/pdf/shaping.ts']],
  ['reader first paint', ['bench/reader/first-paint.ts']],
  ['interface at scale (100 / 10k articles; add 50000 with --ui-n)', ['bench/ui/scale.ts', '--n', uiSizes]],
  ['algorithm and hostile-input cost', ['bench/cost/run.ts']],
  ['requests during a 200-article export', ['bench/bridge/export-stall.ts']],
  ['annotation store: new note at 20,000 annotations', ['bench/annotations/new-note.ts']],
  ['CLI commands on a warm 10k library (fresh processes, against the previous cache design)', ['bench/library/open.ts']],
];

let failed = 0;
for (const [name, script] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...script], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: ${name} failed (exit ${r.status})`);
  }
}
console.log(`\nBenchmarks written to bench-results/. ${failed ? `${failed} failed.` : 'All completed.'}`);
process.exit(failed ? 1 : 0);
