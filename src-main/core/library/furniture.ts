/**
 * Site furniture across files: a short line that appears verbatim in many scraped pages of the
 * same folder (>= 3 files, or >= half of them when the folder has 2-5 files) is part of the
 * site (a slogan, a menu item), not of any article. Pure: works on parsed versions.
 */
import type { ArticleVersion } from '../../shared/types';
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
    for (const v of list) {
      const seen = new Set<string>();
      for (const p of v.paragraphs) {
        if (p.text.length > MAX_FURNITURE_CHARS) continue;
        const k = lineKey(p.text);
        if (!seen.has(k)) { seen.add(k); counts.set(k, (counts.get(k) ?? 0) + 1); }
      }
    }
    const small = list.length <= 5;
    const set = new Set<string>();
    for (const [k, n] of counts) if (n >= 3 || (small && n >= 2 && n * 2 >= list.length)) set.add(k);
    if (set.size) out.set(folder, set);
  }
  return out;
}

/** `v` without furniture paragraphs (re-indexed); unchanged when nearly all of it is furniture. */
export function removeFurniture(v: ArticleVersion, furniture: Map<string, Set<string>>): ArticleVersion {
  const set = v.format === 'txt' ? furniture.get(folderOf(v.path)) : undefined;
  if (!set) return v;
  const kept = v.paragraphs.filter((p) => p.text.length > MAX_FURNITURE_CHARS || !set.has(lineKey(p.text)));
  // Two copies of the same article would otherwise erase each other.
  if (kept.length === v.paragraphs.length || kept.length < v.paragraphs.length / 2) return v;
  return {
    ...v,
    paragraphs: kept.map((p, index) => ({ ...p, index })),
    captions: v.captions.filter((c) => !set.has(lineKey(c))),
  };
}
