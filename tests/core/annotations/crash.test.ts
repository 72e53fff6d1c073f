import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { crashTrials } from './crash-trials';
import { removeBundles } from '../../support/bundle';

const dirs: string[] = [];
afterAll(async () => {
  await removeBundles();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

it('keeps every acknowledged write when the writer is SIGKILLed at random moments (40 trials)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-crash-'));
  dirs.push(dir);
  const stats = await crashTrials(dir, 40, { chains: 2 });
  console.info(
    `crash test: ${stats.trials} kills, ${stats.acknowledged} acknowledged creates, ${stats.deletesAcknowledged} acknowledged deletes, ${stats.leftoverTempFiles} leftover temp files cleaned`,
  );
  expect(stats.failures).toEqual([]);
  // Each trial kills only after the child's first acknowledged create.
  expect(stats.acknowledged).toBeGreaterThanOrEqual(40);
}, 600_000); // generous: 80 child processes start one after another, slowly on a busy machine


it('keeps every acknowledged write when kills land while the journal is being compacted (20 trials)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-crash-compact-'));
  dirs.push(dir);
  // A 3 KB limit: every few writes fold the journal into annotations.json, so kills hit compactions too.
  const stats = await crashTrials(dir, 20, { chains: 2, compactBytes: 3000 });
  console.info(`crash test (compacting): ${stats.trials} kills, ${stats.acknowledged} acknowledged creates, ${stats.deletesAcknowledged} acknowledged deletes`);
  expect(stats.failures).toEqual([]);
  expect(stats.acknowledged).toBeGreaterThan(20);
}, 600_000);
