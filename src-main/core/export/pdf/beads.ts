/**
 * Paragraph alignment beads for bilingual layouts. A bead is one row of a Gale–Church
 * alignment (Gale & Church 1993, "A program for aligning sentences in bilingual corpora"):
 * 0..n paragraphs of the left version matched with 0..n of the right. Beads come from outside,
 * so they are repaired here rather than trusted: no paragraph may be lost or printed twice.
 */

/** One alignment row: paragraph indices of the left (Vietnamese) and right (English) versions. */
export interface Bead {
  left: number[];
  right: number[];
}

/** Pair paragraphs by index when no alignment is given. */
export function indexBeads(nLeft: number, nRight: number): Bead[] {
  const beads: Bead[] = [];
  for (let i = 0; i < Math.max(nLeft, nRight); i++) beads.push({ left: i < nLeft ? [i] : [], right: i < nRight ? [i] : [] });
  return beads;
}

/**
 * Repair `beads` so each paragraph index of each side appears exactly once, in order:
 * out-of-range and repeated indices are dropped, missing ones are inserted as one-sided beads
 * after the bead holding their predecessor. Absent beads fall back to `indexBeads`.
 */
export function normaliseBeads(beads: readonly Bead[] | undefined, nLeft: number, nRight: number): Bead[] {
  if (!beads || beads.length === 0) return indexBeads(nLeft, nRight);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const keep = (indices: readonly number[], n: number, used: Set<number>): number[] =>
    [...indices].filter((i) => Number.isInteger(i) && i >= 0 && i < n && !used.has(i) && (used.add(i), true)).sort((a, b) => a - b);
  let out: Bead[] = beads.map((b) => ({ left: keep(b.left, nLeft, usedL), right: keep(b.right, nRight, usedR) }));
  out = insertMissing(out, nLeft, usedL, 'left');
  out = insertMissing(out, nRight, usedR, 'right');
  return out.filter((b) => b.left.length > 0 || b.right.length > 0);
}

function insertMissing(beads: Bead[], n: number, used: Set<number>, side: 'left' | 'right'): Bead[] {
  for (let i = 0; i < n; i++) {
    if (used.has(i)) continue;
    // After the last bead containing a smaller index of this side (or at the front).
    let at = 0;
    beads.forEach((b, k) => {
      if (b[side].some((j) => j < i)) at = k + 1;
    });
    beads.splice(at, 0, side === 'left' ? { left: [i], right: [] } : { left: [], right: [i] });
    used.add(i);
  }
  return beads;
}
