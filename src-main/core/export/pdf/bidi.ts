/**
 * Right-to-left text (Unicode Bidirectional Algorithm, UAX #9, via bidi-js): embedding levels
 * per paragraph (its direction taken from its first strong character), then, per line, the
 * visual position of every stretch the line breaker laid out left to right (rule L2: reverse
 * every run at or above each odd level). Text is still emitted in logical order, each stretch
 * at its visual x, so extraction reads it in logical order while the page shows it reordered.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

// A letter of a right-to-left script, or an explicit right-to-left control (a cheap test
// before running the algorithm: most blocks have none).
const HAS_RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\u200f\u202b\u202e\u2067]/u;

/** Embedding levels of a block's text. */
export interface ParagraphLevels {
  /** Level of each UTF-16 code unit (odd: right to left). */
  levels: Uint8Array;
  /** The paragraphs of the text (split at paragraph separators), each with its base level. */
  paragraphs: Array<{ start: number; end: number; level: number }>;
}

/**
 * Levels of `text`, or null when it has no right-to-left character (everything stays as laid
 * out). The paragraph direction comes from the first strong character unless `direction` is given.
 */
export function paragraphLevels(text: string, direction?: 'ltr' | 'rtl'): ParagraphLevels | null {
  if (!HAS_RTL.test(text)) return null;
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text, direction);
  return { levels, paragraphs };
}

/** Whether the paragraph holding `offset` runs right to left (its lines are set flush right). */
export function isRtlAt(p: ParagraphLevels, offset: number): boolean {
  const para = p.paragraphs.find((q) => offset >= q.start && offset <= q.end) ?? p.paragraphs[0];
  return ((para?.level ?? 0) & 1) === 1;
}

/** Characters drawn mirrored at an odd level ("(" shows as ")"). */
export function mirrored(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}

/** A stretch of one line at one level, where the left-to-right layout put it. */
export interface LineAtom {
  /** Logical x: distance from the line start in the left-to-right layout. */
  lx: number;
  width: number;
  level: number;
}

/** Maps logical x ranges of one line to visual ranges. */
export interface VisualLine {
  /** Visual [x1, x2] pieces (left to right) showing the logical range [lx1, lx2). */
  map(lx1: number, lx2: number): Array<[number, number]>;
  /** Level of the atom holding logical x `lx`. */
  levelAt(lx: number): number;
}

/**
 * Visual positions of `atoms` (contiguous, in logical order) placed from `origin`: rule L2 over
 * the atoms, then each atom at the running x of the visual order.
 */
export function visualLine(atoms: readonly LineAtom[], origin: number): VisualLine {
  const order = atoms.map((_, i) => i);
  const max = Math.max(0, ...atoms.map((a) => a.level));
  const minOdd = Math.min(...atoms.map((a) => a.level | 1));
  for (let level = max; level >= minOdd; level--) {
    let i = 0;
    while (i < order.length) {
      if ((atoms[order[i] as number] as LineAtom).level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < order.length && (atoms[order[j + 1] as number] as LineAtom).level >= level) j++;
      order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
      i = j + 1;
    }
  }
  const vx = new Array<number>(atoms.length);
  let x = origin;
  for (const k of order) {
    vx[k] = x;
    x += (atoms[k] as LineAtom).width;
  }
  const EPS = 1e-6;
  return {
    map(lx1, lx2) {
      const out: Array<[number, number]> = [];
      atoms.forEach((a, k) => {
        const o1 = Math.max(lx1, a.lx) - a.lx;
        const o2 = Math.min(lx2, a.lx + a.width) - a.lx;
        if (o2 - o1 <= EPS) return;
        const base = vx[k] as number;
        out.push(a.level & 1 ? [base + a.width - o2, base + a.width - o1] : [base + o1, base + o2]);
      });
      out.sort((p, q) => p[0] - q[0]);
      // Adjacent pieces (a range crossing atoms that stay neighbours) become one.
      const merged: Array<[number, number]> = [];
      for (const p of out) {
        const last = merged[merged.length - 1];
        if (last && p[0] - last[1] < 0.01) last[1] = Math.max(last[1], p[1]);
        else merged.push([p[0], p[1]]);
      }
      return merged;
    },
    levelAt(lx) {
      const a = atoms.find((t) => lx >= t.lx - EPS && lx < t.lx + t.width - EPS) ?? atoms[atoms.length - 1];
      return a?.level ?? 0;
    },
  };
}
