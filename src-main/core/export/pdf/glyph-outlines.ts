/**
 * Text drawn as filled glyph outlines instead of text-showing operators. Used for what a reader
 * must see but no extractor, search or screen reader should read as part of the article: note
 * numbers and list bullets. Outlines carry no character codes, so pdftotext and pdf.js cannot
 * pick them up however they treat marked content; the writer also wraps them in /Artifact
 * marked content (PDF 32000-1 §14.8.2.2) for tagged-PDF readers.
 */
import type { Font, Glyph } from '@pdf-lib/fontkit';

type Command = { command: string; args: number[] };

/** One path operator and its operands (`m`, `l`, `c`, `h`, `f`). */
export interface PathOp {
  op: 'm' | 'l' | 'c' | 'h' | 'f';
  args: number[];
}

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * PDF path operators (m, l, c, h, then f) drawing `text` in `font` at `size` with its baseline
 * starting at (x, y). TrueType quadratic segments are raised to cubic ones (PDF has no quadratic
 * operator): control points P0 + 2/3 (Q − P0) and P2 + 2/3 (Q − P2).
 */
export function outlineOps(font: Font, text: string, x: number, y: number, size: number): PathOp[] {
  const scale = size / font.unitsPerEm;
  const out: PathOp[] = [];
  let pen = 0;
  for (const glyph of font.layout(text).glyphs) {
    out.push(...glyphPathOps(glyph, x, y, scale, pen));
    pen += glyph.advanceWidth;
  }
  if (out.length > 0) out.push({ op: 'f', args: [] });
  return out;
}

/**
 * Path operators (no fill) of one glyph with its origin `pen` font units right of (x, y), font
 * units scaled by `scale`.
 */
export function glyphPathOps(glyph: Glyph, x: number, y: number, scale: number, pen = 0): PathOp[] {
  const out: PathOp[] = [];
  const px = (u: number): number => r3(x + (pen + u) * scale);
  const py = (v: number): number => r3(y + v * scale);
  let cx = 0;
  let cy = 0;
  for (const { command, args } of (glyph.path as unknown as { commands: Command[] }).commands) {
    const a = args;
    if (command === 'moveTo' || command === 'lineTo') {
      [cx, cy] = [a[0] as number, a[1] as number];
      out.push({ op: command === 'moveTo' ? 'm' : 'l', args: [px(cx), py(cy)] });
    } else if (command === 'quadraticCurveTo') {
      const [qx, qy, ex, ey] = a as [number, number, number, number];
      const c1 = [cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy)] as const;
      const c2 = [ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey)] as const;
      out.push({ op: 'c', args: [px(c1[0]), py(c1[1]), px(c2[0]), py(c2[1]), px(ex), py(ey)] });
      [cx, cy] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      const [x1, y1, x2, y2, ex, ey] = a as [number, number, number, number, number, number];
      out.push({ op: 'c', args: [px(x1), py(y1), px(x2), py(y2), px(ex), py(ey)] });
      [cx, cy] = [ex, ey];
    } else if (command === 'closePath') out.push({ op: 'h', args: [] });
  }
  return out;
}
