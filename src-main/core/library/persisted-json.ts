/**
 * Read and write small JSON state files in the data dir: validated on read, atomic and durable on
 * write, and never rewritten with the text they already hold (a read-only command must not touch
 * `.folio/`).
 */
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../fs/write-durably';
import type { z } from 'zod';

/** The text each file held when this process last read or wrote it. */
const known = new Map<string, string>();

/** Error codes of a write the file system refuses (read-only, no permission, full). */
const REFUSED = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** True when `err` is a write the file system refused: the caller carries on in memory. */
export function isWriteRefused(err: unknown): boolean {
  return typeof err === 'object' && err !== null && REFUSED.has(String((err as { code?: unknown }).code));
}

/** The parsed file, or null when it is missing, corrupt or does not match `schema`. */
export function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  return readJsonChecked(path, (data) => {
    const parsed = schema.safeParse(data);
    return parsed.success ? parsed.data : null;
  });
}

/** `readJson` with a check of one's own: `check` returns the value, or null when it does not fit. */
export async function readJsonChecked<T>(path: string, check: (data: unknown) => T | null): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    known.delete(path);
    return null;
  }
  known.set(path, raw);
  try {
    return check(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * Write `value` as JSON atomically and durably (core/fs/write-durably.ts), unless the file
 * already holds exactly that text. Returns whether it wrote.
 */
export async function writeJson(path: string, value: unknown): Promise<boolean> {
  const text = JSON.stringify(value);
  if (known.get(path) === text) return false;
  await writeFileDurably(path, text);
  known.set(path, text);
  return true;
}
