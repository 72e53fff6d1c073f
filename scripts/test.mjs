#!/usr/bin/env node
// `npm test`: build once (the CLI and e2e tests run the built app), then every vitest project,
// then one closing summary line ("Tests: N passed, N failed, N skipped") that CI can read.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (process.env.FOLIO_SKIP_BUILD !== '1') {
  const build = run(npx, ['electron-vite', 'build']);
  if (build.status !== 0) {
    console.error('npm test: the build failed');
    process.exit(build.status ?? 1);
  }
}

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const tests = run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...extra]);

try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
} catch {
  console.log('\nTests: no report was written');
}
process.exit(tests.status ?? 1);
