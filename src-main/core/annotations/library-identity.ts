/**
 * A library's identity: `<dataDir>/library-id.json` holds a random id, created on first use, and
 * annotations.json records the id of the library it belongs to. An annotations.json copied in
 * from another library (another id) is then noticed instead of silently replacing this one's
 * state. (Copying the whole `.folio/` folder copies the identity too: that is the same library.)
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseBoundedJson } from './bounded-json';
import { writeFileDurably } from './durable-json-file';

const IdentitySchema = z.object({ libraryId: z.string().min(1).max(200) });

/** The identity file of a data dir. */
export function identityFile(dataDir: string): string {
  return path.join(dataDir, 'library-id.json');
}

/** Reads the library id; null when there is none yet (or it is unreadable). Never writes. */
export async function readLibraryId(dataDir: string): Promise<string | null> {
  try {
    const text = await fs.readFile(identityFile(dataDir), 'utf8');
    const parsed = IdentitySchema.safeParse(parseBoundedJson(text, { maxBytes: 4096, maxDepth: 2 }));
    return parsed.success ? parsed.data.libraryId : null;
  } catch {
    return null;
  }
}

/**
 * Reads the library id, creating it (durably) on first use. A damaged identity file is rewritten
 * with `repairWith` (the id annotations.json carries) when given: damage is not a foreign store.
 * Call while holding the lock.
 */
export async function readOrCreateLibraryId(dataDir: string, repairWith?: string): Promise<string> {
  const existing = await readLibraryId(dataDir);
  if (existing) return existing;
  const present = await fs.access(identityFile(dataDir)).then(() => true, () => false);
  const libraryId = (present && repairWith) || randomUUID();
  await writeFileDurably(identityFile(dataDir), JSON.stringify({ libraryId }, null, 2) + '\n');
  return libraryId;
}
