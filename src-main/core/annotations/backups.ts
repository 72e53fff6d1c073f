/**
 * Rolling daily snapshots of annotations.json in `<dataDir>/backups/annotations-YYYY-MM-DD.json`
 * (as Zotero's `.bak` and Obsidian's file recovery): one per day, taken before the first write of
 * that day, the newest `keep` kept. A snapshot is a byte copy of a file that was just read and
 * validated, written durably.
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

/** Snapshots in `dir`, newest first. */
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
  return entries.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Copies `source` to today's snapshot unless one exists, then prunes to the newest `keep`.
 * Returns the snapshot path when one was taken.
 */
export async function takeDailyBackup(source: string, dir: string, now: Date, keep: number): Promise<string | null> {
  const target = path.join(dir, `annotations-${localDate(now)}.json`);
  try {
    await fs.access(target);
    return null;
  } catch {
    // No snapshot today yet.
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(source);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  await fs.mkdir(dir, { recursive: true });
  await writeFileDurably(target, bytes);
  for (const old of (await listBackups(dir)).slice(Math.max(keep, 1))) await fs.rm(old.file, { force: true });
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
