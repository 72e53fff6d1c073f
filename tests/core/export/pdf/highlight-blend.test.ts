import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_OPACITY, blendHighlights, contrastRatio, relativeLuminance } from '../../../../src-main/core/export/pdf/highlight-blend';
import { HIGHLIGHT_RGB, KIND_STYLES, TRANSLATION_COLOR, type Rgb } from '../../../../src-main/core/export/pdf/styles';

const COLORS = Object.values(HIGHLIGHT_RGB);
/** Every colour text can have under a highlight: each paragraph kind, and interleaved translations. */
const TEXT_COLORS: Rgb[] = [...Object.values(KIND_STYLES).map((s) => s.color), TRANSLATION_COLOR];

describe('highlight blending', () => {
  it('multiplies: one opaque layer is the colour itself, layers darken, order does not matter', () => {
    expect(blendHighlights([HIGHLIGHT_RGB.yellow], 1)).toEqual(HIGHLIGHT_RGB.yellow);
    expect(blendHighlights([], 0.5)).toEqual([1, 1, 1]);
    const one = relativeLuminance(blendHighlights([HIGHLIGHT_RGB.blue]));
    const two = relativeLuminance(blendHighlights([HIGHLIGHT_RGB.blue, HIGHLIGHT_RGB.blue]));
    expect(two).toBeLessThan(one);
    const ab = blendHighlights([HIGHLIGHT_RGB.pink, HIGHLIGHT_RGB.green]);
    const ba = blendHighlights([HIGHLIGHT_RGB.green, HIGHLIGHT_RGB.pink]);
    ab.forEach((c, i) => expect(c).toBeCloseTo(ba[i] as number, 10));
  });

  it('computes WCAG contrast (black on white is 21:1)', () => {
    expect(contrastRatio([0, 0, 0], [1, 1, 1])).toBeCloseTo(21, 5);
    expect(contrastRatio([1, 1, 1], [1, 1, 1])).toBe(1);
  });

  it('keeps every text colour at ≥ 4.5:1 under up to three overlapping highlights of any colours', () => {
    let worst = Infinity;
    for (const a of COLORS)
      for (const b of [undefined, ...COLORS])
        for (const c of [undefined, ...COLORS]) {
          const layers = [a, b, c].filter((x): x is Rgb => x !== undefined);
          for (const text of TEXT_COLORS) worst = Math.min(worst, contrastRatio(text, blendHighlights(layers, HIGHLIGHT_OPACITY)));
        }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('the previous design (opaque-ish 0.45 fill on top of a 0.5 tint in the page) fell below 4.5:1', () => {
    // Regression guard for issue 13 defect 5: both layers painted, three deep, grey translation text.
    const tint = (c: Rgb): Rgb => c.map((v) => 1 - (1 - v) * 0.5) as unknown as Rgb;
    const old = [HIGHLIGHT_RGB.blue, HIGHLIGHT_RGB.pink, HIGHLIGHT_RGB.purple];
    const paper = blendHighlights(old.map(tint), 1);
    expect(contrastRatio([0.4, 0.4, 0.45], blendHighlights(old, 0.45, paper))).toBeLessThan(4.5);
  });
});
