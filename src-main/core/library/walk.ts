/**
 * List the article files under a library root: skips hidden names (including `.folio/`) and
 * `node_modules`, follows symlinks only while they stay inside the root, and never loops
 * (directories are tracked by real path).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { SkippedFile } from '../../shared/types';
import { formatOf } from './file-kind';
import { OUTSIDE_MESSAGE } from './safe-path';

/** A file found by the walk. */
export interface FoundFile {
  abs: string;
  /** Relative to the root, `/`-separated. */
  rel: string;
  /** Its real path, resolved by the walk and inside the root (absent when not resolved). */
  real?: string;
}

function inside(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** True for names the walk never enters or reads. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Walk `root` (or `startRel` inside it) and return article files plus problems met. */
export async function walkLibrary(root: string, startRel = ''): Promise<{ files: FoundFile[]; skipped: SkippedFile[] }> {
  const rootReal = await realpath(root);
  const files: FoundFile[] = [];
  const skipped: SkippedFile[] = [];
  const startAbs = startRel ? join(root, startRel) : root;
  let startReal: string;
  try {
    startReal = await realpath(startAbs);
  } catch {
    return { files, skipped };
  }
  // A watcher event for a folder that is (or became) a link out: nothing under it is read.
  if (!inside(rootReal, startReal)) {
    skipped.push({ path: startRel, reason: 'outside-library', message: OUTSIDE_MESSAGE });
    return { files, skipped };
  }
  const visited = new Set<string>([startReal]);
  const queue: { abs: string; rel: string; real: string }[] = [{ abs: startAbs, rel: startRel, real: startReal }];
  while (queue.length) {
    const dir = queue.shift();
    if (!dir) break;
    let entries;
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch (e) {
      if (dir.rel) skipped.push({ path: dir.rel, reason: 'unreadable', message: `Cannot list folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const ent of entries) {
      if (isIgnoredName(ent.name)) continue;
      const abs = join(dir.abs, ent.name);
      const rel = dir.rel ? `${dir.rel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      // A plain entry of a folder whose real path is known is that real path plus its name.
      let real = join(dir.real, ent.name);
      if (ent.isSymbolicLink()) {
        try {
          real = await realpath(abs);
          const st = await stat(real);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') skipped.push({ path: rel, reason: 'unreadable', message: 'Symlink loop' });
          else if (code !== 'ENOENT' || formatOf(rel)) skipped.push({ path: rel, reason: 'unreadable', message: 'Broken symlink' });
          continue;
        }
        if (!inside(rootReal, real)) {
          if (isDir || formatOf(rel)) skipped.push({ path: rel, reason: 'outside-library', message: OUTSIDE_MESSAGE });
          continue;
        }
        if (isDir && visited.has(real)) {
          skipped.push({ path: rel, reason: 'unreadable', message: 'Symlink loop (folder already scanned)' });
          continue;
        }
        if (isDir) visited.add(real);
      } else if (isDir) {
        try {
          real = await realpath(abs);
          if (visited.has(real)) continue;
          visited.add(real);
        } catch {
          continue;
        }
      }
      if (isDir) queue.push({ abs, rel, real });
      else if (isFile && formatOf(rel)) files.push({ abs, rel, real });
    }
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped };
}
