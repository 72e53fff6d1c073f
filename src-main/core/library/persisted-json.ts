/** Read and write small JSON state files in the data dir: validated on read, atomic on write. */
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../fs/write-durably';
import type { z } from 'zod';

/** The parsed file, or null when it is missing, corrupt or does not match `schema`. */
export async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Write `value` as JSON atomically and durably (core/fs/write-durably.ts). */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFileDurably(path, JSON.stringify(value));
}
