/**
 * Text measurement with real font metrics, and the choice of face for every character. The
 * layout only sees the `TextMeasurer` interface, so line breaking stays pure geometry; the
 * measurer reads advance widths from the same TrueType files the writer embeds, and splits text
 * into runs of one face each, so what is measured is exactly what is drawn (no overprint).
 */
import type { Font } from '@pdf-lib/fontkit';
import type { FallbackSource } from './font-fallback';
import { fontkit } from './pdf-runtime';
import { needsShaping, type ShapedGlyph, type Shaper } from './shaper';
import type { FontKey } from './styles';

/** Face id of the replacement box drawn for a character no installed font has. */
export const REPLACEMENT_FACE = 'replacement';

/** A stretch of text set in one face: a primary FontKey, a fallback face id, or the replacement. */
export interface TextRun {
  text: string;
  face: string;
  /** Advance width at the requested size, in points. */
  width: number;
  /** Set right to left (Hebrew, Arabic…): the writer's font engine reverses its glyphs. */
  rtl: boolean;
  /** Glyphs shaped by HarfBuzz (complex scripts), in visual order: the writer draws exactly these. */
  glyphs?: ShapedGlyph[];
}

/** Measures strings in one of the embedded faces. Widths and heights are in points. */
export interface TextMeasurer {
  /** Advance width of `text` set in `font` at `size` pt (the sum of its runs). */
  width(text: string, font: FontKey, size: number): number;
  /** `text` cut into runs of one face each, in logical order. */
  runs(text: string, font: FontKey, size: number): TextRun[];
  /** Ascender and (positive) descender of `font` per 1 pt of size. */
  extents(font: FontKey): { ascent: number; descent: number };
}

/** The raw TrueType bytes of the three faces. */
export type FontBytes = Record<FontKey, Uint8Array>;

/** OpenType features the writer embeds with, and so the measurer lays out with. */
// Positioning features off too: pdf-lib draws by advance widths and discards GPOS positions, and
// parsing GPOS for them cost ~0.3 s per export.
export const FONT_FEATURES = { liga: false, kern: false, mark: false, mkmk: false } as const;


/** Parse a TrueType font with fontkit (the engine pdf-lib embeds with). */
export function parseFont(bytes: Uint8Array): Font {
  return fontkit.create(bytes);
}

/** Replacement boxes: one em for wide characters (CJK, emoji), 0.6 em for the rest. */
export function replacementWidth(cluster: string): number {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}]/u.test(cluster) ? 1 : 0.6;
}

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** What the measurer needs of a fallback face: the parsed font, and the bytes HarfBuzz shapes with. */
interface FallbackFace {
  id: string;
  font: Font;
  bytes: Uint8Array;
}

/**
 * A measurer over the three primary faces, with `fallbacks` for characters they lack. The
 * primary faces are measured per code point (cached): the writer embeds with ligatures off, so
 * pdf-lib emits one glyph per code point, positioned by advance widths alone (no kerning, no
 * TJ). Fallback runs are measured as fontkit lays them out (the glyphs pdf-lib will draw:
 * joined Arabic forms included), or, with a `shaper`, complex scripts (Indic, Thai, Arabic…)
 * as HarfBuzz shapes them, glyphs kept for the writer. A grapheme cluster no face has is one
 * replacement box.
 */
