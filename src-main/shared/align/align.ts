/**
 * Paragraph alignment of two language versions of an article, after Gale & Church (1993),
 * "A Program for Aligning Sentences in Bilingual Corpora", Computational Linguistics 19(1):
 * dynamic programming over "beads" (1-1, 1-0, 0-1, 2-1, 1-2, 2-2) whose cost is
 * −ln(prior of the bead type × probability of the length ratio), lengths in characters.
 */
import { GALE_CHURCH_VARIANCE, lengthMatchCost } from './length-model';
import { anchorCount, anchorSet, sharedAnchors, unionAnchors, type AnchorSet } from './anchors';

/** One aligned group: indexes of the left and right paragraphs shown side by side (either may be empty). */
export interface Bead {
  left: number[];
  right: number[];
}

/** Tuning knobs of `alignParagraphs`; the defaults follow the paper. */
export interface AlignOptions {
  /** Expected right/left character ratio; default: ratio of the two texts' total lengths. */
  ratio?: number;
  /** Variance of the length ratio per character; default 6.8 (the paper's s²). */
  variance?: number;
  /** Half-width of the search band around the length diagonal, in right paragraphs. */
  band?: number;
  /** Weight of shared anchors (numbers, names) in a bead's cost; 0 aligns by length alone. */
  anchorWeight?: number;
}

/**
 * Bead priors. The paper's Table 5 (sentences of hand-aligned Union Bank reports) gives 1-1
 * 0.89, 1-0 or 0-1 0.0099, 2-1 or 1-2 0.089, 2-2 0.011. We align paragraphs of news
 * translations, where an editor leaves a whole paragraph untranslated or adds a note far more
 * often than a sentence translator drops a sentence, and a 2-2 regrouping is rarer than the
 * two: with the paper's priors a 1-0 plus a 0-1 (cost 10.6) always lost to one 2-2 bead (4.5)
 * that glued the untranslated paragraph to its neighbour and shifted later rows. These values
 * were set by hand on our fixtures (tests/shared/align), not measured on a corpus.
 */
export const BEAD_PRIORS = {
  '1-1': 0.86,
  '1-0': 0.02,
  '0-1': 0.02,
  '2-1': 0.045,
  '1-2': 0.045,
  '2-2': 0.003,
} as const;

/** Default weight of shared anchors: a bead whose anchors all match costs this much less. */
export const ANCHOR_WEIGHT = 3;
/** Agreement of a bead whose sides share no anchor although one has some (times the weight). */
const UNMATCHED_ANCHORS = 0.5;

/** The moves of the dynamic programme: paragraphs consumed on each side, and their prior cost. */
const MOVES: ReadonlyArray<{ dl: number; dr: number; prior: number }> = (
  [[1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2]] as const
).map(([dl, dr]) => ({ dl, dr, prior: -Math.log(BEAD_PRIORS[`${dl}-${dr}` as keyof typeof BEAD_PRIORS]) }));

/** The 0-1 move, handled apart because it depends on the same row. */
const INSERT_RIGHT = { index: MOVES.findIndex((mv) => mv.dl === 0), prior: -Math.log(BEAD_PRIORS['0-1']) };

/** The smallest band half-width: generous enough for editors' additions in one version. */
const MIN_BAND = 100;
/** A mis-estimated ratio (one side much longer) must not make every length look impossible. */
const RATIO_LIMITS = [0.2, 5] as const;

/**
 * Align the paragraphs of two versions; returns beads covering every paragraph of both sides
 * exactly once, in reading order. Runs in O(n · band) time: 500 × 500 paragraphs take about
 * 20 ms on a 2-core machine.
 *
 * Deviation from the paper: an insertion (1-0 / 0-1) pays only its prior. The paper scores it as
 * a match against length 0, which makes a long paragraph added by an editor cheaper to glue onto
 * a neighbour as a 2-1 bead than to show on its own.
 *
 * @example alignParagraphs(viTexts, enTexts) // [{ left: [0], right: [0] }, { left: [1, 2], right: [1] }, …]
 */
