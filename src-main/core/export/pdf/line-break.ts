/**
 * Greedy line breaking over real advance widths (pure geometry).
 *
 * Breaks at white space, and in Thai, Lao, Khmer and Myanmar (written without spaces) between
 * the words ICU's dictionary finds; a word wider than the line is cut between grapheme clusters
 * (UAX #29 via Intl.Segmenter) so a Vietnamese letter and its marks never split. Note markers
 * (superscript numbers) are glued to the character before them, never starting a line.
 * Offsets are UTF-16 code units into the paragraph text, like TextPositionSelector.
 */
import type { TextMeasurer } from './measure';
import type { FontKey } from './styles';
import { MARKER } from './styles';
import type { StyleRange } from './note-markdown';
import { rangeWidth } from './styled-text';

/** A superscript note marker printed right after the character at `at - 1`. */
export interface Marker {
  at: number;
  label: string;
  /** Note id: the marker links to `note:<id>` and is the target `ref:<id>` of the note's link back. */
  id?: string;
}

/** A run of source text [start, end) or a marker, at `x` points from the line's left edge. */
export type LinePiece =
  | { kind: 'text'; start: number; end: number; x: number; width: number }
  | { kind: 'marker'; label: string; id?: string; x: number; width: number };

/** One output line: the source span it shows (trailing spaces excluded) and its pieces. */
export interface Line {
  start: number;
  end: number;
  width: number;
  pieces: LinePiece[];
}

/** What to break: the text, its markers, the face and size, the available width. */
export interface BreakRequest {
  text: string;
  markers?: readonly Marker[];
  font: FontKey;
  size: number;
  width: number;
  /** Ranges set in another face (rich notes); sorted, not overlapping. */
  styles?: readonly StyleRange[];
}

type Atom = { kind: 'text'; start: number; end: number; width: number } | { kind: 'marker'; label: string; id?: string; width: number };

