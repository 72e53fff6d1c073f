/**
 * Pair language versions into translation pairs. Three rules, strongest first:
 * a `translation:` front-matter link; file names `name.vi.ext` + `name.en.ext` in one folder;
 * sibling `vi/` and `en/` folders holding the same relative path (at any depth).
 */
import { posix } from 'node:path';
import type { Lang } from '../../shared/types';

/** What pairing needs to know about a version. */
export interface PairInput {
  path: string;
  lang: Lang;
  /** Front-matter link to the other version, relative to this file's folder. */
  translation?: string | null;
}

function langOrder(a: PairInput, b: PairInput): [PairInput, PairInput] {
  const rank = (l: Lang): number => (l === 'vi' ? 0 : l === 'en' ? 1 : 2);
  const d = rank(a.lang) - rank(b.lang);
  return d < 0 || (d === 0 && a.path <= b.path) ? [a, b] : [b, a];
}

function nameKey(path: string): string | null {
  const m = /^(.*)\.(vi|en)\.[^./]+$/i.exec(path);
  return m ? `${m[1]}\u0000${(m[2] ?? '').toLowerCase()}` : null;
}

function folderKey(path: string): { key: string; lang: 'vi' | 'en' } | null {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    const seg = parts[i];
    if (seg === 'vi' || seg === 'en') {
      const key = [...parts.slice(0, i), '\u0000', ...parts.slice(i + 1)].join('/');
      return { key, lang: seg };
    }
  }
  return null;
}

/** Group versions into articles: each group is one path or a [vi, en] pair, sorted by path. */
export function pairVersions(items: readonly PairInput[]): string[][] {
  const byPath = new Map(items.map((i) => [i.path, i]));
  const paired = new Set<string>();
  const groups: string[][] = [];
  const pair = (a: PairInput | undefined, b: PairInput | undefined): void => {
    if (!a || !b || a.path === b.path || paired.has(a.path) || paired.has(b.path)) return;
    const [x, y] = langOrder(a, b);
    groups.push([x.path, y.path]);
    paired.add(a.path);
    paired.add(b.path);
  };
  for (const it of items) {
    if (!it.translation) continue;
    const target = posix.normalize(posix.join(posix.dirname(it.path), it.translation.replace(/\\/g, '/')));
    pair(it, byPath.get(target));
  }
  const byName = new Map<string, PairInput>();
  for (const it of items) { const k = nameKey(it.path); if (k) byName.set(k, it); }
  for (const it of items) {
    const m = /^(.*)\.vi\.[^./]+$/i.exec(it.path);
    if (!m) continue;
    pair(it, byName.get(`${m[1]}\u0000en`));
  }
  const byFolder = new Map<string, Map<string, PairInput>>();
  for (const it of items) {
    const f = folderKey(it.path);
    if (!f) continue;
    const slot = byFolder.get(f.key) ?? new Map<string, PairInput>();
    slot.set(f.lang, it);
    byFolder.set(f.key, slot);
  }
  for (const slot of byFolder.values()) pair(slot.get('vi'), slot.get('en'));
  for (const it of items) if (!paired.has(it.path)) groups.push([it.path]);
  return groups.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
