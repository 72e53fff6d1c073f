#!/usr/bin/env node
// `npm test`: build once (the CLI and e2e tests run the built app), then every vitest project
// (with core/ line coverage), then the time each part took and one closing summary line ("Tests: N passed, N failed,
// N skipped") that CI can read. Times are printed for reading; nothing asserts them.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const began = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

let buildMs = 0;
if (process.env.FOLIO_SKIP_BUILD !== '1') {
  const t0 = performance.now();
  const build = run(npx, ['electron-vite', 'build']);
  buildMs = performance.now() - t0;
  if (build.status !== 0) {
    console.error('npm test: the build failed');
    process.exit(build.status ?? 1);
  }
}

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
// Coverage (core/ lines, threshold in vitest.config.ts) only for a full run: a filtered run
// (`npm test -- --project e2e`) would not reach core/ and fail the threshold.
const coverage = extra.length === 0 ? ['--coverage'] : [];
const testsBegan = performance.now();
const tests = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...coverage, ...extra]);

const testsMs = performance.now() - testsBegan;

/** The vitest project a test file belongs to (see vitest.config.ts). */
function projectOf(file) {
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
  if (rel.startsWith('tests/e2e/')) return 'e2e';
  if (rel.startsWith('tests/renderer/')) return 'dom';
  return 'node';
}

try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const byProject = new Map();
  for (const f of report.testResults ?? []) {
    const p = byProject.get(projectOf(f.name)) ?? { files: 0, tests: 0, start: Infinity, end: 0, busy: 0, slowest: [] };
    p.files++;
    p.tests += f.assertionResults?.length ?? 0;
    p.start = Math.min(p.start, f.startTime);
    p.end = Math.max(p.end, f.endTime);
    p.busy += f.endTime - f.startTime;
    p.slowest.push([f.endTime - f.startTime, path.relative(process.cwd(), f.name)]);
    byProject.set(projectOf(f.name), p);
  }
  // Projects run side by side (vitest.config.ts maxWorkers), so their spans overlap and do not
  // add up to the total: "span" is a project's first file start to its last file end, "files"
  // the sum of its files' own durations (more than the span when its files ran in parallel).
  // Measured, not configured: the most files that were running at one moment.
  const edges = (report.testResults ?? []).flatMap((f) => [[f.startTime, 1], [f.endTime, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (running += d));
  console.log(`\nTimings (up to ${peak} files ran at once; projects overlap, so their spans do not add up):`);
  if (buildMs) console.log(`  build   ${seconds(buildMs).padStart(9)}`);
  for (const [name, p] of [...byProject].sort()) {
    const top = p.slowest.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([ms, f]) => `${f} ${seconds(ms)}`).join(', ');
    console.log(`  ${name.padEnd(6)}  ${seconds(p.end - p.start).padStart(9)} span, ${seconds(p.busy)} in files, ${p.files} files, ${p.tests} tests; slowest: ${top}`);
  }
  console.log(`  vitest  ${seconds(testsMs).padStart(9)} (start-up, all projects, coverage report)`);
  console.log(`  total   ${seconds(performance.now() - began).padStart(9)}`);
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
} catch {
  console.log('\nTests: no report was written');
}
process.exit(tests.status ?? 1);
