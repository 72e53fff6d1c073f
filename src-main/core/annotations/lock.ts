/**
 * A cross-process lock file (`annotations.lock`) so the app and `folio serve` never write the
 * same annotations at once (two lowdb writers corrupt it: lowdb#359, #421; Bitwarden added a lock
 * file for this).
 *
 * No wall clock is trusted (a writer whose clock ran 120 s ahead used to break live locks):
 * - The lock is created complete and atomically: its content goes to a temp file that is then
 *   hard-linked to the lock name (link fails if the name exists), so a reader never sees a
 *   half-written lock.
 * - The owner is pid + host + start token (process-identity.ts). A lock is stale only when its
 *   owner is provably dead on this host; never by its age, its `time` field or its mtime. A lock
 *   dated in the future whose owner is gone is taken over, and the caller is told why.
 * - A lock held by another host is never broken from here: waiting gives up with an error naming
 *   that host. Waiting is measured on the monotonic clock (`performance.now`).
 * - A stale lock is broken by renaming it to a unique name first, so two processes breaking it at
 *   once cannot both win (the loser sees it renamed a lock that is not the stale one and puts it back).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { AnnotationError } from '../../shared/anchoring/errors';
import { parseBoundedJson } from './bounded-json';
import { judgeOwner, localProbe, selfIdentity, type OwnerIdentity, type OwnerState, type ProcessProbe } from './process-identity';

/** Options for acquiring the lock. */
export interface LockOptions {
  /** Give up after this long (ms, monotonic); default 10 s. */
  timeoutMs?: number;
  /** How owners are judged (tests use made-up processes); default this machine. */
  probe?: ProcessProbe;
}

const LockInfoSchema = z.object({
  pid: z.number().int(),
  hostname: z.string().max(300),
  token: z.string().max(100),
  /** Start token of the owner (null where unknown; absent in locks of older Folio versions). */
  start: z.string().max(200).nullable().optional(),
  /** For people reading the file only; never used to judge the lock. */
  time: z.string().max(100).optional(),
});
type LockInfo = z.infer<typeof LockInfoSchema>;

/** A lock on disk: its owner (null when unreadable) and what identifies this file version. */
interface SeenLock {
  info: LockInfo | null;
  identity: string;
}

async function readLock(file: string): Promise<SeenLock | null> {
  try {
    const [text, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    let info: LockInfo | null = null;
    try {
      const parsed = LockInfoSchema.safeParse(parseBoundedJson(text, { maxBytes: 4096, maxDepth: 4 }));
      info = parsed.success ? parsed.data : null;
    } catch {
      info = null;
    }
    return { info, identity: `${st.ino}:${st.size}:${text}` };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function ownerOf(info: LockInfo): OwnerIdentity {
  return { pid: info.pid, hostname: info.hostname, start: info.start ?? null };
}

/** Breaks a stale lock; false if someone else changed it meanwhile. */
async function breakStaleLock(file: string, stale: SeenLock): Promise<boolean> {
  const aside = `${file}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  const taken = await readLock(aside);
  if (taken && taken.identity !== stale.identity) {
    // We grabbed a fresh lock someone took after we looked: put it back unless another exists.
    await fs.link(aside, file).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return false;
  }
  await fs.rm(aside, { force: true });
  return true;
}

/** Creates the lock complete in one step; false when it exists, 'retry' when our temp file vanished. */
async function createLock(file: string, content: string): Promise<boolean | 'retry'> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content, { flag: 'wx' });
  try {
    await fs.link(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // Another process's start-up cleaned our temp file between write and link.
    if (code === 'ENOENT') return 'retry';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    // No hard links here (FAT, some shares): exclusive create, then write.
    try {
      await fs.writeFile(file, content, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Why a stale lock was taken over, for the user (English; the store adds Vietnamese). */
export interface Takeover {
  pid: number | null;
  hostname: string | null;
  /** The lock's own `time` was later than this machine's clock: a clock was wrong. */
  futureDated: boolean;
  reason: 'not-running' | 'pid-reused' | 'unreadable';
}

/** A held lock; `release` removes it if it is still ours. */
export interface HeldLock {
  release(): Promise<void>;
  /** Set when a stale lock had to be taken over to get this one. */
  tookOver?: Takeover;
}

/** A lock without readable content stays unbroken until we have seen it unchanged this long (monotonic). */
const UNREADABLE_GRACE_MS = 2000;

/** Acquires the lock file, waiting (with jitter) while a live owner holds it. */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<HeldLock> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const probe = opts.probe ?? localProbe;
  const token = randomBytes(12).toString('hex');
  const me = selfIdentity();
  const content = JSON.stringify({ ...me, hostname: probe.hostname, token, time: new Date().toISOString() });
  const startedAt = performance.now();
  const unreadableSince = { identity: '', at: 0 };
  let tookOver: Takeover | undefined;
  let lastOwner: { info: LockInfo | null; state: OwnerState | null } = { info: null, state: null };
  for (let attempt = 0; ; attempt++) {
    const created = await createLock(file, content);
    if (created === 'retry') continue;
    if (created) return { release: () => releaseLock(file, token), ...(tookOver ? { tookOver } : {}) };
    const current = await readLock(file);
    if (current) {
      const verdict = current.info ? judgeOwner(ownerOf(current.info), probe) : null;
      lastOwner = { info: current.info, state: verdict };
      let stale: Takeover | null = null;
      if (current.info && verdict?.state === 'dead') {
        const t = Date.parse(current.info.time ?? '');
        stale = { pid: current.info.pid, hostname: current.info.hostname, futureDated: t > Date.now(), reason: verdict.reason };
      } else if (!current.info) {
        if (unreadableSince.identity !== current.identity) Object.assign(unreadableSince, { identity: current.identity, at: performance.now() });
        else if (performance.now() - unreadableSince.at > UNREADABLE_GRACE_MS) stale = { pid: null, hostname: null, futureDated: false, reason: 'unreadable' };
      }
      if (stale && (await breakStaleLock(file, current))) {
        tookOver = stale;
        continue;
      }
    }
    if (performance.now() - startedAt > timeoutMs) throw timeoutError(file, timeoutMs, lastOwner);
    await sleep(Math.min(50, 2 + attempt) + Math.random() * 5);
  }
}

function timeoutError(file: string, timeoutMs: number, last: { info: LockInfo | null; state: OwnerState | null }): AnnotationError {
  const s = Math.round(timeoutMs / 100) / 10;
  if (last.state?.state === 'remote' && last.info) {
    return new AnnotationError(
      'conflict',
      `Folio on another computer ("${last.info.hostname}", pid ${last.info.pid}) holds ${file}; gave up after ${s} s. ` +
        `A lock from another computer is never broken from here: if that computer no longer uses this library, delete the file.`,
    );
  }
  const who = last.info ? `Another Folio process (pid ${last.info.pid} on this computer)` : 'Another Folio process';
  return new AnnotationError('conflict', `${who} is saving annotations (${file}); gave up after ${s} s.`);
}

async function releaseLock(file: string, token: string): Promise<void> {
  const current = await readLock(file);
  if (current?.info?.token === token) await fs.rm(file, { force: true });
}

/** Removes temp files of lock attempts that were killed midway (harmless: the lock is a separate link). */
export async function removeLockTempFiles(file: string): Promise<number> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    // Not `.stale-*` files: another process may be checking the one it just renamed.
    if (name.startsWith(`${base}.`) && name.endsWith('.tmp')) {
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
