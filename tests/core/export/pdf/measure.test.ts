import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, resolveFontsDir } from '../../../../src-main/core/export/pdf/fonts';
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
