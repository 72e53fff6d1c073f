/**
 * Paragraphs from the positioned text of a PDF's pages (pure geometry, no PDF library). A PDF
 * has no paragraphs, only glyph runs at coordinates, so they are rebuilt as a reader sees them:
 * runs → lines (shared baseline), lines → columns (a vertical gutter no run crosses), headers
 * and footers dropped when the same line (digits aside) recurs at the page edge on many pages,
 * paragraphs split at larger gaps or indents, words hyphenated across lines joined, headings
 * told by their larger type.
 */
import type { ParagraphKind } from '../../../shared/types';

/** One positioned run of text (PDF user space: origin bottom-left, y grows upward). */
export interface TextRun {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (height of the run). */
  size: number;
}

/** The runs of one page. */
export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

/** A rebuilt block. */
export interface LayoutBlock {
  kind: ParagraphKind;
  text: string;
}

interface Line {
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

/** Lines of a set of runs: runs sharing a baseline (within a third of the type size). */
function toLines(runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '' || r.str === ' ').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: TextRun[]; y: number; size: number }[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.max(1, Math.min(last.size, r.size) / 3)) last.runs.push(r);
    else lines.push({ runs: [r], y: r.y, size: r.size });
  }
  return lines.map((l) => {
    const rs = l.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of rs) {
      // A gap wider than a fifth of the type size is a space the PDF did not write.
      if (text && r.x - end > r.size * 0.2 && !text.endsWith(' ') && !r.str.startsWith(' ')) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.width);
    }
    const first = rs[0];
    return { x: first?.x ?? 0, right: end, y: l.y, size: Math.max(...rs.map((r) => r.size)), text: text.replace(/\s+/g, ' ').trim() };
  }).filter((l) => l.text !== '');
}

/**
 * The x of a gutter splitting the page into two columns, or null. A gutter is a band in the
 * middle third that no run crosses, with a real share of the text on each side.
 */
export function findGutter(page: PageRuns): number | null {
  const runs = page.runs.filter((r) => r.str.trim() !== '');
  if (runs.length < 8) return null;
  const step = 2;
  const bins = Math.ceil(page.width / step);
  const covered = new Uint8Array(bins);
  for (const r of runs) for (let b = Math.max(0, Math.floor(r.x / step)); b <= Math.min(bins - 1, Math.floor((r.x + r.width) / step)); b++) covered[b] = 1;
  let best: { from: number; to: number } | null = null;
  let from = -1;
  for (let b = Math.floor(bins / 3); b <= Math.ceil((2 * bins) / 3); b++) {
    if (!covered[b]) {
      if (from < 0) from = b;
    } else if (from >= 0) {
      if (!best || b - from > best.to - best.from) best = { from, to: b };
      from = -1;
    }
  }
  if (!best || (best.to - best.from) * step < 8) return null;
  const x = ((best.from + best.to) / 2) * step;
  const left = runs.filter((r) => r.x + r.width <= x).length;
  const right = runs.filter((r) => r.x >= x).length;
  return left >= runs.length * 0.25 && right >= runs.length * 0.25 ? x : null;
}

/** The lines of one page in reading order (left column, then right). */
export function pageLines(page: PageRuns): Line[] {
  const gutter = findGutter(page);
  if (gutter === null) return toLines(page.runs);
  // Runs spanning the gutter (a title across both columns) come first, in their own band.
  const spanning = page.runs.filter((r) => r.x < gutter && r.x + r.width > gutter);
  const left = page.runs.filter((r) => r.x + r.width <= gutter);
  const right = page.runs.filter((r) => r.x >= gutter);
  return [...toLines(spanning), ...toLines(left), ...toLines(right)];
}

function shapeKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Keys of lines that recur at the top or bottom edge of many pages (running headers, footers,
 * page numbers). Pages' first and last two lines are candidates; a key is furniture when it
 * occurs on at least half the pages (and on two or more).
 */
export function furnitureKeys(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shapeKey(l.text)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const keys = new Set<string>();
  for (const [k, n] of counts) if (pages.length >= 2 && n >= 2 && n >= pages.length / 2) keys.add(k);
  return keys;
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|trang)\s+)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const SENTENCE_END = /[.!?…:;"”»)\]]$/;

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) * q)] ?? 0);
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Join a line to the paragraph text so far: hyphenated words rejoined, else a space. */
function joinLine(text: string, next: string): string {
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

/** Rebuild paragraphs from the runs of every page. */
export function rebuildParagraphs(pages: PageRuns[]): LayoutBlock[] {
  const pageLineSets = pages.map(pageLines);
  const furniture = furnitureKeys(pageLineSets);
  const all = pageLineSets.flatMap((lines, p) =>
    lines
      .filter((l, i) => {
        const atEdge = i < 2 || i >= lines.length - 2;
        return !(atEdge && (furniture.has(shapeKey(l.text)) || PAGE_NUMBER.test(l.text)));
      })
      .map((l) => ({ ...l, page: p })),
  );
  if (all.length === 0) return [];
  const body = median(all.map((l) => l.size));
  const gaps: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1]!;
    const b = all[i]!;
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  // Most gaps inside a paragraph are the plain line pitch; paragraph and heading gaps are the
  // minority, so a low quantile finds the pitch even in short texts.
  const lineGap = quantile(gaps, 0.25) || body * 1.2;
  const left = median(all.map((l) => l.x));
  const blocks: LayoutBlock[] = [];
  let current: { kind: ParagraphKind; text: string; size: number } | null = null;
  const flush = (): void => {
    if (current && current.text.trim()) blocks.push({ kind: current.kind, text: current.text.trim().normalize('NFC') });
    current = null;
  };
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const prev = i > 0 ? all[i - 1]! : null;
    const heading = line.size >= body * 1.15 && line.text.length <= 160;
    const kind: ParagraphKind = heading ? 'heading' : 'paragraph';
    let breakBefore = current === null;
    if (!breakBefore && prev && current) {
      const c: { kind: ParagraphKind } = current;
      if (c.kind !== kind) breakBefore = true;
      else if (prev.page === line.page) {
        const gap = prev.y - line.y;
        // A new column (the line sits above the previous one), a blank line's worth of gap,
        // or a first-line indent starts a paragraph.
        breakBefore = gap < 0 || gap > lineGap * 1.45 || (line.x - left > body * 0.8 && kind === 'paragraph' && SENTENCE_END.test(prev.text));
      } else {
        // Across a page break, a paragraph goes on unless the last line ended a sentence.
        breakBefore = SENTENCE_END.test(prev.text) && !/^\p{Ll}/u.test(line.text);
      }
    }
    if (breakBefore) {
      flush();
      current = { kind, text: line.text, size: line.size };
    } else if (current) {
      const c: { kind: ParagraphKind; text: string; size: number } = current;
      c.text = joinLine(c.text, line.text);
    }
  }
  flush();
  return blocks;
}
