/**
 * The lock judges its owner, never a clock: stale only when the owner is provably dead on this
 * host; a lock dated in the future (or the past) says nothing; another host's lock is never broken.
 */
import { readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { acquireLock } from '../../../src-main/core/annotations/lock';
import { judgeOwner, selfIdentity, startTokenOf, type ProcessProbe } from '../../../src-main/core/annotations/process-identity';
import { holdLockInChild, tempDataDir } from './helpers';

/** A pid that cannot be running: above the kernel's pid_max. */
const DEAD_PID = 2 ** 22 + 7;
const FAR_FUTURE = new Date('2099-01-01T00:00:00Z');
const FAR_PAST = new Date('2001-01-01T00:00:00Z');

afterEach(() => {
  vi.restoreAllMocks();
});

function lockJson(fields: Record<string, unknown>): string {
  return JSON.stringify({ hostname: os.hostname(), token: 'theirs', start: null, ...fields });
}

describe('judging a lock owner', () => {
  const probe = (alive: Set<number>, starts: Record<number, string>): ProcessProbe => ({
    hostname: 'here',
    alive: (pid) => alive.has(pid),
    startOf: (pid) => starts[pid] ?? null,
  });

  it('is dead only when the pid is gone or now belongs to a process with another start token', () => {
    const p = probe(new Set([10, 11]), { 10: 'boot:100', 11: 'boot:999' });
    expect(judgeOwner({ pid: 10, hostname: 'here', start: 'boot:100' }, p)).toEqual({ state: 'live' });
    expect(judgeOwner({ pid: 11, hostname: 'here', start: 'boot:100' }, p)).toEqual({ state: 'dead', reason: 'pid-reused' });
    expect(judgeOwner({ pid: 12, hostname: 'here', start: 'boot:100' }, p)).toEqual({ state: 'dead', reason: 'not-running' });
    // No start token recorded (older Folio, or a platform without /proc): a live pid stays live.
    expect(judgeOwner({ pid: 11, hostname: 'here', start: null }, p)).toEqual({ state: 'live' });
    // Another host's owner is never judged dead from here, whatever its pid.
    expect(judgeOwner({ pid: 12, hostname: 'there', start: null }, p)).toEqual({ state: 'remote', hostname: 'there' });
  });

  it('reads real start tokens on Linux: ours is stable, a reused pid differs', () => {
    const me = selfIdentity();
    if (me.start === null) return; // no /proc here: only liveness is used
    expect(startTokenOf(process.pid)).toBe(me.start);
    expect(judgeOwner(me)).toEqual({ state: 'live' });
    expect(judgeOwner({ ...me, start: `${me.start}0` })).toEqual({ state: 'dead', reason: 'pid-reused' });
    expect(judgeOwner({ ...me, pid: DEAD_PID })).toEqual({ state: 'dead', reason: 'not-running' });
  });
});

describe('acquireLock without clocks', () => {
  for (const [label, shift] of [['a year ahead', 365 * 86400_000], ['a year behind', -365 * 86400_000]] as const) {
    it(`never breaks a live lock when this process's clock is ${label}`, async () => {
      const file = path.join(await tempDataDir(), 'annotations.lock');
      const held = await acquireLock(file);
      const real = Date.now.bind(Date);
      vi.spyOn(Date, 'now').mockImplementation(() => real() + shift);
      await expect(acquireLock(file, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'conflict' });
      vi.restoreAllMocks();
      await held.release();
      await (await acquireLock(file, { timeoutMs: 300 })).release();
    });
  }

  it('takes over a future-dated lock whose process is gone, and says so', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'annotations.lock');
    await writeFile(file, lockJson({ pid: DEAD_PID, time: FAR_FUTURE.toISOString() }));
    await utimes(file, FAR_FUTURE, FAR_FUTURE);
    const { store, report } = await AnnotationStore.open(dir);
    expect(report.lockTakenOver).toBe(true);
    expect(report.message?.en).toContain(`left by process ${DEAD_PID} on this computer: that process is no longer running`);
    expect(report.message?.en).toContain('dated in the future');
    expect(report.message?.vi).toContain('tương lai');
    await store.createNote({ articleId: 'a', lang: 'en', note: 'written after the takeover' });
    expect(store.list()).toHaveLength(1);
  });

  it('keeps a live process\'s lock however old or new its date, and takes it once that process dies', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'annotations.lock');
    const child = await holdLockInChild(dir);
    for (const when of [FAR_PAST, FAR_FUTURE]) {
      await utimes(file, when, when);
      await expect(acquireLock(file, { timeoutMs: 300 })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining(`pid ${child.pid} on this computer`),
      });
    }
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const lock = await acquireLock(file, { timeoutMs: 2000 });
    expect(lock.tookOver).toMatchObject({ pid: child.pid, reason: 'not-running' });
    expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  }, 20_000);

  it('never breaks another computer\'s lock, even one dated 25 years ago, and names that computer', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'annotations.lock');
    await writeFile(file, lockJson({ pid: DEAD_PID, hostname: 'thu-vien-pc', time: FAR_PAST.toISOString() }));
    await utimes(file, FAR_PAST, FAR_PAST);
    await expect(acquireLock(file, { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"thu-vien-pc"'),
    });
    expect(JSON.parse(await readFile(file, 'utf8')).hostname).toBe('thu-vien-pc');
  });

  it('takes over a lock that stays unreadable (monotonic wait), not one being replaced', async () => {
    const file = path.join(await tempDataDir(), 'annotations.lock');
    await writeFile(file, '\0\0\0');
    await utimes(file, FAR_FUTURE, FAR_FUTURE);
    const lock = await acquireLock(file, { timeoutMs: 5000 });
    expect(lock.tookOver).toMatchObject({ reason: 'unreadable' });
    await lock.release();
  });
});
