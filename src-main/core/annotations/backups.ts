/**
 * Rolling daily snapshots of the annotations in `<dataDir>/backups/annotations-YYYY-MM-DD.json`
 * (as Zotero's `.bak` and Obsidian's file recovery): one per local day, taken before the first
 * write of that day. The date in the name is for people only: which snapshots are kept, and which
 * one recovery restores, is decided by their content — the store generation they hold (then the
 * record count) — never by the name or the local clock, which may be wrong (a snapshot named with
 * a future date once replaced a 40-record state with a 3-record one).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isTempFileOf, writeFileDurably } from './durable-json-file';

const BACKUP_NAME = /^annotations-(\d{4}-\d{2}-\d{2})\.json$/;

/** The local calendar date of `d` as YYYY-MM-DD (a user thinks of "yesterday's backup" locally). */
export function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A snapshot on disk. */
export interface BackupEntry {
  date: string;
  file: string;
}

/** Snapshots in `dir`, in no meaningful order (rank them by content). */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (m?.[1]) entries.push({ date: m[1], file: path.join(dir, name) });
  }
  return entries;
}

/** The generation a snapshot holds, read from its first bytes (written first); -1 when absent. */
export async function generationOf(file: string): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buf, 0, 256, 0);
    const m = /^\{\s*"schemaVersion":\s*\d+,\s*"generation":\s*(\d+)/.exec(buf.subarray(0, bytesRead).toString('utf8'));
    return m?.[1] ? Number(m[1]) : -1;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` (the serialised current state) as today's snapshot unless one exists, then
 * keeps the `keep` snapshots holding the highest generations. Returns the path when one was taken.
 */
export async function takeDailyBackup(content: string, dir: string, now: Date, keep: number): Promise<string | null> {
  const target = path.join(dir, `annotations-${localDate(now)}.json`);
  try {
    await fs.access(target);
    return null;
  } catch {
    // No snapshot today yet.
  }
  await fs.mkdir(dir, { recursive: true });
  await writeFileDurably(target, content);
  const ranked = await Promise.all((await listBackups(dir)).map(async (b) => ({ ...b, g: await generationOf(b.file).catch(() => -1) })));
  ranked.sort((a, b) => b.g - a.g || b.date.localeCompare(a.date));
  for (const old of ranked.slice(Math.max(keep, 1))) if (old.file !== target) await fs.rm(old.file, { force: true });
  return target;
}

/** Removes temp files of snapshot writes that were interrupted (call while holding the lock). */
export async function removeTempFilesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!/^annotations[-.]/.test(name) || !isTempFileOf(name.replace(/\.json\..*$/, '.json'), name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