interface Word {
  atoms: Atom[];
  width: number;
  /** Offset of the white space preceding the word on its line (or the word start). */
  spaceStart: number;
  start: number;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\r';

/** Width of a superscript marker label at a given body size. */
export function markerWidth(m: TextMeasurer, label: string, font: FontKey, size: number): number {
  return m.width(label, font, size * MARKER.scale);
}

/** Break `req.text` into lines no wider than `req.width` (except a single grapheme wider than the line). */
export function breakLines(m: TextMeasurer, req: BreakRequest): Line[] {
  const { text, font, size } = req;
  const w = (from: number, to: number): number => rangeWidth(m, text, from, to, font, size, req.styles);
  const markers = normaliseMarkers(text, req.markers ?? []);
  const lines: Line[] = [];
  let current: Line | null = null;
  let mi = 0;

  const flush = (): void => {
    if (current) lines.push(current);
    current = null;
  };
  const place = (word: Word, line: Line): void => {
    let x = line.width;
    const gap = line.pieces.length > 0 && word.spaceStart < word.start ? w(word.spaceStart, word.start) : 0;
    x += gap;
    for (const atom of word.atoms) {
      const last = line.pieces[line.pieces.length - 1];
      if (atom.kind === 'text') {
        // Extend the previous text piece over the space so the line is drawn (and extracted) as one string.
        if (last && last.kind === 'text' && last.end === (gap > 0 ? word.spaceStart : atom.start)) {
          last.end = atom.end;
          last.width = x + atom.width - last.x;
        } else {
          line.pieces.push({ kind: 'text', start: atom.start, end: atom.end, x, width: atom.width });
        }
        line.end = atom.end;
      } else {
        line.pieces.push({ kind: 'marker', label: atom.label, ...(atom.id !== undefined && { id: atom.id }), x, width: atom.width });
      }
      x += atom.width;
    }
    line.width = x;
  };

  let i = 0;
  let lineBroken = true; // at the start of a line (paragraph start or after a forced break)
  while (i <= text.length) {
    // Skip white space, remembering where it began.
    const spaceStart = i;
    while (i < text.length && isSpace(text[i] ?? '')) i++;
    if (i >= text.length) break;
    if (text[i] === '\n') {
      // Forced break: an empty line when nothing was set since the last break.
      if (!current && lineBroken) lines.push({ start: i, end: i, width: 0, pieces: [] });
      flush();
      lineBroken = true;
      i++;
      continue;
    }
    lineBroken = false;
    const start = i;
    while (i < text.length && !isSpace(text[i] ?? '') && text[i] !== '\n') i++;
    const atoms: Atom[] = [];
    let from = start;
    while (mi < markers.length && (markers[mi]?.at ?? Infinity) <= i) {
      const mk = markers[mi++] as Marker;
      if (mk.at > from) atoms.push({ kind: 'text', start: from, end: mk.at, width: w(from, mk.at) });
      atoms.push({ kind: 'marker', label: mk.label, ...(mk.id !== undefined && { id: mk.id }), width: markerWidth(m, mk.label, font, size) });
      from = Math.max(from, mk.at);
    }
    if (i > from) atoms.push({ kind: 'text', start: from, end: i, width: w(from, i) });
    const word: Word = { atoms, width: atoms.reduce((s, a) => s + a.width, 0), spaceStart, start };

    if (current) {
      const gap = w(spaceStart, start);
      if (current.width + gap + word.width <= req.width + 1e-6) {
        place(word, current);
        continue;
      }
      // Thai, Lao, Khmer, Myanmar: the line may end between two dictionary words of the run.
      const cut = atoms.length === 1 ? fitCut(w, text, start, i, req.width - current.width - gap) : -1;
      if (cut > start) {
        place({ atoms: [{ kind: 'text', start, end: cut, width: w(start, cut) }], width: w(start, cut), spaceStart, start }, current);
        flush();
        i = cut;
        continue;
      }
      flush();
    }
    if (word.width <= req.width + 1e-6) {
      current = { start, end: start, width: 0, pieces: [] };
      place({ ...word, spaceStart: start }, current);
      continue;
    }
    const cut = atoms.length === 1 ? fitCut(w, text, start, i, req.width) : -1;
    if (cut > start) {
      current = { start, end: start, width: 0, pieces: [] };
      place({ atoms: [{ kind: 'text', start, end: cut, width: w(start, cut) }], width: w(start, cut), spaceStart: start, start }, current);
      flush();
      i = cut;
      continue;
    }
    // Overlong word: cut between grapheme clusters.
    for (const chunk of splitWord(w, text, word, req.width)) {
      flush();
      current = { start: chunk.start, end: chunk.start, width: 0, pieces: [] };
      place({ atoms: chunk.atoms, width: chunk.width, spaceStart: chunk.start, start: chunk.start }, current);
    }
  }
  flush();
  return lines;
}

// Scripts written without spaces between words: UAX #14 leaves their line breaks to a
// dictionary, which ICU provides behind Intl.Segmenter (it picks the dictionary by script).
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const dictionaryWords = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * The furthest offset in (start, end) of a word of such a script where a line may break with
 * text[start, cut) no wider than `room`; -1 when there is none (other scripts never break inside
 * a word here).
 */
function fitCut(w: (from: number, to: number) => number, text: string, start: number, end: number, room: number): number {
  const slice = text.slice(start, end);
  if (!NO_SPACES.test(slice)) return -1;
  let best = -1;
  for (const { index } of dictionaryWords.segment(slice)) {
    const cut = start + index;
    if (cut <= start) continue;
    if (w(start, cut) > room + 1e-6) break;
    best = cut;
  }
  return best;
}

/** Markers sorted, clamped, and pulled back over trailing white space so they follow a glyph. */
function normaliseMarkers(text: string, markers: readonly Marker[]): Marker[] {
  return markers
    .map((mk) => {
      let at = Math.max(0, Math.min(text.length, mk.at));
      while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
      return { ...mk, at };
    })
    .sort((a, b) => a.at - b.at);
}

function splitWord(w: (from: number, to: number) => number, text: string, word: Word, width: number): Array<{ start: number; atoms: Atom[]; width: number }> {
  const units: Atom[] = [];
  for (const atom of word.atoms) {
    if (atom.kind === 'marker') {
      units.push(atom);
      continue;
    }
    for (const g of graphemes.segment(text.slice(atom.start, atom.end))) {
      const s = atom.start + g.index;
      units.push({ kind: 'text', start: s, end: s + g.segment.length, width: w(s, s + g.segment.length) });
    }
  }
  const chunks: Array<{ start: number; atoms: Atom[]; width: number }> = [];
  let i = 0;
  while (i < units.length) {
    // As many units as fit (at least one); a marker always stays with the grapheme before it.
    let j = i;
    let sum = 0;
    while (j < units.length && (j === i || units[j]?.kind === 'marker' || sum + (units[j]?.width ?? 0) <= width + 1e-6)) sum += units[j++]?.width ?? 0;
    // Prefer a URL's natural break (after "/", "-", "?", "&", "=", "#", "_", before "."), if it keeps the line at least half full.
    if (j < units.length) {
      for (let k = j - 1; k > i + (j - i) / 2; k--) {
        if (units[k]?.kind === 'text' && canBreakBefore(text, units[k - 1], units[k])) {
          j = k;
          break;
        }
      }
    }
    chunks.push(mergeUnits(units.slice(i, j), word.start));
    i = j;
  }
  return chunks;
}

const BREAK_AFTER = new Set(['/', '-', '?', '&', '=', '#', '_', '\\']);

/** A break between two graphemes of an overlong word: after a URL separator, or before a dot. */
function canBreakBefore(text: string, prev: Atom | undefined, next: Atom | undefined): boolean {
  if (prev?.kind !== 'text' || next?.kind !== 'text') return false;
  const a = text.slice(prev.start, prev.end);
  const b = text.slice(next.start, next.end);
  // Not inside "://" or "//": the scheme stays whole.
  if (a === '/' && b === '/') return false;
  return BREAK_AFTER.has(a) || (b === '.' && a !== '.');
}

function mergeUnits(units: readonly Atom[], wordStart: number): { start: number; atoms: Atom[]; width: number } {
  const first = units[0];
  const chunk = { start: first?.kind === 'text' ? first.start : wordStart, atoms: [] as Atom[], width: 0 };
  for (const u of units) {
    const last = chunk.atoms[chunk.atoms.length - 1];
    if (u.kind === 'text' && last?.kind === 'text' && last.end === u.start) {
      last.end = u.end;
      last.width += u.width;
    } else chunk.atoms.push({ ...u });
    chunk.width += u.width;
  }
  return chunk;
}
