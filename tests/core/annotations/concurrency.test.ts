import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { acquireLock } from '../../../src-main/core/annotations/lock';
import { tempDataDir } from './helpers';
import { bundledScript, removeBundles } from '../../support/bundle';

const CHILD = fileURLToPath(new URL('./child-writer.ts', import.meta.url));

afterAll(removeBundles);

/** Runs a burst writer; its wall clock is shifted by `skewMs`. Resolves with the acknowledged ids. */
export async function burst(dir: string, count: number, at: number, skewMs = 0): Promise<string[]> {
  // Bundled: a child starts in a fraction of tsx's time, so it is up before the agreed moment.
  const script = await bundledScript(CHILD);
  return new Promise((resolve, reject) => {
    const env = { ...process.env, FOLIO_CLOCK_SKEW_MS: String(skewMs) };
    const child = spawn(process.execPath, [script, dir, 'burst', String(count), String(at)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map((l) => l.split(' ')[1] ?? '')) : reject(new Error(err))));
  });
}

it('two processes each adding 50 annotations at the same moment end with all 100', async () => {
  const dir = await tempDataDir();
  const at = Date.now() + 1500; // both children are up by then and fire together
  const [a, b] = await Promise.all([burst(dir, 50, at), burst(dir, 50, at)]);
  expect(a).toHaveLength(50);
  expect(b).toHaveLength(50);
  const { store, report } = await AnnotationStore.open(dir);
  expect(report).toEqual({ invalidRecords: 0 });
  const ids = new Set(store.list().map((x) => x.id));
  expect(ids.size).toBe(100);
  for (const id of [...a, ...b]) expect(ids.has(id)).toBe(true);
}, 120_000);

it('three processes with clocks 120 s ahead, 120 s behind and right lose no acknowledged write (3 × 100)', async () => {
  const dir = await tempDataDir();
  const at = Date.now() + 2000;
  const acked = await Promise.all([burst(dir, 100, at, 120_000), burst(dir, 100, at, -120_000), burst(dir, 100, at, 0)]);
  const { store, report } = await AnnotationStore.open(dir);
  expect(report).toEqual({ invalidRecords: 0 });
  const ids = new Set(store.list().map((x) => x.id));
  const lost = acked.flat().filter((id) => !ids.has(id));
  console.info(`skewed writers: ${acked.flat().length} acknowledged, ${lost.length} lost`);
  expect(acked.flat()).toHaveLength(300);
  expect(lost).toEqual([]);
}, 60_000);

it('breaks a lock left by a dead process, but waits for a live one', async () => {
  const dir = await tempDataDir();
  const lockFile = path.join(dir, 'annotations.lock');
  // A pid that cannot be running: above the kernel's pid_max.
  await writeFile(lockFile, JSON.stringify({ pid: 2 ** 22 + 7, hostname: os.hostname(), time: new Date().toISOString(), token: 'dead' }));
  const { store } = await AnnotationStore.open(dir);
  await store.createNote({ articleId: 'a', lang: 'en', note: 'after a stale lock' });

  const held = await acquireLock(lockFile);
  expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
  // Ordering, not time: the write completes only after the live holder released the lock.
  const order: string[] = [];
  const pending = store.createNote({ articleId: 'a', lang: 'en', note: 'waits' }).then(() => order.push('written'));
  await new Promise((r) => setTimeout(r, 200));
  order.push('released');
  await held.release();
  await pending;
  expect(order).toEqual(['released', 'written']);
  await expect(acquireLock(lockFile, { timeoutMs: 50 }).then(async (l) => {
    const second = acquireLock(lockFile, { timeoutMs: 100 });
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    await l.release();
  })).resolves.toBeUndefined();
});
