/**
 * A cross-process lock file (`annotations.lock`) so the app and `folio serve` never write the
 * same annotations.json at once (two lowdb writers corrupt it: lowdb#359, #421; Bitwarden added
 * a lock file for this). Created with O_EXCL (`wx`) holding pid, hostname, time and a token.
 * A lock is stale when its process is gone (same host) or it is older than `staleMs`; a stale
 * lock is broken by renaming it to a unique name first, so two processes breaking it at once
 * cannot both win (the loser sees it renamed a lock that is not the stale one and puts it back).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { AnnotationError } from '../../shared/anchoring/errors';

/** Options for acquiring the lock. */
export interface LockOptions {
  /** Give up after this long (ms); default 10 s. */
  timeoutMs?: number;
  /** A lock older than this (ms) is stale even if its process still exists; default 30 s. */
  staleMs?: number;
}

const LockInfoSchema = z.object({ pid: z.number().int(), hostname: z.string(), time: z.string(), token: z.string() });
type LockInfo = z.infer<typeof LockInfoSchema>;

/** True when process `pid` exists on this host. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<{ info: LockInfo | null; ageMs: number } | null> {
  try {
    const [text, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    let info: LockInfo | null = null;
    try {
      const parsed = LockInfoSchema.safeParse(JSON.parse(text));
      info = parsed.success ? parsed.data : null;
    } catch {
      info = null;
    }
    return { info, ageMs: Date.now() - st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function isStale(lock: { info: LockInfo | null; ageMs: number }, staleMs: number): boolean {
  if (lock.ageMs > staleMs) return true;
  // A lock without readable content is being written right now, or its writer died mid-write.
  if (!lock.info) return lock.ageMs > 2000;
  return lock.info.hostname === os.hostname() && !processAlive(lock.info.pid);
}

/** Breaks a stale lock; false if someone else changed it meanwhile. */
async function breakStaleLock(file: string, staleToken: string | null): Promise<boolean> {
  const aside = `${file}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const taken = await readLock(aside);
  if (taken?.info && taken.info.token !== staleToken) {
    // We grabbed a fresh lock someone took after we looked: put it back unless another exists.
    await fs.link(aside, file).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return false;
  }
  await fs.rm(aside, { force: true });
  return true;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A held lock; `release` removes it if it is still ours. */
export interface HeldLock {
  release(): Promise<void>;
}

/** Acquires the lock file, waiting (with jitter) while another live process holds it. */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<HeldLock> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const staleMs = opts.staleMs ?? 30_000;
  const token = randomBytes(12).toString('hex');
  const info: LockInfo = { pid: process.pid, hostname: os.hostname(), time: new Date().toISOString(), token };
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx' });
      return { release: () => releaseLock(file, token) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const current = await readLock(file);
    if (current && isStale(current, staleMs) && (await breakStaleLock(file, current.info?.token ?? null))) continue;
    if (Date.now() > deadline) {
      throw new AnnotationError('conflict', `Another Folio process holds ${file}; gave up after ${timeoutMs} ms.`);
    }
    await sleep(Math.min(50, 2 + attempt) + Math.random() * 5);
  }
}

async function releaseLock(file: string, token: string): Promise<void> {
  const current = await readLock(file);
  if (current?.info?.token === token) await fs.rm(file, { force: true });
}
