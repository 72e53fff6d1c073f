/**
 * Drawing HarfBuzz-shaped runs by glyph id. pdf-lib's `drawText` lays text out again through
 * fontkit, so shaped glyphs (conjuncts, reordered vowel signs, positioned marks) are written
 * here with the text operators of PDF 32000-1 §9.4, in a Type 0 font with Identity-H encoding
 * over a CIDFontType2 (§9.7.4) that this module embeds itself: a TrueType subset of the face,
 * a /CIDToGIDMap, a /W array and a /ToUnicode CMap (§9.10.3).
 *
 * Extraction is what the codes are chosen for. One glyph can stand for several characters, one
 * character for several glyphs, and the glyphs of a cluster are drawn out of logical order
 * (Devanagari ि before its consonant). So each character code (CID) is a (glyph, text, width)
 * triple: the characters of a cluster are dealt to its glyphs in drawing order (reversed for
 * right-to-left runs, as readers reverse them back), and /ToUnicode maps every code to its
 * share, so reading the codes in content order gives the cluster's characters. Combining marks
 * in a share ride on blank "carrier" codes (the face's space glyph), because pdf.js takes any
 * code whose text holds a mark for a zero-width diacritic; a glyph raised or lowered off the
 * baseline (a positioned mark) and a glyph left with no character (the second half of a split
 * vowel: Bengali ো, Thai ำ) are drawn as outline paths, which no reader extracts. /W widths are
 * chosen for readers that rebuild words from positions: a code's width reaches to where the next
 * character-bearing code starts, a mark's is 0, and TJ offsets put every glyph exactly where
 * HarfBuzz placed it. A left-to-right run is also wrapped in /Span marked content with
 * /ActualText (§14.9.4), which poppler reads instead of the glyphs.
 */
import type { Font } from '@pdf-lib/fontkit';
import type { PDFArray, PDFContext, PDFName as PDFNameType, PDFObject, PDFOperator as Operator, PDFOperatorNames, PDFPage, PDFRef } from 'pdf-lib';
import { createHash } from 'node:crypto';
import type { Face } from './font-fallback';
import type { PlacedText } from './geometry';
import { glyphPathOps } from './glyph-outlines';
import { fontkit, pdfLib } from './pdf-runtime';
import type { ShapedGlyph } from './shaper';

const { PDFHexString, PDFName, PDFNumber, PDFOperator, PDFString } = pdfLib;

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** One character code of an embedded shaped face. */
interface Code {
  cid: number;
  /** Glyph id in the subset. */
  gid: number;
  /** Width in thousandths of an em. */
  width: number;
  text: string;
}

interface EmbeddedFace {
  ref: PDFRef;
  /** The face's blank glyph (its space), drawn for invisible carriers. */
  space: number;
  font: Font;
  subset: ReturnType<Font['createSubset']>;
  codes: Map<string, Code>;
}

/** A character code as drawn: origin in ems from the run's start (on the baseline), and what it extracts as. */
export interface DrawnCode {
  /** Glyph id in the face (the face's space glyph for an invisible carrier). */
  gid: number;
  x: number;
  /** Characters its code maps to. */
  text: string;
  /** Width written for its code, thousandths of an em. */
  width: number;
  /** Drawn with the blank glyph: it only carries characters another glyph shows. */
  carrier: boolean;
}

/** How a shaped run is drawn: codes in content order, and glyphs drawn as outlines (no text). */
export interface GlyphPlan {
  codes: DrawnCode[];
  outlines: Array<{ gid: number; x: number; y: number }>;
}

const MARK = /\p{Mn}/u;
// Maximal stretches of combining marks (Mn) or of other characters.
const SEGMENTS = /\p{Mn}+|\P{Mn}+/gu;

/**
 * Where each glyph of a shaped run is drawn and what it extracts as (pure). `text` is the run's
 * logical text, `glyphs` HarfBuzz's output in visual order, `space` the face's blank glyph.
 *
 * pdf.js rebuilds words from positions and treats any code whose text holds a combining mark as
 * taking no room, and poppler starts a new line for text raised off the baseline. So: a glyph's
 * share of its cluster's characters is cut into stretches of marks and of other characters; the
 * glyph itself carries the first stretch of other characters, the rest ride on invisible
 * carriers (the blank glyph) next to it; a raised or lowered glyph (a positioned mark) is an
 * outline whose characters ride on carriers on the baseline. Widths then chain each code that is
 * not a mark to the next, so no reader sees a gap inside a word.
 */
