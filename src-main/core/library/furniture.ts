/**
 * Site furniture across files: a short line that appears verbatim in many scraped pages of the
 * same folder (>= 3 files, or >= half of them when the folder has 2-5 files) is part of the
 * site (a slogan, a menu item), not of any article. Pure: works on parsed versions.
 */
import type { ArticleVersion, Paragraph } from '../../shared/types';
import { lineKey } from './parse/line-shape';

/** Longest line considered furniture; long repeated paragraphs are quotes or duplicates. */
const MAX_FURNITURE_CHARS = 200;

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Furniture line keys per folder, computed from the paragraphs of .txt versions. */
export function findFurniture(versions: readonly ArticleVersion[]): Map<string, Set<string>> {
  const byFolder = new Map<string, ArticleVersion[]>();
  for (const v of versions) {
    if (v.format !== 'txt') continue;
    const f = folderOf(v.path);
    const list = byFolder.get(f) ?? [];
    list.push(v);
    byFolder.set(f, list);
  }
  const out = new Map<string, Set<string>>();
  for (const [folder, list] of byFolder) {
    if (list.length < 2) continue;
    const counts = new Map<string, number>();
    for (const v of list) countLines(v, counts);
    const set = furnitureKeys(counts, list.length);
    if (set.size) out.set(folder, set);
  }
  return out;
}

/** Adds the short lines of `v` (each once) to `counts`: one file's share of `findFurniture`. */
export function countLines(v: ArticleVersion, counts: Map<string, number>): void {
  const seen = new Set<string>();
  for (const p of v.paragraphs) {
    if (p.text.length > MAX_FURNITURE_CHARS) continue;
    const k = lineKey(p.text);
    if (!seen.has(k)) { seen.add(k); counts.set(k, (counts.get(k) ?? 0) + 1); }
  }
}

/** The furniture keys of a folder of `files` .txt files whose lines were counted into `counts`. */
export function furnitureKeys(counts: ReadonlyMap<string, number>, files: number): Set<string> {
  const set = new Set<string>();
  if (files < 2) return set;
  const small = files <= 5;
  for (const [k, n] of counts) if (n >= 3 || (small && n >= 2 && n * 2 >= files)) set.add(k);
  return set;
}

/** What furniture removes from a version: paragraph indexes dropped and the captions kept. */
export interface FurnitureCut {
  drop: number[];
  captions: string[];
}

/** The cut furniture makes in `v`, or null when it leaves `v` unchanged. */
export function furnitureCut(v: ArticleVersion, furniture: Map<string, Set<string>>): FurnitureCut | null {
  const set = v.format === 'txt' ? furniture.get(folderOf(v.path)) : undefined;
  if (!set) return null;
  const drop: number[] = [];
  v.paragraphs.forEach((p, i) => { if (p.text.length <= MAX_FURNITURE_CHARS && set.has(lineKey(p.text))) drop.push(i); });
  const kept = v.paragraphs.length - drop.length;
  // Two copies of the same article would otherwise erase each other.
  if (drop.length === 0 || kept < v.paragraphs.length / 2) return null;
  return { drop, captions: v.captions.filter((c) => !set.has(lineKey(c))) };
}

/** `paragraphs` without the cut's paragraphs, re-indexed. */
export function applyCut(paragraphs: readonly Paragraph[], cut: FurnitureCut): Paragraph[] {
  const drop = new Set(cut.drop);
  return paragraphs.filter((_, i) => !drop.has(i)).map((p, index) => ({ ...p, index }));
}

/** `v` without furniture paragraphs (re-indexed); unchanged when nearly all of it is furniture. */
export function removeFurniture(v: ArticleVersion, furniture: Map<string, Set<string>>): ArticleVersion {
  const cut = furnitureCut(v, furniture);
  if (!cut) return v;
  return { ...v, paragraphs: applyCut(v.paragraphs, cut), captions: cut.captions };
}

/** The folder a path's furniture is counted in. */
export { folderOf };
