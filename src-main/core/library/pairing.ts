/**
 * Pair language versions into translation pairs. Rules, strongest first:
 * 1. a front-matter link to the other version (`translation:` or `translation_of:`);
 * 2. front-matter `id:` shared by two files of different `lang:`;
 * 3. file names in one folder: `name.vi.ext` + `name.en.ext`, `name-vi.ext` + `name-en.ext`,
 *    `name_vi.ext` + `name_en.ext`, or one suffixed file beside the unsuffixed base
 *    (`name.txt` + `name-en.txt`: the base is the other language), extensions may differ;
 * 4. sibling `vi/` and `en/` folders holding the same relative path (at any depth).
 * A file already paired by a stronger rule is never re-paired.
 */
import { posix } from 'node:path';
import type { Lang } from '../../shared/types';

/** What pairing needs to know about a version. */
export interface PairInput {
  path: string;
  lang: Lang;
  /** Front-matter link to the other version, relative to this file's folder. */
  translation?: string | null;
  /** Front-matter `id:` shared by both versions. */
  pairId?: string | null;
}

/** The pairing conventions, for the README and the app's help. */
export const PAIRING_CONVENTIONS = [
  'translation: other-file.md (or translation_of:) in front matter, relative to the file',
  'id: the same value in both files\' front matter, with lang: vi and lang: en',
  'name.vi.txt + name.en.txt, name-vi.txt + name-en.txt, name_vi.md + name_en.md',
  'name.txt + name-en.txt (or name.en.txt, name_en.txt): the unsuffixed file is the other language',
  'vi/… and en/… folders side by side holding the same file name',
] as const;

function langOrder(a: PairInput, b: PairInput): [PairInput, PairInput] {
  const rank = (l: Lang): number => (l === 'vi' ? 0 : l === 'en' ? 1 : 2);
  const d = rank(a.lang) - rank(b.lang);
  return d < 0 || (d === 0 && a.path <= b.path) ? [a, b] : [b, a];
}

/** `dir/name` and the language of a suffixed name (`name.en.txt`, `name-en.md`, `name_vi.html`). */
function suffixed(path: string): { base: string; lang: 'vi' | 'en' } | null {
  const m = /^(.*[^/])[._-](vi|en)\.[^./]+$/i.exec(path);
  return m?.[1] && m[2] ? { base: m[1], lang: m[2].toLowerCase() as 'vi' | 'en' } : null;
}

/** `dir/name` of any article path (extension removed). */
function stem(path: string): string {
  return path.replace(/\.[^./]+$/, '');
}

/** A `vi` or `en` folder anywhere in a path (checked first: most paths have none). */
const LANG_FOLDER = /(?:^|\/)(?:vi|en)\//;

function folderKey(path: string): { key: string; lang: 'vi' | 'en' } | null {
  if (!LANG_FOLDER.test(path)) return null;
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

/** Pairing decided by hand (metadata edits), by path: above every rule. */
export interface PairOverrides {
  pairs?: ReadonlyArray<readonly [string, string]>;
  /** Paths that stay alone whatever the rules say. */
  alone?: ReadonlySet<string>;
}

/** Group versions into articles: each group is one path or a [vi, en] pair, sorted by path. */
export function pairVersions(items: readonly PairInput[], overrides: PairOverrides = {}): string[][] {
  const byPath = new Map(items.map((i) => [i.path, i]));
  const paired = new Set<string>(overrides.alone ?? []);
  const groups: string[][] = [];
  const pair = (a: PairInput | undefined, b: PairInput | undefined): void => {
    if (!a || !b || a.path === b.path || paired.has(a.path) || paired.has(b.path)) return;
    const [x, y] = langOrder(a, b);
    groups.push([x.path, y.path]);
    paired.add(a.path);
    paired.add(b.path);
  };
  for (const [a, b] of overrides.pairs ?? []) pair(byPath.get(a), byPath.get(b));
  for (const it of items) {
    if (!it.translation) continue;
    const target = posix.normalize(posix.join(posix.dirname(it.path), it.translation.replace(/\\/g, '/')));
    pair(it, byPath.get(target));
  }
  const byId = new Map<string, PairInput[]>();
  for (const it of items) {
    if (!it.pairId) continue;
    const list = byId.get(it.pairId) ?? [];
    list.push(it);
    byId.set(it.pairId, list);
  }
  for (const list of byId.values()) {
    // Exactly two versions in two different languages: more would be a guess.
    if (list.length === 2 && list[0]?.lang !== list[1]?.lang) pair(list[0], list[1]);
  }
  // Suffixed names: both languages suffixed first, then a suffixed file beside its bare base.
  // Each path's suffix, worked out once (four passes below read it).
  const suffixes = new Map(items.map((it) => [it.path, suffixed(it.path)]));
  const suffixOf = (it: PairInput): ReturnType<typeof suffixed> => suffixes.get(it.path) ?? null;
  const bySuffix = new Map<string, PairInput>();
  for (const it of items) { const s = suffixOf(it); if (s) bySuffix.set(`${s.base}\u0000${s.lang}`, it); }
  const byStem = new Map<string, PairInput[]>();
  for (const it of items) {
    if (suffixOf(it)) continue;
    const list = byStem.get(stem(it.path)) ?? [];
    list.push(it);
    byStem.set(stem(it.path), list);
  }
  for (const it of items) {
    const s = suffixOf(it);
    if (s?.lang === 'vi') pair(it, bySuffix.get(`${s.base}\u0000en`));
  }
  for (const it of items) {
    const s = suffixOf(it);
    if (!s) continue;
    const bases = byStem.get(s.base) ?? [];
    // The bare base must be the other language (or undetermined), and unambiguous.
    if (bases.length === 1 && bases[0]?.lang !== s.lang) pair(it, bases[0]);
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
  for (const it of items) if (!paired.has(it.path) || overrides.alone?.has(it.path)) groups.push([it.path]);
  return groups.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
