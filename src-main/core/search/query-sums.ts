/**
 * Step 1 of a search (search-run.ts) for a whole query: the order of its term additions, and
 * the sums of the words before the one being typed, saved and restored at each keystroke of
 * that word. Results are bit-identical to adding every term: those words' terms come first in
 * the order of additions, so the saved sums are exactly the partial sums.
 */
import { Accumulator, type AccumulatorState, type Scoring } from './accumulate';
import { kindBits } from './rank';
import type { Matches, SearchRun } from './search-run';

/** The accumulator every search shares (one search runs at a time, synchronously). */
export const acc = new Accumulator();

/**
 * Step 1 into `acc`: every term's impacts, or only the candidates' (narrowing), or the saved
 * sums of the words before the one being typed plus that word's terms.
 */
export function accumulate(r: SearchRun, scoring: Scoring, candidates: Uint32Array | null): Matches['how'] {
  const ops = termOps(r);
  const head = headLength(r, ops);
  if (head === 0) {
    for (const op of ops) addOp(r, op, scoring, candidates);
    return candidates ? 'narrowed' : 'full';
  }
  // Typing the last word: the words before it add the same terms at every keystroke, first in
  // the order of additions, so their sums are kept and only the last word's terms added.
  // (Narrowing is for whole evaluations: restored sums hold documents outside the candidates.)
  const key = ops
    .slice(0, head)
    .map((o) => `${o.term}\u0001${o.weight}\u0001${o.any}\u0001${o.strong}\u0001${o.exact}`)
    .join('\u0000');
  const saved = r.sums.find((h) => h.version === r.engine.version && h.key === key);
  if (saved) acc.restore(saved.state);
  else {
    for (let i = 0; i < head; i++) addOp(r, ops[i] as TermOp, scoring, null);
    // The oldest kept sums make room, and lend their arrays.
    const dropped = r.sums.length >= HEADS_KEPT ? r.sums.pop() : undefined;
    r.sums.unshift({ version: r.engine.version, key, state: acc.save(dropped?.state) });
  }
  for (let i = head; i < ops.length; i++) addOp(r, ops[i] as TermOp, scoring, null);
  return saved ? 'head' : 'full';
}

/** One addition of step 1: a term, its weight and the query-word bits it sets. */
interface TermOp {
  term: string;
  weight: number;
  any: number;
  strong: number;
  exact: number;
  /** Query words (slots) the term serves, as bits. */
  slots: number;
}

/** The additions of a query, in the order they are made (the order of `r.infos`). */
function termOps(r: SearchRun): TermOp[] {
  const ops: TermOp[] = [];
  for (const [term, infos] of r.infos) {
    const op: TermOp = { term, weight: 0, any: 0, strong: 0, exact: 0, slots: 0 };
    for (const info of infos) {
      const bit = 1 << Math.min(info.slot, 30);
      const [a, s, e] = kindBits(info.kind);
      if (info.weight > op.weight) op.weight = info.weight;
      if (a) op.any |= bit;
      if (s) op.strong |= bit;
      if (e) op.exact |= bit;
      op.slots |= bit;
    }
    ops.push(op);
  }
  return ops;
}

function addOp(r: SearchRun, op: TermOp, scoring: Scoring, candidates: Uint32Array | null): void {
  acc.addTerm(r.engine.termData(op.term), scoring, op.weight, op.any, op.strong, op.exact, candidates);
}

/**
 * While the last word is being typed (a prefix), how many leading additions serve only the
 * words before it: those are the same at every keystroke of that word. 0 when none or when
 * nothing follows them.
 */
function headLength(r: SearchRun, ops: readonly TermOp[]): number {
  const last = r.plan.slots.length - 1;
  if (last < 1 || !r.plan.slots[last]?.prefix) return 0;
  const lastBit = 1 << Math.min(last, 30);
  let head = 0;
  while (head < ops.length && ((ops[head] as TermOp).slots & lastBit) === 0) head++;
  return head < ops.length ? head : 0;
}

/** Sums of the words before the one being typed, saved after step 1 (see `SearchRun.sums`). */
export interface SavedSums {
  /** The engine version they were computed on. */
  version: number;
  /** The additions they hold (terms, weights, bits). */
  key: string;
  state: AccumulatorState;
}

const HEADS_KEPT = 2;

