/**
 * A lowdb Adapter that survives power loss. lowdb's own writer (steno) renames atomically but
 * never fsyncs and uses a fixed temp name (lowdb#549, #139): after a crash the file can be empty
 * or zero-filled. Here each write goes to a unique temp file, is fsync'd, renamed over the target,
 * and the directory is fsync'd so the rename itself is durable (the POSIX recipe; see also
 * write-file-atomic). Reads throw `CorruptFileError` for bytes that are not JSON.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { ANNOTATION_FILE_LIMITS, parseBoundedJson, type JsonLimits } from './bounded-json';

/** The file exists but its bytes are not usable JSON (empty, zero-filled, truncated). */
export class CorruptFileError extends Error {
  readonly code = 'corrupt-file';
  constructor(readonly file: string, detail: string) {
    super(`${path.basename(file)} is not valid JSON: ${detail}`);
    this.name = 'CorruptFileError';
  }
}

/** Identity of a file version, to notice another process's write without reading the file. */
export interface FileSignature {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Returns the file's signature, or null if it does not exist. */
export async function fileSignature(file: string): Promise<FileSignature | null> {
  try {
    const st = await fs.stat(file);
    return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** True when two signatures denote the same file version. */
export function sameSignature(a: FileSignature | null, b: FileSignature | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The temp-file name pattern: `<name>.<pid>.<random>.tmp`, unique per write. */
export function isTempFileOf(target: string, candidate: string): boolean {
  const base = path.basename(target);
  return candidate.startsWith(`${base}.`) && candidate.endsWith('.tmp');
}

/** Removes `target`'s temp files (writes killed midway) and returns their names. Only under the lock. */
export async function removeTempFilesOf(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const removed: string[] = [];
  for (const name of await fs.readdir(dir)) {
    if (!isTempFileOf(target, name)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** fsyncs a directory so a rename inside it survives power loss (not possible on Windows). */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to `file` atomically and durably (temp + fsync + rename + fsync dir). */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/**
 * Parses JSON text within size and depth limits, rejecting the empty and zero-filled files a
 * crash can leave; every failure is a CorruptFileError (the file is then moved aside).
 */
export function parseJsonFile(file: string, text: string, limits: JsonLimits = ANNOTATION_FILE_LIMITS): unknown {
  if (text.trim() === '' || /^\0+$/.test(text)) throw new CorruptFileError(file, 'the file is empty');
  try {
    return parseBoundedJson(text, limits);
  } catch (err) {
    throw new CorruptFileError(file, err instanceof Error ? err.message : String(err));
  }
}

/** lowdb Adapter over a JSON file with durable writes; `read` returns raw JSON (validate it!). */
export class DurableJsonFile implements Adapter<unknown> {
  constructor(readonly file: string) {}

  /** Raw parsed JSON, or null when the file does not exist. Throws CorruptFileError. */
  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return parseJsonFile(this.file, text);
  }

  /** Writes pretty-printed JSON durably. */
  async write(data: unknown): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data, null, 2) + '\n');
  }

  /** Removes temp files left by writes that were killed midway. Call only while holding the lock. */
  removeLeftoverTempFiles(): Promise<string[]> {
    return removeTempFilesOf(this.file);
  }
}
