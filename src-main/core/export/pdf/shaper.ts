/**
 * Complex-script shaping with HarfBuzz (harfbuzzjs, WebAssembly): Indic conjuncts and reordered
 * vowel signs, Thai/Khmer/Myanmar stacked marks, Arabic joining with its harakat, Hebrew points.
 * Only runs that need it are shaped; Latin, Vietnamese and CJK keep the fontkit path.
 *
 * HarfBuzz is loaded lazily, once per process (worker), and only when a document has such
 * text: the module and its wasm cost tens of milliseconds that a Vietnamese export never pays.
 */

/** One shaped glyph, positions in ems (font units / unitsPerEm), pen moving left to right. */
export interface ShapedGlyph {
  /** Glyph id in the face. */
  gid: number;
  /** UTF-16 offset, in the shaped text, of the first character of the glyph's cluster. */
  cluster: number;
  /** Pen advance after the glyph. */
  ax: number;
  /** Offset of the glyph from the pen (positioned marks). */
  dx: number;
  dy: number;
}

/** A run shaped in one face: its glyphs in visual (left-to-right) order and total advance in ems. */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  advance: number;
  rtl: boolean;
}

/** Shapes text in a face given by its bytes (each face's HarfBuzz font is made once). */
export interface Shaper {
  shape(face: { id: string; bytes: Uint8Array }, text: string): ShapedRun;
}

// Scripts whose rendering needs OpenType shaping beyond one glyph per character (Unicode
// script names; Hebrew and Arabic included so their marks are positioned, not dropped).
const COMPLEX = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Tibetan}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Balinese}\p{Script=Javanese}\p{Script=Tai_Tham}\p{Script=Mongolian}]/u;

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether `text` has a character of a script that is shaped with HarfBuzz. */
export function needsShaping(text: string): boolean {
  return COMPLEX.test(text);
}

type HarfBuzz = typeof import('harfbuzzjs');

let loading: Promise<Shaper> | null = null;

/** The process's shaper, loading HarfBuzz on first use. */
export function loadShaper(): Promise<Shaper> {
  loading ??= import('harfbuzzjs').then((hb) => harfBuzzShaper(hb));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

// OpenType features beyond the script's required ones: none. Ligatures stay as the script
// shaper applies them (required for Indic and Arabic); discretionary ones stay off.
function harfBuzzShaper(hb: HarfBuzz): Shaper {
  // Keyed by the face's bytes, weakly: each export reads its fallback faces afresh, and a worker
  // that lives across exports must not keep them (HarfBuzz's objects are freed with their wrappers).
  const fonts = new WeakMap<Uint8Array, { font: InstanceType<HarfBuzz['Font']>; upem: number }>();
  const buffer = new hb.Buffer();
  const fontOf = (bytes: Uint8Array): { font: InstanceType<HarfBuzz['Font']>; upem: number } => {
    let f = fonts.get(bytes);
    if (!f) {
      const face = new hb.Face(new hb.Blob(bytes), 0);
      f = { font: new hb.Font(face), upem: face.upem };
      fonts.set(bytes, f);
    }
    return f;
  };
  return {
    shape(face, text) {
      const { font, upem } = fontOf(face.bytes);
      buffer.reset();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      // Characters joined to the run's neighbours are shaped in their own run: no dotted
      // circle for a mark that starts a run.
      buffer.setFlags(hb.BufferFlag.DO_NOT_INSERT_DOTTED_CIRCLE);
      hb.shape(font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      const glyphs: ShapedGlyph[] = infos.map((info, i) => {
        const p = positions[i] as { xAdvance: number; xOffset: number; yOffset: number };
        return { gid: info.codepoint, cluster: info.cluster, ax: p.xAdvance / upem, dx: p.xOffset / upem, dy: p.yOffset / upem };
      });
      return { glyphs, advance: glyphs.reduce((s, g) => s + g.ax, 0), rtl: RTL.test(text) };
    },
  };
}
