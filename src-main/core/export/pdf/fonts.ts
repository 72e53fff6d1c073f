/**
 * Locating and reading the embedded fonts (the only file I/O of the export). The fonts live in
 * `resources/fonts/` of the repository/package; the shell passes the packaged path explicitly.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PdfExportError } from './errors';
import type { FontBytes } from './measure';
import type { FontKey } from './styles';

/** File name of each face inside the fonts directory. */
export const FONT_FILES: Record<FontKey, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
};

/**
 * The fonts directory: `explicit` when given; otherwise the first `resources/fonts` holding
 * DejaVuSerif.ttf found walking up from this module (works from src-main/ and from a bundle in
 * out/), then under the current working directory.
 */
export function resolveFontsDir(explicit?: string): string {
  if (explicit) return explicit;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (existsSync(path.join(candidate, FONT_FILES.regular))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(process.cwd(), 'resources', 'fonts');
}

const TTF_MAGIC = [0x00010000, 0x74727565]; // sfnt version 1.0, or 'true'

/** Read the three faces from `dir`, checking each is a TrueType file. */
export async function loadFontBytes(dir: string): Promise<FontBytes> {
  const read = async (key: FontKey): Promise<Uint8Array> => {
    const file = path.join(dir, FONT_FILES[key]);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch {
      throw new PdfExportError('PDF_FONTS_MISSING', `Font file not found: ${file}`);
    }
    const magic = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : 0;
    if (!TTF_MAGIC.includes(magic)) throw new PdfExportError('PDF_FONTS_MISSING', `Not a TrueType font: ${file}`);
    return bytes;
  };
  const [regular, bold, italic] = await Promise.all([read('regular'), read('bold'), read('italic')]);
  return { regular, bold, italic };
}