export function planGlyphs(text: string, glyphs: readonly ShapedGlyph[], rtl: boolean, space: number): GlyphPlan {
  const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const end = (c: number): number => starts.find((s) => s > c) ?? text.length;
  const codes: DrawnCode[] = [];
  const outlines: GlyphPlan['outlines'] = [];
  let pen = 0;
  let i = 0;
  while (i < glyphs.length) {
    const cluster = (glyphs[i] as ShapedGlyph).cluster;
    let j = i;
    while (j < glyphs.length && (glyphs[j] as ShapedGlyph).cluster === cluster) j++;
    const chars = [...text.slice(cluster, end(cluster))];
    if (rtl) chars.reverse();
    for (let k = i; k < j; k++) {
      const g = glyphs[k] as ShapedGlyph;
      const share = k < j - 1 ? (chars[k - i] ?? '') : chars.slice(k - i).join('');
      const x = pen + g.dx;
      pen += g.ax;
      const segments = share.match(SEGMENTS) ?? [];
      // Marks moved off their pen position are outlines: their characters ride on carriers.
      const own = g.dy === 0 ? segments.findIndex((seg) => !MARK.test(seg) || (g.ax === 0 && g.dx === 0)) : -1;
      if (own < 0) outlines.push({ gid: g.gid, x, y: g.dy });
      // A carrier of marks stands at the pen, not at the mark's offset: poppler starts a new
      // word at a character that begins far left of the previous one's end.
      segments.forEach((seg, n) => codes.push({ gid: n === own ? g.gid : space, x: n === own ? x : pen - g.ax, text: seg, width: 0, carrier: n !== own }));
    }
    i = j;
  }
  // Backwards: each code that is not a mark reaches to the next one; a carrier of such
  // characters stands, without width, where the next one starts (so its glyph keeps the width
  // pdf.js measures the next gap from).
  let next = pen;
  for (let k = codes.length - 1; k >= 0; k--) {
    const c = codes[k] as DrawnCode;
    if (MARK.test(c.text)) continue;
    if (c.carrier) c.x = next;
    c.width = Math.max(0, Math.round((next - c.x) * 1000));
    next = c.x;
  }
  return { codes, outlines };
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

const utf16Hex = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out;
};

const op = (name: string, ...args: Array<number | PDFNameType>): Operator =>
  PDFOperator.of(name as PDFOperatorNames, args.map((a) => (typeof a === 'number' ? PDFNumber.of(a) : a)));

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

// Codes are two bytes (Identity-H) and 0 is .notdef.
const MAX_CODES = 0xffff;

/** The shaped faces of one document: drawing operators now, font objects at `finish`. */
export class ShapedFonts {
  private readonly faces = new Map<string, EmbeddedFace>();
  private readonly names = new WeakMap<PDFPage, Map<string, PDFNameType>>();

  /** `maxCodes`: codes per embedded font (2-byte codes allow 65,535; tests use fewer). */
  constructor(
    private readonly context: PDFContext,
    private readonly faceOf: (id: string) => Face | null,
    private readonly maxCodes = MAX_CODES,
  ) {}

  /** Draw `t` (a shaped run) on `page`. */
  draw(page: PDFPage, t: PlacedText): void {
    if (!t.face || !t.glyphs) return;
    const rtl = RTL.test(t.text);
    const space = this.embedded(t.face)?.space;
    if (space === undefined) return;
    const plan = planGlyphs(t.text, t.glyphs, rtl, space);
    const face = this.embedded(t.face, plan.codes.length) as EmbeddedFace;
    const name = this.nameOn(page, face.ref);
    const s = t.size;
    const elements: PDFObject[] = [];
    let pen = 0; // where the PDF's text position is, in ems from the run's start
    for (const c of plan.codes) {
      // TJ offsets are in thousandths of an em, subtracted from the position (PDF 32000-1 §9.4.3).
      const shift = Math.round((c.x - pen) * 1e6) / 1e3;
      if (shift !== 0) elements.push(PDFNumber.of(-shift));
      elements.push(PDFHexString.of(hex4(this.code(face, c).cid)));
      pen += shift / 1000 + c.width / 1000;
    }
    const ops: Operator[] = [op('q'), op('BT'), op('rg', ...t.color), op('Tf', name, s), op('Td', r3(t.x), r3(t.y))];
    // Left to right, poppler reads the run's characters from /ActualText (it would otherwise
    // rebuild words from glyph positions); right to left it must see glyphs, in visual order.
    // The span sits inside the text object, where the font is still set when poppler ends it.
    if (!rtl) ops.push(PDFOperator.of('BDC' as PDFOperatorNames, [PDFName.of('Span'), this.context.obj({ ActualText: PDFHexString.fromText(t.text) }) as unknown as PDFNameType]));
    if (elements.length > 0) ops.push(PDFOperator.of('TJ' as PDFOperatorNames, [this.context.obj(elements) as PDFArray]));
    if (!rtl) ops.push(op('EMC'));
    ops.push(op('ET'));
    const scale = s / face.font.unitsPerEm;
    const path = plan.outlines.flatMap((g) => glyphPathOps(face.font.getGlyph(g.gid), t.x + g.x * s, t.y + g.y * s, scale));
    if (path.length > 0) ops.push(...path.map((p) => op(p.op, ...p.args)), op('f'));
    ops.push(op('Q'));
    page.pushOperators(...ops);
  }

