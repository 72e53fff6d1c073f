/**
 * What to do when annotations.json cannot be read at start: move it aside under a name that is
 * never reused (`annotations.corrupt-<timestamp>.json`), then restore the best backup that
 * decodes (highest generation, then most records). The damaged bytes are never overwritten or deleted: the user may still want them.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { listBackups } from './backups';
import { parseJsonFile } from './durable-json-file';
import { decodeFile, type DecodedFile } from './file-format';

/** Renames `file` to a fresh `<prefix>-<timestamp>[-n].json` (default `annotations.corrupt-…`); returns the new name. */
export async function moveAside(file: string, now: Date, prefix = 'annotations.corrupt'): Promise<string> {
  const dir = path.dirname(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const name = `${prefix}-${stamp}${n ? `-${n}` : ''}.json`;
    const target = path.join(dir, name);
    try {
      // link + unlink instead of rename: link fails if the name exists, rename would overwrite.
      await fs.link(file, target);
      await fs.unlink(file);
      return name;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
        // Filesystems without hard links (FAT, some shares): check then rename.
        if (await exists(target)) continue;
        await fs.rename(file, target);
        return name;
      }
      throw err;
    }
  }
}

/** Keeps a byte copy of `file` as a fresh `<prefix>-<timestamp>[-n].json` (durable); returns the name. */
export async function keepCopy(file: string, now: Date, prefix: string): Promise<string> {
  const dir = path.dirname(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const name = `${prefix}-${stamp}${n ? `-${n}` : ''}.json`;
    try {
      await fs.copyFile(file, path.join(dir, name), fsConstants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    const handle = await fs.open(path.join(dir, name), 'r+');
    await handle.sync();
    await handle.close();
    return name;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The best backup that parses and decodes, or null: the highest generation, then the most records
 * (a backup's name and date are not trusted: a clock may have been wrong when it was taken).
 */
export async function newestGoodBackup(
  backupsDir: string,
  now: Date,
  /** Which backups may be used, by the library id they carry (default: any). */
  accept: (libraryId: string | undefined) => boolean = () => true,
): Promise<{ date: string; file: string; decoded: DecodedFile } | null> {
  let best: { date: string; file: string; decoded: DecodedFile } | null = null;
  const rank = (d: DecodedFile): [number, number] => [d.file.generation, d.file.annotations.length + d.file.deleted.length];
  for (const b of await listBackups(backupsDir)) {
    let decoded: DecodedFile;
    try {
      decoded = decodeFile(parseJsonFile(b.file, await fs.readFile(b.file, 'utf8')), now);
    } catch {
      continue; // a damaged backup: the others may do
    }
    if (!accept(decoded.file.libraryId)) continue;
    if (!best) best = { ...b, decoded };
    else {
      const [g, n] = rank(decoded);
      const [bg, bn] = rank(best.decoded);
      if (g > bg || (g === bg && n > bn)) best = { ...b, decoded };
    }
  }
  return best;
}
