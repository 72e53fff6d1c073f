/** Horizontal positions inside a broken line: where a source offset falls, and highlight extents. */
import type { Line } from './line-break';
import type { TextMeasurer } from './measure';
import type { StyleRange } from './note-markdown';
import type { FontKey } from './styles';
import { rangeWidth } from './styled-text';

/**
 * x (relative to the line start) of source offset `o`. Offsets in a gap between pieces (the
 * space after a note marker) snap forward for a start edge and backward for an end edge, so a
 * box never covers a marker or a gap.
 */
export function offsetX(m: TextMeasurer, text: string, line: Line, o: number, edge: 'start' | 'end', font: FontKey, size: number, styles?: readonly StyleRange[]): number {
  const pieces = line.pieces.filter((p) => p.kind === 'text');
  for (const p of pieces) {
    if (p.kind !== 'text') continue;
    const inside = edge === 'start' ? o >= p.start && o < p.end : o > p.start && o <= p.end;
    if (inside) return p.x + rangeWidth(m, text, p.start, o, font, size, styles);
  }
  if (edge === 'start') {
    const next = pieces.find((p) => p.kind === 'text' && p.start >= o);
    return next ? next.x : line.width;
  }
  const prev = [...pieces].reverse().find((p) => p.kind === 'text' && p.end <= o);
  return prev ? prev.x + prev.width : 0;
}

/** The [x1, x2] extent of span [start, end) on `line`, or null when it shows no glyph there. */
export function spanExtent(
  m: TextMeasurer,
  text: string,
  line: Line,
  start: number,
  end: number,
  font: FontKey,
  size: number,
  styles?: readonly StyleRange[],
): [number, number] | null {
  let s = Math.max(start, line.start);
  let e = Math.min(end, line.end);
  // Boxes hug glyphs: no leading/trailing white space.
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e <= s) return null;
  const x1 = offsetX(m, text, line, s, 'start', font, size, styles);
  const x2 = offsetX(m, text, line, e, 'end', font, size, styles);
  return x2 > x1 ? [x1, x2] : null;
}
