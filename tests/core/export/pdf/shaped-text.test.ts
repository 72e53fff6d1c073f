/**
 * How a shaped run becomes character codes (planGlyphs, pure): what each glyph extracts as and
 * where it stands. Glyphs here are written by hand in HarfBuzz's output form (visual order,
 * cluster = offset of the cluster's first character, advances and offsets in ems).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFont } from '../../../../src-main/core/export/pdf/measure';
import { pdfLib } from '../../../../src-main/core/export/pdf/pdf-runtime';
import { ShapedFonts, planGlyphs } from '../../../../src-main/core/export/pdf/shaped-text';
import { loadShaper, type ShapedGlyph } from '../../../../src-main/core/export/pdf/shaper';

const SPACE = 3;
const g = (gid: number, cluster: number, ax: number, dx = 0, dy = 0): ShapedGlyph => ({ gid, cluster, ax, dx, dy });
const extracted = (codes: Array<{ text: string }>): string => codes.map((c) => c.text).join('');

describe('planGlyphs', () => {
  it('reads a reordered vowel sign back in logical order (Devanagari कि: ि drawn first)', () => {
    const plan = planGlyphs('कि', [g(50, 0, 0.25), g(10, 0, 0.5)], false, SPACE);
    expect(extracted(plan.codes)).toBe('कि');
    expect(plan.codes.map((c) => c.gid)).toEqual([50, 10]);
    expect(plan.outlines).toEqual([]);
  });

  it('gives a conjunct glyph the first letter and carries the virama and the second letter on blank codes', () => {
    const plan = planGlyphs('क्ष', [g(90, 0, 0.7)], false, SPACE);
    expect(plan.codes.map((c) => [c.gid, c.text])).toEqual([
      [90, 'क'],
      [SPACE, '्'],
      [SPACE, 'ष'],
    ]);
    // The letter-bearing codes chain: the conjunct's width reaches to where the carrier of ष
    // stands (the run's end), which carries no width; the virama is a mark (width 0).
    expect(plan.codes.map((c) => c.width)).toEqual([700, 0, 0]);
    expect(plan.codes[2]?.x).toBeCloseTo(0.7, 9);
  });

  it('draws a glyph left with no character (second half of Bengali ো) as an outline, its advance given to the one before', () => {
    const plan = planGlyphs('কো', [g(124, 0, 0.37), g(238, 0, 0.7), g(5, 0, 0.21)], false, SPACE);
    expect(extracted(plan.codes)).toBe('কো');
    expect(plan.outlines.map((o) => o.gid)).toEqual([5]);
    expect(plan.outlines[0]?.x).toBeCloseTo(1.07, 9);
    expect(plan.codes.reduce((s, c) => s + c.width, 0)).toBe(1280);
  });

  it('draws a raised mark as an outline and carries it on the baseline at the pen (Arabic fatha over ب)', () => {
    // Right to left: HarfBuzz gives the mark first (visual order); readers reverse the run back.
    const plan = planGlyphs('بَ', [g(1408, 0, 0, 0.28, 0.08), g(54, 0, 0.82)], true, SPACE);
    expect(plan.outlines).toEqual([{ gid: 1408, x: 0.28, y: 0.08 }]);
    expect(plan.codes.map((c) => [c.gid, c.text, c.x])).toEqual([
      [SPACE, 'َ', 0],
      [54, 'ب', 0],
    ]);
    expect([...extracted(plan.codes)].reverse().join('')).toBe('بَ');
  });

  it('keeps a mark drawn in place (no offset) as a visible glyph of width 0', () => {
    const plan = planGlyphs('ที่', [g(117, 0, 0.61), g(94, 0, 0), g(44, 0, 0)], false, SPACE);
    expect(plan.codes.map((c) => [c.gid, c.text, c.width])).toEqual([
      [117, 'ท', 610],
      [94, 'ี', 0],
      [44, '่', 0],
    ]);
  });
});

const DEVA = '/usr/share/fonts/truetype/noto/NotoSerifDevanagari-Regular.ttf';

describe('ShapedFonts', () => {
  it.skipIf(!existsSync(DEVA))('starts a second embedded font when the codes of the first run out, and writes both', async () => {
    const bytes = new Uint8Array(readFileSync(DEVA));
    const face = { id: 'deva', font: parseFont(bytes), bytes };
    // The writer's own pdf-lib build (its classes are checked with instanceof).
    const { PDFDocument, PDFDict, PDFName } = pdfLib;
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    const fonts = new ShapedFonts(doc.context, (id) => (id === 'deva' ? face : null), 8);
    const shaper = await loadShaper();
    for (const [text, y] of [['विद्यार्थी', 200], ['पुस्तक पढ़ते', 100]] as const) {
      const run = shaper.shape(face, text);
      fonts.draw(page, { x: 10, y, text, font: 'regular', face: 'deva', size: 12, color: [0, 0, 0], glyphs: run.glyphs });
    }
    await fonts.finish();
    const resources = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const type0 = resources.entries().map(([, ref]) => doc.context.lookup(ref, PDFDict).get(PDFName.of('Subtype'))?.toString());
    expect(type0).toEqual(['/Type0', '/Type0']);
  });
});
