/**
 * Keeps side-by-side reading legible (pure): so that each column keeps at least `minChars`
 * characters per line, the side panes are first narrowed to their minimum widths, then hidden
 * (annotations first, then the library); when even the whole window is too narrow, the two
 * versions are shown interleaved instead.
 */

/** What the layout should do. */
export interface ColumnFit {
  narrowPanes: boolean;
  hideLibrary: boolean;
  hideAnnotations: boolean;
  interleave: boolean;
}

/** Narrowest pane widths (the resizers' minimums), each plus its 5 px resizer. */
export const MIN_LIBRARY = 160;
export const MIN_ANNOTATIONS = 200;
const RESIZER = 5;

/** Measurements in CSS pixels. Pane widths (with their resizer) are null when the user hid the pane. */
export interface FitInput {
  windowWidth: number;
  library: number | null;
  annotations: number | null;
  /** Average width of one character of the article in the reading font. */
  charWidth: number;
  /** Everything in the reader that is not column text: padding, gap, cell padding, scrollbar. */
  chrome: number;
  minChars?: number;
}

/**
 * Lines break before the word that would overflow, so a full line is shorter than the column by
 * up to a word: room for this many more characters (a long Vietnamese or English word).
 */
const WRAP_ALLOWANCE = 7;

export const NO_CHANGE: ColumnFit = { narrowPanes: false, hideLibrary: false, hideAnnotations: false, interleave: false };

/** The least intrusive layout change that gives both columns `minChars` characters per line. */
export function fitColumns({ windowWidth: w, library, annotations, charWidth, chrome, minChars = 40 }: FitInput): ColumnFit {
  const need = 2 * (minChars + WRAP_ALLOWANCE) * charWidth + chrome;
  if (w - (library ?? 0) - (annotations ?? 0) >= need) return NO_CHANGE;
  const lib = library === null ? 0 : Math.min(library, MIN_LIBRARY + RESIZER);
  const ann = annotations === null ? 0 : Math.min(annotations, MIN_ANNOTATIONS + RESIZER);
  if (w - lib - ann >= need) return { ...NO_CHANGE, narrowPanes: true };
  if (w < need) return { ...NO_CHANGE, interleave: true };
  if (annotations !== null && w - lib >= need) return { ...NO_CHANGE, narrowPanes: library !== null, hideAnnotations: true };
  return { ...NO_CHANGE, hideAnnotations: annotations !== null, hideLibrary: library !== null };
}
