/**
 * The one way Folio's core writes a state file it keeps (settings, app state, library registry
 * and cache, search index): write-file-atomic writes a unique temp file, fsyncs it and renames it
 * over the target, so a reader sees the old file or the new one, never half of one; then the
 * folder is fsynced so the rename itself survives a power cut (write-file-atomic stops at the
 * file). The annotation store has its own adapter with the same recipe plus a lock
 * (core/annotations/durable-json-file.ts).
 */
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** fsyncs a folder so a rename inside it is durable; a no-op where folders cannot be opened (Windows). */
async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to `file` atomically and durably, creating its folder if needed. */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { encoding: 'utf8', fsync: true });
  await fsyncDir(dir);
}
