/**
 * Text measurement with real font metrics. The layout only sees the `TextMeasurer` interface,
 * so line breaking stays pure geometry; `fontkitMeasurer` reads advance widths from the same
 * TrueType files the writer embeds.
 */
import * as fontkitModule from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { FontKey } from './styles';

/** Measures strings in one of the embedded faces. Widths and heights are in points. */
export interface TextMeasurer {
  /** Advance width of `text` set in `font` at `size` pt. */
  width(text: string, font: FontKey, size: number): number;
  /** Ascender and (positive) descender of `font` per 1 pt of size. */
  extents(font: FontKey): { ascent: number; descent: number };
}

/** The raw TrueType bytes of the three faces. */
export type FontBytes = Record<FontKey, Uint8Array>;

// The package is UMD: Node's ESM loader exposes `create` on the default export only.
const fontkit = ((fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule);

/** Parse a TrueType font with fontkit (the engine pdf-lib embeds with). */
export function parseFont(bytes: Uint8Array): Font {
  return fontkit.create(bytes);
}

/**
 * A measurer summing per-code-point advance widths, cached. This equals what pdf-lib draws
 * because the writer embeds with ligatures off (`liga: false`): pdf-lib then emits exactly one
 * glyph per code point and positions glyphs by their advance widths alone (no kerning, no TJ).
 */
export function fontkitMeasurer(fonts: Record<FontKey, Font>): TextMeasurer {
  const caches: Record<FontKey, Map<number, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  const advance = (key: FontKey, cp: number): number => {
    const cache = caches[key];
    let w = cache.get(cp);
    if (w === undefined) {
      const font = fonts[key];
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      cache.set(cp, w);
    }
    return w;
  };
  return {
    width(text, font, size) {
      let total = 0;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i) ?? 0;
        if (cp > 0xffff) i++;
        total += advance(font, cp);
      }
      return total * size;
    },
    extents(font) {
      const f = fonts[font];
      return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
    },
  };
}
