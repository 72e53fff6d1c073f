/** The fontkit measurer over the committed DejaVu fonts, for pure layout tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FONT_FILES } from '../../../../src-main/core/export/pdf/fonts';
import { fontkitMeasurer, parseFont } from '../../../../src-main/core/export/pdf/measure';

/** Raw bytes of a committed font file. */
export const fontBytes = (f: string): Uint8Array => new Uint8Array(readFileSync(path.resolve('resources/fonts', f)));

/** A measurer with real DejaVu Serif metrics. */
export const realMeasurer = fontkitMeasurer({
  regular: parseFont(fontBytes(FONT_FILES.regular)),
  bold: parseFont(fontBytes(FONT_FILES.bold)),
  italic: parseFont(fontBytes(FONT_FILES.italic)),
});
