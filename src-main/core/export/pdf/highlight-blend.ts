/**
 * How highlights look on paper, as pure colour arithmetic. A highlight is painted with the
 * multiply blend mode at `HIGHLIGHT_OPACITY` (PDF 32000-1 §11.3.5: B(cb, cs) = cb × cs, then
 * composited with constant alpha), so overlapping highlights darken the paper the way ink
 * does instead of hiding one another, and the text on top stays readable. The contrast check
 * follows WCAG 2.x (relative luminance, (L1 + 0.05) / (L2 + 0.05)).
 */
import type { Rgb } from './styles';

/** Constant alpha of the multiply fill, in the annotation's appearance stream and when flattened. */
export const HIGHLIGHT_OPACITY = 0.35;

/** The colour of white paper under `layers` multiply fills of `opacity` each, bottom first. */
export function blendHighlights(layers: readonly Rgb[], opacity = HIGHLIGHT_OPACITY, paper: Rgb = [1, 1, 1]): Rgb {
  return layers.reduce<Rgb>(
    (cb, cs) => [0, 1, 2].map((i) => (1 - opacity) * (cb[i] as number) + opacity * (cb[i] as number) * (cs[i] as number)) as unknown as Rgb,
    paper,
  );
}

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
