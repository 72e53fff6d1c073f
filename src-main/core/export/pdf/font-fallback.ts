/**
 * Fallback faces for characters DejaVu Serif lacks (Hebrew, Arabic, CJK, symbols…), found
 * among the fonts installed on the machine (Noto and DejaVu packages on Linux, the system
 * font folders elsewhere). Nothing is bundled: a character no installed font has is drawn as
 * a measured replacement box that still extracts as the character (see replacement-font.ts).
 *
 * Faces are read lazily, the first time a character needs them, so an export of Vietnamese
 * and English text never opens a fallback file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Font } from '@pdf-lib/fontkit';
import { parseFont } from './measure';
import type { FontKey } from './styles';

/** A parsed face with the bytes the writer embeds. */
export interface Face {
  /** Stable id: the file name without extension (the primary faces use their FontKey). */
  id: string;
  font: Font;
  bytes: Uint8Array;
}

/** Supplies faces to try, in order, for a character the primary face lacks. */
export interface FallbackSource {
  candidates(cluster: string, key: FontKey): Iterable<Face>;
  /** A face this source has already handed out, by id (for the writer to embed). */
  face(id: string): Face | null;
}

/** Where installed fonts live on common systems; missing folders are skipped. */
export const SYSTEM_FONT_DIRS = [
  '/usr/share/fonts/truetype/noto',
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto',
  '/usr/share/fonts/google-noto',
  '/usr/share/fonts/dejavu',
  '/Library/Fonts',
  '/System/Library/Fonts/Supplemental',
  'C:\\Windows\\Fonts',
];

/** Families to try first for a script, best match first (serif before sans, to sit with DejaVu Serif). */
const BY_SCRIPT: Array<[RegExp, string[]]> = [
  [/\p{Script=Hebrew}/u, ['NotoSerifHebrew', 'NotoSansHebrew', 'DejaVuSans']],
  [/\p{Script=Arabic}/u, ['NotoNaskhArabic', 'NotoSansArabic', 'DejaVuSans']],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u, ['NotoSerifCJKsc', 'NotoSansCJKsc', 'NotoSerifSC', 'NotoSansSC', 'DroidSansFallbackFull', 'wqy-microhei']],
  [/\p{Script=Hangul}/u, ['NotoSerifCJKkr', 'NotoSansCJKkr', 'NotoSansKR']],
  // Scripts shaped with HarfBuzz (shaper.ts): a face of their own, so the scan below does not
  // pick a looped or display design first by name. Script extensions, so a danda (।, shared by
  // the Indic scripts) is set with the letters around it.
  ...['Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan'].map(
    (script): [RegExp, string[]] => [new RegExp(`\\p{Script_Extensions=${script}}`, 'u'), [`NotoSerif${script}`, `NotoSans${script}`]],
  ),
];

/** Families tried for everything else, before scanning every installed font. */
const GENERAL = ['NotoSerif', 'NotoSans', 'DejaVuSans', 'NotoSansSymbols2', 'NotoSansSymbols', 'NotoSansMath', 'NotoEmoji'];

const STYLE_SUFFIX: Record<FontKey, string[]> = {
  regular: ['-Regular', ''],
  bold: ['-Bold', '-Regular', ''],
  italic: ['-Italic', '-Regular', ''],
};

// TrueType/OpenType single fonts only: pdf-lib cannot embed from a collection (.ttc).
const FONT_FILE = /\.(ttf|otf)$/i;

/** Fallbacks from the font folders `dirs` (default: the usual system folders). */
export function systemFallbacks(dirs: readonly string[] = SYSTEM_FONT_DIRS): FallbackSource {
  let files: Map<string, string> | null = null; // file name without extension → path
  const faces = new Map<string, Face | null>();
  const listFiles = (): Map<string, string> => {
    if (files) return files;
    files = new Map();
    for (const dir of dirs) {
      if (!existsSync(dir)) continue;
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        continue;
      }
      for (const name of names) if (FONT_FILE.test(name) && !files.has(name.replace(FONT_FILE, ''))) files.set(name.replace(FONT_FILE, ''), path.join(dir, name));
    }
    return files;
  };
  const load = (id: string): Face | null => {
    if (faces.has(id)) return faces.get(id) ?? null;
    const file = listFiles().get(id);
    let face: Face | null = null;
    if (file) {
      try {
        const bytes = new Uint8Array(readFileSync(file));
        face = { id, font: parseFont(bytes), bytes };
      } catch {
        face = null; // unreadable or not a single font: skip it
      }
    }
    faces.set(id, face);
    return face;
  };
  const styled = function* (family: string, key: FontKey): Iterable<Face> {
    for (const suffix of STYLE_SUFFIX[key]) {
      const face = load(family + suffix);
      if (face) {
        yield face;
        return;
      }
    }
  };
  return {
    face: (id) => faces.get(id) ?? null,
    *candidates(cluster, key) {
      for (const [re, families] of BY_SCRIPT) if (re.test(cluster)) for (const f of families) yield* styled(f, key);
      for (const f of GENERAL) yield* styled(f, key);
      // Last resort: every installed regular face, in name order (not for emoji: no outline
      // font has them where the families above are missing, and the scan reads every file).
      if (/\p{Extended_Pictographic}/u.test(cluster)) return;
      for (const id of listFiles().keys()) if (/-Regular$/.test(id)) yield* styled(id.replace(/-Regular$/, ''), key);
    },
  };
}

/** No fallbacks: every character the primary face lacks becomes a replacement box. */
export const NO_FALLBACKS: FallbackSource = { candidates: () => [], face: () => null };