  /** Write the font objects of every face drawn with (the subset holds exactly the glyphs used). */
  async finish(): Promise<void> {
    for (const face of this.faces.values()) {
      const codes = [...face.codes.values()];
      const bytes = await encodeSubset(face.subset);
      const tag = createHash('md5').update(bytes).digest('hex').slice(0, 6).replace(/[0-9a-f]/g, (c) => String.fromCharCode(65 + parseInt(c, 16)));
      const baseFont = `${tag}+${(face.font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '')}`;
      const scale = 1000 / face.font.unitsPerEm;
      const bbox = face.font.bbox;
      const fontFile = this.context.register(this.context.flateStream(bytes, { Length1: bytes.length }));
      const descriptor = this.context.register(
        this.context.obj({
          Type: 'FontDescriptor',
          FontName: baseFont,
          Flags: 4, // symbolic: glyphs are addressed by id, not by a standard encoding
          FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(Math.round),
          ItalicAngle: face.font.italicAngle,
          Ascent: Math.round(face.font.ascent * scale),
          Descent: Math.round(face.font.descent * scale),
          CapHeight: Math.round((face.font.capHeight || face.font.ascent) * scale),
          StemV: 0,
          FontFile2: fontFile,
        }),
      );
      const map = new Uint8Array((codes.length + 1) * 2);
      for (const c of codes) {
        map[c.cid * 2] = c.gid >> 8;
        map[c.cid * 2 + 1] = c.gid & 0xff;
      }
      const widths: Array<number | number[]> = [];
      for (const c of codes) widths.push(c.cid, [c.width]);
      const cidFont = this.context.register(
        this.context.obj({
          Type: 'Font',
          Subtype: 'CIDFontType2',
          BaseFont: baseFont,
          CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
          FontDescriptor: descriptor,
          DW: 0,
          W: widths,
          CIDToGIDMap: this.context.register(this.context.flateStream(map)),
        }),
      );
      this.context.assign(
        face.ref,
        this.context.obj({
          Type: 'Font',
          Subtype: 'Type0',
          BaseFont: baseFont,
          Encoding: 'Identity-H',
          DescendantFonts: [cidFont],
          ToUnicode: this.context.register(this.context.flateStream(toUnicode(codes))),
        }),
      );
    }
  }

  /** The face `id` is drawn with now; a full one (2-byte codes run out) gives way to a fresh copy. */
  private embedded(id: string, room = 0): EmbeddedFace | null {
    let face = this.faces.get(id);
    if (face && face.codes.size + room <= this.maxCodes) return face;
    if (face) {
      this.faces.delete(id);
      this.faces.set(`${id}#${this.faces.size}`, face);
    }
    const source = this.faceOf(id);
    if (!source) return null;
    // A face of its own: fontkit's subsetter keeps state on the face it subsets.
    const font = fontkit.create(source.bytes);
    if (font.cff) return null;
    face = { ref: this.context.nextRef(), space: font.glyphForCodePoint(0x20).id, font, subset: font.createSubset(), codes: new Map() };
    this.faces.set(id, face);
    return face;
  }

  private code(face: EmbeddedFace, g: DrawnCode): Code {
    const key = `${g.gid} ${g.width} ${g.text}`;
    let c = face.codes.get(key);
    if (!c) {
      c = { cid: face.codes.size + 1, gid: face.subset.includeGlyph(g.gid), width: g.width, text: g.text };
      face.codes.set(key, c);
    }
    return c;
  }

  private nameOn(page: PDFPage, ref: PDFRef): PDFNameType {
    const id = ref.toString();
    let names = this.names.get(page);
    if (!names) {
      names = new Map();
      this.names.set(page, names);
    }
    let name = names.get(id);
    if (!name) {
      name = page.node.newFontDictionary('FolioShaped', ref);
      names.set(id, name);
    }
    return name;
  }
}

function toUnicode(codes: readonly Code[]): string {
  const lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap', '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Folio-Shaped-UCS def', '/CMapType 2 def', '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange'];
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk.map((c) => `<${hex4(c.cid)}> <${utf16Hex(c.text)}>`), 'endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (b) => parts.push(b))
      .on('end', () => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      });
  });
}