export function alignParagraphs(left: readonly string[], right: readonly string[], options: AlignOptions = {}): Bead[] {
  const n = left.length;
  const m = right.length;
  if (n === 0 || m === 0) {
    return [...left.map((_, i) => ({ left: [i], right: [] })), ...right.map((_, j) => ({ left: [], right: [j] }))];
  }
  const leftPrefix = prefixLengths(left);
  const rightPrefix = prefixLengths(right);
  const c = options.ratio ?? estimateRatio(leftPrefix[n] ?? 0, rightPrefix[m] ?? 0);
  const s2 = options.variance ?? GALE_CHURCH_VARIANCE;
  const { lo, hi } = band(left, right, options.band ?? Math.max(MIN_BAND, Math.ceil(0.1 * Math.max(n, m))));
  const weight = options.anchorWeight ?? ANCHOR_WEIGHT;
  const leftAnchors = left.map(anchorSet);
  const rightAnchors = right.map(anchorSet);
  // Texts without any number or name (or weight 0) align by length alone, at no extra cost.
  const useAnchors = weight > 0 && (leftAnchors.some((a) => a[0] | a[1]) || rightAnchors.some((a) => a[0] | a[1]));

  const base = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) base[i + 1] = base[i]! + hi[i]! - lo[i]! + 1;
  const cost = new Float64Array(base[n + 1]!).fill(Infinity);
  const move = new Uint8Array(cost.length);
  const at = (i: number, j: number): number => (i < 0 || j < lo[i]! || j > hi[i]! ? -1 : base[i]! + j - lo[i]!);

  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const rowBase = base[i]! - rowLo;
    // Moves that consume a left paragraph read only earlier rows, so each is one sweep of the row.
    for (let k = 0; k < MOVES.length; k++) {
      const { dl, dr, prior } = MOVES[k]!;
      if (dl === 0 || i < dl) continue;
      const prevLo = lo[i - dl]!;
      const prevHi = hi[i - dl]!;
      const prevBase = base[i - dl]! - prevLo;
      const leftLength = leftPrefix[i]! - leftPrefix[i - dl]!;
      for (let j = Math.max(rowLo, prevLo + dr); j <= Math.min(rowHi, prevHi + dr); j++) {
        const prev = cost[prevBase + j - dr]!;
        if (prev === Infinity) continue;
        const c2 = dr === 0 ? prev + prior
          : prev + prior + lengthMatchCost(leftLength, rightPrefix[j]! - rightPrefix[j - dr]!, c, s2) -
            (useAnchors ? weight * anchorAgreement(leftAnchors, i - dl, dl, rightAnchors, j - dr, dr) : 0);
        if (c2 < cost[rowBase + j]!) {
          cost[rowBase + j] = c2;
          move[rowBase + j] = k;
        }
      }
    }
    // 0-1 reads the cell to its left in the same row, which is final by the time it is read.
    for (let j = Math.max(rowLo, 1); j <= rowHi; j++) {
      const prev = cost[rowBase + j - 1]!;
      const c2 = prev + INSERT_RIGHT.prior;
      if (c2 < cost[rowBase + j]!) {
        cost[rowBase + j] = c2;
        move[rowBase + j] = INSERT_RIGHT.index;
      }
    }
  }
  return backtrack(n, m, at, move);
}

/**
 * How well the anchors of a bead agree, in [-0.5, 1]: the Dice overlap of the two blocks' anchor
 * sets, scaled down when a paragraph of a two-paragraph block has anchors the other side lacks
 * (so a paragraph with its own names and numbers is not glued to a neighbour's translation).
 */
function anchorAgreement(la: readonly AnchorSet[], i0: number, dl: number, ra: readonly AnchorSet[], j0: number, dr: number): number {
  const l = dl === 1 ? la[i0]! : unionAnchors(la[i0]!, la[i0 + 1]!);
  const r = dr === 1 ? ra[j0]! : unionAnchors(ra[j0]!, ra[j0 + 1]!);
  const nl = anchorCount(l);
  const nr = anchorCount(r);
  if (nl === 0 && nr === 0) return 0;
  const shared = sharedAnchors(l, r);
  // Numbers and names on one side that the other lacks: likely not translations of each other.
  if (shared === 0) return -UNMATCHED_ANCHORS;
  let dice = (2 * shared) / (nl + nr);
  for (let k = 0; k < dl && dl > 1; k++) if (anchorCount(la[i0 + k]!) > 0 && sharedAnchors(la[i0 + k]!, r) === 0) dice /= 2;
  for (let k = 0; k < dr && dr > 1; k++) if (anchorCount(ra[j0 + k]!) > 0 && sharedAnchors(ra[j0 + k]!, l) === 0) dice /= 2;
  return dice;
}

/** Follow the chosen moves back from the end; every cell on the path is reachable by construction. */
function backtrack(n: number, m: number, at: (i: number, j: number) => number, move: Uint8Array): Bead[] {
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = MOVES[move[at(i, j)] ?? 0]!;
    beads.push({ left: range(i - mv.dl, i), right: range(j - mv.dr, j) });
    i -= mv.dl;
    j -= mv.dr;
  }
  return beads.reverse();
}

/** Cumulative character lengths: prefix[k] = total length of the first k paragraphs. */
function prefixLengths(texts: readonly string[]): number[] {
  const prefix = [0];
  for (const t of texts) prefix.push((prefix[prefix.length - 1] ?? 0) + t.length);
  return prefix;
}

/**
 * c of the paper, estimated from the two texts: Vietnamese and English character counts differ
 * by a ratio the paper's c = 1 (for German/French vs English) does not fit.
 */
function estimateRatio(leftTotal: number, rightTotal: number): number {
  if (leftTotal <= 0 || rightTotal <= 0) return 1;
  return Math.min(RATIO_LIMITS[1], Math.max(RATIO_LIMITS[0], rightTotal / leftTotal));
}

/**
 * For each left prefix i, the span [lo, hi] of right prefixes the search may visit: a band of
 * ±width around the point where the right text has reached the same share of its length.
 * Consecutive rows overlap, so a path from (0, 0) to (n, m) always exists inside the band.
 */
function band(left: readonly string[], right: readonly string[], width: number): { lo: Int32Array; hi: Int32Array } {
  const n = left.length;
  const m = right.length;
  // +1 per paragraph so that runs of empty paragraphs still move along the diagonal.
  const lw = prefixLengths(left).map((v, k) => v + k);
  const rw = prefixLengths(right).map((v, k) => v + k);
  const scale = (rw[m] ?? 1) / (lw[n] ?? 1);
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  let centre = 0;
  for (let i = 0; i <= n; i++) {
    const target = (lw[i] ?? 0) * scale;
    while (centre < m && (rw[centre + 1] ?? 0) <= target) centre++;
    lo[i] = Math.max(0, centre - width);
    hi[i] = Math.min(m, centre + width);
    if (i > 0) lo[i] = Math.min(lo[i] ?? 0, (hi[i - 1] ?? 0) + 1);
  }
  lo[0] = 0;
  hi[n] = m;
  return { lo, hi };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
