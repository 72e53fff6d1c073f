import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { NO_FALLBACKS, systemFallbacks } from '../../../../src-main/core/export/pdf/font-fallback';
import { FONT_FILES, resolveFontsDir } from '../../../../src-main/core/export/pdf/fonts';
import { REPLACEMENT_FACE, fontkitMeasurer, parseFont } from '../../../../src-main/core/export/pdf/measure';
import { loadShaper } from '../../../../src-main/core/export/pdf/shaper';
import { fontBytes as bytes, realMeasurer } from './real-measurer';

const dir = path.resolve('resources/fonts');

describe('fontkitMeasurer', () => {
  it('matches the advance widths pdf-lib draws with (ligatures off), for Vietnamese and English', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(bytes(FONT_FILES.italic), { subset: true, features: { liga: false } });
    for (const s of ['Người ta thường nói: “Đường xa mới biết ngựa hay.”', 'office affluent fjord', 'Ỷ Ữ ậ ẫ đĐ']) {
      expect(realMeasurer.width(s, 'italic', 11)).toBeCloseTo(font.widthOfTextAtSize(s, 11), 6);
    }
  });

  it('gives zero width to combining marks and positive width to precomposed letters', () => {
    expect(realMeasurer.width('\u0323', 'regular', 10)).toBe(0);
    expect(realMeasurer.width('ệ', 'regular', 10)).toBeGreaterThan(0);
    expect(realMeasurer.width('ab', 'bold', 10)).toBeGreaterThan(realMeasurer.width('ab', 'regular', 10));
  });
});

describe('resolveFontsDir', () => {
  it('finds resources/fonts of the repository by default and honours an explicit directory', () => {
    expect(resolveFontsDir()).toBe(dir);
    expect(resolveFontsDir('/opt/folio/fonts')).toBe('/opt/folio/fonts');
  });
});

describe('font runs', () => {
  const noto = '/usr/share/fonts/truetype/noto';
  const fonts = { regular: parseFont(bytes(FONT_FILES.regular)), bold: parseFont(bytes(FONT_FILES.bold)), italic: parseFont(bytes(FONT_FILES.italic)) };

  it('boxes what no font has: one replacement per grapheme, 1 em for CJK and emoji, invisible joiners dropped', () => {
    const m = fontkitMeasurer(fonts, NO_FALLBACKS);
    const runs = m.runs('Hà 中文 👍🏽 x\ufeff', 'regular', 10);
    expect(runs.map((r) => [r.text, r.face])).toEqual([
      ['Hà ', 'regular'],
      ['中文', REPLACEMENT_FACE],
      [' ', 'regular'],
      ['👍🏽', REPLACEMENT_FACE],
      [' x', 'regular'],
    ]);
    expect(runs[1]?.width).toBeCloseTo(20, 6);
    expect(runs[3]?.width).toBeCloseTo(10, 6);
    expect(m.width('Hà 中文 👍🏽 x\ufeff', 'regular', 10)).toBeCloseTo(runs.reduce((s, r) => s + r.width, 0), 6);
  });

  it.skipIf(!existsSync(path.join(noto, 'NotoNaskhArabic-Regular.ttf')))('measures a fallback run exactly as pdf-lib draws it (shaped Arabic)', async () => {
    const m = fontkitMeasurer(fonts, systemFallbacks([noto]));
    const [run] = m.runs('مرحبا', 'regular', 12);
    expect(run?.face).toBe('NotoNaskhArabic-Regular');
    expect(run?.rtl).toBe(true);
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(readFileSync(path.join(noto, 'NotoNaskhArabic-Regular.ttf')), { subset: true, features: { liga: false } });
    expect(run?.width).toBeCloseTo(font.widthOfTextAtSize('مرحبا', 12), 6);
  });

  const deva = path.join(noto, 'NotoSerifDevanagari-Regular.ttf');
  it.skipIf(!existsSync(deva))('without HarfBuzz, prints Hindi as boxes instead of failing (fontkit\'s Indic shaper throws)', () => {
    const m = fontkitMeasurer(fonts, systemFallbacks([noto]));
    const runs = m.runs('क्षेत्र', 'regular', 10);
    expect(runs.map((r) => r.face)).toEqual([REPLACEMENT_FACE]);
    expect(runs[0]?.width).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(deva))('with HarfBuzz, measures a Hindi run as shaped: the conjunct is one glyph, the width the sum of its advances', async () => {
    const m = fontkitMeasurer(fonts, systemFallbacks([noto]), await loadShaper());
    const [run] = m.runs('क्ष', 'regular', 10);
    expect(run?.face).toBe('NotoSerifDevanagari-Regular');
    expect(run?.glyphs).toHaveLength(1);
    expect(run?.width).toBeCloseTo((run?.glyphs ?? []).reduce((s, g) => s + g.ax, 0) * 10, 9);
    // Not the three glyphs a character-by-character lookup gives, nor their width.
    const font = parseFont(readFileSync(deva));
    const unshaped = font.glyphsForString('क्ष');
    expect(unshaped).toHaveLength(3);
    expect(run?.glyphs?.[0]?.gid).not.toBe(unshaped[0]?.id);
    // Vietnamese stays on the primary face, unshaped.
    expect(m.runs('Hà Nội', 'regular', 10).every((r) => r.glyphs === undefined)).toBe(true);
  });
});
