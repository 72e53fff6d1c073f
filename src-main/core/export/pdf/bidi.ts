/**
 * Visual order of the runs of one line, a deliberately small subset of the Unicode
 * Bidirectional Algorithm (UAX #9): paragraphs are left to right; a stretch of right-to-left
 * runs, with the spaces and punctuation between them, is shown in reverse order (each run's
 * own glyphs are reversed and shaped by the font engine). Not handled: right-to-left
 * paragraphs (they are set flush left), numbers inside right-to-left text, explicit embedding
 * controls.
 */

/** What the reordering needs of a run. */
export interface BidiRun {
  text: string;
  rtl: boolean;
}

const STRONG_LTR = /[\p{L}\p{N}]/u;

/** Indices of `runs` in the order they are drawn, left to right. */
export function visualOrder(runs: readonly BidiRun[]): number[] {
  const order = runs.map((_, i) => i);
  let i = 0;
  while (i < runs.length) {
    if (!runs[i]?.rtl) {
      i++;
      continue;
    }
    // Extend over neutral runs (no letters or digits) as long as another RTL run follows.
    let end = i;
    for (let j = i + 1; j < runs.length; j++) {
      const r = runs[j] as BidiRun;
      if (r.rtl) end = j;
      else if (STRONG_LTR.test(r.text)) break;
    }
    order.splice(i, end - i + 1, ...order.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return order;
}
