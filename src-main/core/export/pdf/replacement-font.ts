/**
 * The replacement glyph for characters no installed font has (CJK or emoji on a machine
 * without those fonts): a hollow box of the width the layout measured (replacementWidth), in a
 * small Type 3 font (PDF 32000-1 §9.6.5) whose /ToUnicode CMap maps each box back to the
 * character it stands for. So the page shows a box instead of overprinting its neighbours, and
 * pdftotext, pdf.js and copy-paste still get the real text.
 */
import type { PDFContext, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-runtime';
import { replacementWidth } from './measure';

/**
 * One Type 3 font holds up to 254 distinct clusters, codes 2–255. Code 1 is an unused glyph
 * named "m", 0.6 em wide: poppler guesses a Type 3 font's scale from the width of its "m"
 * (TextOutputDev: "0.6 is a generic average 'm' width"), and without one it scales our boxes'
 * line height by up to 2×, which splits the line when extracting.
 */
const PER_FONT = 254;
const FIRST_CODE = 2;

/** The fonts made for one document, and how to encode a replaced cluster with them. */
export interface ReplacementFonts {
  /** Font reference and hex-encoded codes for `text` (a run of replaced clusters, each in the same font chunk). */
  encode(text: string): Array<{ font: PDFRef; codes: PDFHexString }>;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

const utf16Hex = (s: string): string => [...s].map((ch) => {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x10000) return cp.toString(16).padStart(4, '0');
  const v = cp - 0x10000;
  return ((v >> 10) + 0xd800).toString(16) + ((v & 0x3ff) + 0xdc00).toString(16);
}).join('').toUpperCase();

const hex2 = (n: number): string => n.toString(16).padStart(2, '0').toUpperCase();

function toUnicodeCMap(clusters: readonly string[]): string {
  const lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap', '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Folio-Replacement-UCS def', '/CMapType 2 def', '1 begincodespacerange', '<00> <FF>', 'endcodespacerange'];
  for (let i = 0; i < clusters.length; i += 100) {
    const chunk = clusters.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk.map((c, k) => `<${hex2(i + k + FIRST_CODE)}> <${utf16Hex(c)}>`), 'endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

/** A hollow box glyph `w` thousandths of an em wide (d1: an uncoloured glyph, painted in the text colour). */
function boxGlyph(w: number): string {
  const m = Math.round(w * 0.08);
  return [`${w} 0 0 -150 ${w} 750 d1`, `${m} -120 ${w - 2 * m} 850 re`, `${m + 55} -65 ${w - 2 * m - 110} 740 re`, 'f*'].join('\n');
}

/** Build the replacement fonts for the distinct clusters of `texts` (none: no font is written). */
export function buildReplacementFonts(context: PDFContext, texts: readonly string[]): ReplacementFonts {
  const clusters: string[] = [];
  const index = new Map<string, number>();
  for (const t of texts) {
    for (const { segment } of graphemes.segment(t)) {
      if (!index.has(segment)) {
        index.set(segment, clusters.length);
        clusters.push(segment);
      }
    }
  }
  const fonts: PDFRef[] = [];
  for (let start = 0; start < clusters.length; start += PER_FONT) {
    const chunk = clusters.slice(start, start + PER_FONT);
    const widths = chunk.map((c) => Math.round(replacementWidth(c) * 1000));
    const procs = context.obj({ m: context.register(context.flateStream('600 0 0 0 0 0 d1')) });
    const differences: Array<number | PDFName> = [1, pdfLib.PDFName.of('m')];
    chunk.forEach((_, k) => {
      const name = `r${k + FIRST_CODE}`;
      procs.set(pdfLib.PDFName.of(name), context.register(context.flateStream(boxGlyph(widths[k] as number))));
      differences.push(pdfLib.PDFName.of(name));
    });
    const font = context.obj({
      Type: 'Font',
      Subtype: 'Type3',
      FontBBox: [0, -150, 1000, 750],
      FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      CharProcs: procs,
      Encoding: context.obj({ Type: 'Encoding', Differences: context.obj(differences) }),
      FirstChar: 1,
      LastChar: chunk.length + 1,
      Widths: [600, ...widths],
      Resources: context.obj({}),
      ToUnicode: context.register(context.flateStream(toUnicodeCMap(chunk))),
    });
    fonts.push(context.register(font));
  }
  return {
    encode(text) {
      const out: Array<{ font: PDFRef; codes: PDFHexString }> = [];
      for (const { segment } of graphemes.segment(text)) {
        const i = index.get(segment);
        if (i === undefined) continue;
        const font = fonts[Math.floor(i / PER_FONT)] as PDFRef;
        const code = hex2((i % PER_FONT) + FIRST_CODE);
        const last = out[out.length - 1];
        if (last && last.font === font) last.codes = pdfLib.PDFHexString.of(last.codes.asString() + code);
        else out.push({ font, codes: pdfLib.PDFHexString.of(code) });
      }
      return out;
    },
  };
}
