/**
 * Typographic constants of the PDF export: paper sizes, margins, one style per paragraph kind,
 * highlight colours. Pure data; the layout reads it, the writer never invents sizes itself.
 */
import type { HighlightColor, ParagraphKind } from '../../../shared/types';

/** The three faces we embed (DejaVu Serif: full Vietnamese coverage, exact pdftotext round-trip). */
export type FontKey = 'regular' | 'bold' | 'italic';

/** An RGB colour with components in 0..1. */
export type Rgb = readonly [number, number, number];

/** Paper formats offered by the export. */
export type Paper = 'a4' | 'letter';

/** Page size in PDF points (1/72 in): ISO 216 A4 and US Letter. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

/** Page margins in points; the bottom margin leaves room for the footer's page number. */
export const MARGINS = { top: 64, bottom: 68, left: 68, right: 68 } as const;

/** Gap between the two columns of a side-by-side bilingual page. */
export const COLUMN_GAP = 20;

/** Baseline of the footer (page number), measured from the bottom edge. */
export const FOOTER_BASELINE = 34;

/** Baseline of the running header (the article title), measured from the top edge. */
export const HEADER_BASELINE = 38;

/** How one kind of block is set. Sizes in points; `leading` is the baseline-to-baseline distance as a multiple of `size`. */
export interface BlockStyle {
  font: FontKey;
  size: number;
  leading: number;
  color: Rgb;
  /** Extra space before / after the block, in points. */
  spaceBefore: number;
  spaceAfter: number;
  /** Left / right indents of every line, in points. */
  indentLeft: number;
  indentRight: number;
  /** Text put before the first line, hanging in the left indent (list bullets). */
  bullet?: string;
  /** Draw a thin vertical rule in the left indent (block quotes, article notes). */
  rule?: boolean;
  /** Keep with the following block at a page break (headings). */
  keepWithNext?: boolean;
}

const INK: Rgb = [0.11, 0.11, 0.12];
const MUTED: Rgb = [0.38, 0.38, 0.42];
/** Grey for highlightable secondary text (captions, translations): dark enough for 4.5:1 under three highlights. */
const SECONDARY: Rgb = [0.26, 0.26, 0.3];

/** Body styles per paragraph kind, at the single-column body size. */
export const KIND_STYLES: Record<ParagraphKind, BlockStyle> = {
  paragraph: { font: 'regular', size: 11, leading: 1.45, color: INK, spaceBefore: 0, spaceAfter: 6.5, indentLeft: 0, indentRight: 0 },
  heading: { font: 'bold', size: 13, leading: 1.3, color: INK, spaceBefore: 9, spaceAfter: 5, indentLeft: 0, indentRight: 0, keepWithNext: true },
  quote: { font: 'italic', size: 11, leading: 1.45, color: [0.2, 0.2, 0.24], spaceBefore: 2, spaceAfter: 8, indentLeft: 18, indentRight: 12, rule: true },
  'list-item': { font: 'regular', size: 11, leading: 1.45, color: INK, spaceBefore: 0, spaceAfter: 3, indentLeft: 16, indentRight: 0, bullet: '•' },
  caption: { font: 'italic', size: 8.8, leading: 1.4, color: SECONDARY, spaceBefore: 0, spaceAfter: 7, indentLeft: 0, indentRight: 0 },
  preformatted: { font: 'regular', size: 9, leading: 1.4, color: INK, spaceBefore: 2, spaceAfter: 8, indentLeft: 12, indentRight: 0 },
};

/** Header styles: title, translated title, the date/author/source line, article notes, end notes. */
export const HEADER_STYLES = {
  title: { font: 'bold', size: 19, leading: 1.22, color: INK, spaceBefore: 0, spaceAfter: 6, indentLeft: 0, indentRight: 0 },
  subtitle: { font: 'italic', size: 13, leading: 1.3, color: MUTED, spaceBefore: 0, spaceAfter: 6, indentLeft: 0, indentRight: 0 },
  meta: { font: 'italic', size: 9, leading: 1.4, color: MUTED, spaceBefore: 0, spaceAfter: 14, indentLeft: 0, indentRight: 0 },
  articleNote: { font: 'italic', size: 9.5, leading: 1.45, color: [0.25, 0.25, 0.3], spaceBefore: 0, spaceAfter: 12, indentLeft: 12, indentRight: 0, rule: true },
  notesHeading: { font: 'bold', size: 11, leading: 1.3, color: INK, spaceBefore: 16, spaceAfter: 6, indentLeft: 0, indentRight: 0, keepWithNext: true },
  endNote: { font: 'regular', size: 9, leading: 1.42, color: [0.2, 0.2, 0.24], spaceBefore: 0, spaceAfter: 4, indentLeft: 16, indentRight: 0 },
} satisfies Record<string, BlockStyle>;

/** Side-by-side columns are narrower: scale every size by this factor to keep ~45–60 characters a line. */
export const COLUMN_SCALE = 0.9;

/** A translation printed under its original (interleaved layout): lighter and italic. */
export const TRANSLATION_COLOR: Rgb = SECONDARY;

/** Superscript note markers: size relative to the text, and baseline rise relative to the size. */
export const MARKER = { scale: 0.62, rise: 0.38, color: [0.55, 0.1, 0.1] as Rgb } as const;

/**
 * Highlight colours, the same hues the reader uses: the annotation's /C, and the colour its
 * appearance stream multiplies onto the page at `HIGHLIGHT_OPACITY` (highlight-blend.ts).
 */
export const HIGHLIGHT_RGB: Record<HighlightColor, Rgb> = {
  yellow: [1, 0.86, 0.25],
  green: [0.56, 0.87, 0.47],
  blue: [0.5, 0.75, 1],
  pink: [1, 0.6, 0.76],
  purple: [0.78, 0.63, 1],
};

/** Mix a colour with white: `amount` 0 → white, 1 → the colour. */
export function tint(color: Rgb, amount: number): Rgb {
  return [1 - (1 - color[0]) * amount, 1 - (1 - color[1]) * amount, 1 - (1 - color[2]) * amount];
}

/** Scale every size of a style (side-by-side columns). */
export function scaled(style: BlockStyle, factor: number): BlockStyle {
  if (factor === 1) return style;
  return {
    ...style,
    size: style.size * factor,
    spaceBefore: style.spaceBefore * factor,
    spaceAfter: style.spaceAfter * factor,
    indentLeft: style.indentLeft * factor,
    indentRight: style.indentRight * factor,
  };
}
