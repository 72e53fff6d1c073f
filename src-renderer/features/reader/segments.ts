/**
 * Flattening of overlapping highlights and search matches over one paragraph into a list of
 * non-overlapping segments the reader renders as plain text, `<mark>` or `<span>` runs.
 */
import { PARAGRAPH_SEPARATOR } from '@shared/text';
import type { HighlightColor, Range as TextRange } from '@shared/types';

/** A highlight placed in the version's normalised text (TextPositionSelector offsets). */
export interface PlacedHighlight {
  id: string;
  start: number;
  end: number;
  color: HighlightColor;
  /**
   * A faint echo of a highlight made in the other language (its aligned sentences): drawn under
   * real highlights, without note markers.
   */
  echo?: boolean;
}

/** A run of a paragraph's text with one uniform decoration. */
export interface Segment {
  /** [start, end) in UTF-16 code units of the paragraph text. */
  start: number;
  end: number;
  text: string;
  /** Highlights covering the run, in input (creation) order. */
  highlightIds: string[];
  /** Colour to paint: the topmost covering highlight's (the last in input order); null if none. */
  color: HighlightColor | null;
  /** True when the run lies inside a search match. */
  match: boolean;
  /** True when only echoes (no highlight of this version) cover the run. */
  echo: boolean;
  /** Highlights whose first character in the article is this run's first (note markers go here). */
  startIds: string[];
  /** Highlights whose last character in the article is this run's last. */
  endIds: string[];
}

/**
 * Split `text` (the paragraph starting at `paragraphStart` in the normalised text) into segments.
 * Highlights may begin before or end after the paragraph; empty, inverted and non-intersecting
 * ones are ignored. `marks` are search-match ranges local to the paragraph. The segments'
 * texts concatenate back to `text` (an empty paragraph gives no segments).
 */
export function segmentParagraph(
  text: string,
  paragraphStart: number,
  highlights: readonly PlacedHighlight[],
  marks: readonly TextRange[] = [],
): Segment[] {
  const length = text.length;
  const paragraphEnd = paragraphStart + length;
  // Echoes first: the topmost (last) covering highlight paints, so a real one wins over an echo.
  const local = [...highlights.filter((h) => h.echo), ...highlights.filter((h) => !h.echo)]
    .filter((h) => h.end > h.start && h.start < paragraphEnd && h.end > paragraphStart)
    .map((h) => ({
      id: h.id,
      color: h.color,
      echo: !!h.echo,
      start: Math.max(0, h.start - paragraphStart),
      end: Math.min(length, h.end - paragraphStart),
      // A highlight that starts in the separator before this paragraph has no character earlier on.
      beginsHere: h.start >= paragraphStart - PARAGRAPH_SEPARATOR.length,
      finishesHere: h.end <= paragraphEnd + PARAGRAPH_SEPARATOR.length,
    }));
  const matches = marks
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as const)
    .filter(([s, e]) => e > s);

  const cuts = new Set<number>([0, length]);
  for (const h of local) cuts.add(h.start).add(h.end);
  for (const [s, e] of matches) cuts.add(s).add(e);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    const covering = local.filter((h) => h.start <= start && h.end >= end);
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      highlightIds: covering.map((h) => h.id),
      color: covering[covering.length - 1]?.color ?? null,
      match: matches.some(([s, e]) => s <= start && e >= end),
      echo: covering.length > 0 && covering.every((h) => h.echo),
      startIds: covering.filter((h) => !h.echo && h.beginsHere && h.start === start).map((h) => h.id),
      endIds: covering.filter((h) => !h.echo && h.finishesHere && h.end === end).map((h) => h.id),
    });
  }
  return segments;
}
