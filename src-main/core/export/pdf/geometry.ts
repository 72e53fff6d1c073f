/**
 * The output of layout: plain geometry in PDF user space (points, origin bottom-left),
 * which the writer turns into content streams and annotations without further decisions.
 */
import type { HighlightColor } from '../../../shared/types';
import type { ShapedGlyph } from './shaper';
import type { FontKey, Rgb } from './styles';

/** A string drawn with its baseline starting at (x, y). */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  font: FontKey;
  /** The face it is set in when not `font` itself: a fallback face id, or REPLACEMENT_FACE. */
  face?: string;
  size: number;
  color: Rgb;
  /**
   * Seen but not read: drawn as glyph outlines in /Artifact marked content, so it never enters
   * extracted text (note numbers, list bullets).
   */
  artifact?: boolean;
  /** Index of the structure element (DocumentLayout.structure) this text belongs to. */
  struct?: number;
  /** The logical text when `text` is drawn reordered (right-to-left stretches): written as /ActualText. */
  actualText?: string;
  /** HarfBuzz's glyphs for `text` in `face` (complex scripts): drawn by glyph id, not re-laid out. */
  glyphs?: ShapedGlyph[];
}

/** A structure element of the tagged PDF: one printed block. */
export interface StructElement {
  role: string;
  lang?: string;
}

/** A thin vertical rule (block quotes, article notes). */
export interface PlacedRule {
  x: number;
  y1: number;
  y2: number;
  color: Rgb;
  width: number;
}

/** An axis-aligned box around highlighted glyphs of one line: x1 < x2, y1 (bottom) < y2 (top). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The boxes of one highlight on one page (one box per line segment). */
export interface PlacedHighlight {
  annotationId: string;
  color: HighlightColor;
  boxes: Box[];
}

/** A clickable area: a web link, or a jump to a named destination of the document. */
export interface PlacedLink {
  box: Box;
  uri?: string;
  dest?: string;
  /** The note number a jump link is drawn on (its description names it). */
  label?: string;
}

/** A named destination (PDF 32000-1 §12.3.2.3): the top of a line. */
export interface PlacedAnchor {
  name: string;
  y: number;
}

/** A sticky note (/Text annotation) for an article note or an orphaned highlight, its icon's top-left corner. */
export interface PlacedNote {
  annotationId: string;
  x: number;
  y: number;
}

/** One page of the laid-out document. */
export interface PageLayout {
  width: number;
  height: number;
  texts: PlacedText[];
  rules: PlacedRule[];
  highlights: PlacedHighlight[];
  links: PlacedLink[];
  anchors: PlacedAnchor[];
  notes: PlacedNote[];
}

/** A bookmark: an article title, a heading, or the notes section, and where it starts. */
export interface OutlineEntry {
  title: string;
  page: number;
  /** PDF y of the top of its first line. */
  y: number;
  children?: OutlineEntry[];
}

/** The whole laid-out document. */
export interface DocumentLayout {
  pages: PageLayout[];
  outline: OutlineEntry[];
  /** Structure elements in reading order (each block once, the left column before the right). */
  structure: StructElement[];
}

/** The smallest box containing all `boxes` (an annotation's /Rect). */
export function boundingBox(boxes: readonly Box[]): Box {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}
