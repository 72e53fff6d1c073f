/**
 * `npm run stress`: the SIGKILL durability trial of tests/core/annotations/crash.test.ts, many
 * more times. Usage: node --import tsx tests/stress/crash-stress.ts [--trials 1000] [--compact-bytes N]
 * (`--compact-bytes 3000` folds the journal every few writes, so kills land mid-compaction too).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crashTrials } from '../core/annotations/crash-trials';
import { removeBundles } from '../support/bundle';

const i = process.argv.indexOf('--trials');
const trials = i !== -1 ? Number(process.argv[i + 1]) : 1000;
if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a positive integer');
const c = process.argv.indexOf('--compact-bytes');
const compactBytes = c !== -1 ? Number(process.argv[c + 1]) : undefined;
if (compactBytes !== undefined && !(compactBytes >= 0)) throw new Error('--compact-bytes must be a number of bytes');

const dir = await mkdtemp(path.join(tmpdir(), 'folio-stress-'));
const t0 = Date.now();
try {
  const stats = await crashTrials(dir, trials, { chains: 2, maxDelayMs: 300, ...(compactBytes !== undefined ? { compactBytes } : {}) });
  console.log(
    `${stats.trials} SIGKILL trials in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${stats.acknowledged} acknowledged creates, ` +
      `${stats.deletesAcknowledged} acknowledged deletes, ${stats.leftoverTempFiles} leftover temp files cleaned, ` +
      `${stats.failures.length} failures`,
  );
  for (const f of stats.failures) console.log(`  ${f}`);
  process.exitCode = stats.failures.length ? 1 : 0;
} finally {
  await removeBundles();
  await rm(dir, { recursive: true, force: true });
}
