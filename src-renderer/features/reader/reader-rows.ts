/**
 * Lays out a bilingual article as rows (pure): which paragraphs of each language go in which grid
 * row, for side-by-side (one row per alignment bead) and interleaved (each bead's left paragraphs,
 * then their translation) modes, or a single version.
 */
import type { Bead } from '@shared/align/index';

export type ViewMode = 'vi' | 'en' | 'side-by-side' | 'interleaved';

/** One grid cell: a language column, a grid row, and the paragraph indices it shows. */
export interface Cell {
  side: 'left' | 'right';
  row: number;
  paragraphs: number[];
  /** The bead this cell belongs to (hovering one cell highlights the bead's other cells). */
  bead: number;
}

/** Cells for a mode. `beads` align left (first version) and right (second version). */
export function layoutRows(mode: ViewMode, beads: Bead[], leftCount: number, rightCount: number, single: 'left' | 'right' | null): Cell[] {
  if (single) {
    const count = single === 'left' ? leftCount : rightCount;
    return Array.from({ length: count }, (_, i) => ({ side: single, row: i + 1, paragraphs: [i], bead: i }));
  }
  if (mode === 'side-by-side') {
    return beads.flatMap((b, i) => [
      { side: 'left' as const, row: i + 1, paragraphs: b.left, bead: i },
      { side: 'right' as const, row: i + 1, paragraphs: b.right, bead: i },
    ]);
  }
  // Interleaved: one column; left paragraphs of a bead, then the right ones.
  return beads.flatMap((b, i) => [
    { side: 'left' as const, row: 2 * i + 1, paragraphs: b.left, bead: i },
    { side: 'right' as const, row: 2 * i + 2, paragraphs: b.right, bead: i },
  ]);
}

/** The bead holding a paragraph of one side, for scrolling and hover. */
export function beadOf(beads: Bead[], side: 'left' | 'right', paragraph: number): number {
  const i = beads.findIndex((b) => (side === 'left' ? b.left : b.right).includes(paragraph));
  return i < 0 ? 0 : i;
}
