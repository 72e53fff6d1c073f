/** Measuring and cutting text whose ranges may be set in other faces or colours (rich notes). */
import type { TextMeasurer } from './measure';
import type { StyleRange } from './note-markdown';
import type { FontKey, Rgb } from './styles';

/** A stretch [start, end) in one face and colour. */
export interface StyleSegment {
  start: number;
  end: number;
  font: FontKey;
  color?: Rgb;
}

/** [from, to) cut where styles begin or end; unstyled stretches are in `font`. Styles must not overlap. */
export function styleSegments(from: number, to: number, font: FontKey, styles: readonly StyleRange[] = []): StyleSegment[] {
  if (styles.length === 0) return to > from ? [{ start: from, end: to, font }] : [];
  const out: StyleSegment[] = [];
  let at = from;
  for (const s of styles) {
    if (s.end <= at || s.start >= to) continue;
    if (s.start > at) out.push({ start: at, end: s.start, font });
    const end = Math.min(s.end, to);
    out.push({ start: Math.max(s.start, at), end, font: s.font, ...(s.color && { color: s.color }) });
    at = end;
  }
  if (at < to) out.push({ start: at, end: to, font });
  return out;
}

/** Width of text[from, to) with its styles. */
export function rangeWidth(m: TextMeasurer, text: string, from: number, to: number, font: FontKey, size: number, styles?: readonly StyleRange[]): number {
  if (!styles || styles.length === 0) return m.width(text.slice(from, to), font, size);
  return styleSegments(from, to, font, styles).reduce((w, s) => w + m.width(text.slice(s.start, s.end), s.font, size), 0);
}