export function fontkitMeasurer(fonts: Record<FontKey, Font>, fallbacks?: FallbackSource, shaper?: Shaper): TextMeasurer {
  const advances: Record<FontKey, Map<number, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  const covered: Record<FontKey, Map<number, boolean>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  const fallbackFor: Record<FontKey, Map<string, FallbackFace | null>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  const faces = new Map<string, FallbackFace>();
  // Line breaking measures the same words many times: shape each (face, text) once.
  const shaped = new Map<string, ReturnType<Shaper['shape']>>();
  const shape = (face: FallbackFace, text: string): ReturnType<Shaper['shape']> | null => {
    // CFF-flavoured faces are not shaped: the writer draws shaped glyphs through a TrueType CIDFont.
    if (!shaper || !needsShaping(text) || face.font.cff) return null;
    const key = `${face.id}\u0000${text}`;
    let r = shaped.get(key);
    if (!r) {
      r = shaper.shape(face, text);
      shaped.set(key, r);
    }
    return r;
  };

  const advance = (key: FontKey, cp: number): number => {
    let w = advances[key].get(cp);
    if (w === undefined) {
      const font = fonts[key];
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      advances[key].set(cp, w);
    }
    return w;
  };
  const has = (key: FontKey, cp: number): boolean => {
    let ok = covered[key].get(cp);
    if (ok === undefined) {
      ok = fonts[key].hasGlyphForCodePoint(cp);
      covered[key].set(cp, ok);
    }
    return ok;
  };
  const primaryWidth = (text: string, key: FontKey): number => {
    let total = 0;
    for (const ch of text) total += advance(key, ch.codePointAt(0) ?? 0);
    return total;
  };
  /** Whether every visible code point of `cluster` is in `font` (invisible ones may be dropped). */
  const fontHas = (font: Font, cluster: string): boolean => {
    for (const ch of cluster) if (!IGNORABLE.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) return false;
    return true;
  };
  const fallbackOf = (cluster: string, key: FontKey): FallbackFace | null => {
    const cache = fallbackFor[key];
    if (cache.has(cluster)) return cache.get(cluster) ?? null;
    let found: FallbackFace | null = null;
    for (const face of fallbacks?.candidates(cluster, key) ?? []) {
      if (fontHas(face.font, cluster)) {
        found = face;
        break;
      }
    }
    if (found) faces.set(found.id, found);
    cache.set(cluster, found);
    return found;
  };
  /** Drop invisible code points (joiners, variation selectors) a face has no glyph for: they would draw .notdef. */
  const visible = (font: Font, text: string): string => [...text].filter((ch) => !IGNORABLE.test(ch) || font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)).join('');

  const runs = (text: string, key: FontKey, size: number): TextRun[] => {
    const out: TextRun[] = [];
    let allPrimary = true;
    for (const ch of text) if (!has(key, ch.codePointAt(0) ?? 0)) allPrimary = false;
    if (allPrimary) return text ? [{ text, face: key, width: primaryWidth(text, key) * size, rtl: false }] : [];
    for (const { segment } of graphemes.segment(text)) {
      const primary = fontHas(fonts[key], segment);
      const face = primary ? key : (fallbackOf(segment, key)?.id ?? REPLACEMENT_FACE);
      const last = out[out.length - 1];
      if (last && last.face === face) last.text += segment;
      else out.push({ text: segment, face, width: 0, rtl: false });
    }
    for (const run of out) {
      if (run.face === key) {
        run.text = visible(fonts[key], run.text);
        run.width = primaryWidth(run.text, key) * size;
      } else if (run.face === REPLACEMENT_FACE) {
        run.width = [...graphemes.segment(run.text)].reduce((s, g) => s + replacementWidth(g.segment), 0) * size;
        run.rtl = RTL.test(run.text);
      } else {
        const face = faces.get(run.face) as FallbackFace;
        run.text = visible(face.font, run.text);
        run.rtl = RTL.test(run.text);
        const hb = shape(face, run.text);
        if (hb) {
          run.width = hb.advance * size;
          run.glyphs = hb.glyphs;
          continue;
        }
        let glyphs: ReturnType<Font['layout']>['glyphs'];
        try {
          glyphs = face.font.layout(run.text, { ...FONT_FEATURES }).glyphs;
        } catch {
          // fontkit's own Indic shaper throws in its bundled build (it needs a generator runtime
          // the bundle lacks): without HarfBuzz such a run prints as boxes that still extract.
          run.face = REPLACEMENT_FACE;
          run.width = [...graphemes.segment(run.text)].reduce((s, g) => s + replacementWidth(g.segment), 0) * size;
          continue;
        }
        run.width = (glyphs.reduce((s, g) => s + g.advanceWidth, 0) / face.font.unitsPerEm) * size;
      }
    }
    return out.filter((r) => r.text !== '');
  };

  return {
    width(text, font, size) {
      let allPrimary = true;
      for (const ch of text) if (!has(font, ch.codePointAt(0) ?? 0)) allPrimary = false;
      if (allPrimary) return primaryWidth(text, font) * size;
      return runs(text, font, size).reduce((s, r) => s + r.width, 0);
    },
    runs,
    extents(font) {
      const f = fonts[font];
      return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
    },
  };
}
