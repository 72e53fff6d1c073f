import { describe, expect, it } from 'vitest';
import { inSlices } from '../../../src-main/core/events/in-slices';

/** A clock that advances `step` ms each time it is read: work of known cost, no wall clock. */
function tickingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('inSlices', () => {
  it('does every item in order and gives the event loop turns between slices', async () => {
    const seen: number[] = [];
    let turns = 0;
    const progress: number[] = [];
    const items = Array.from({ length: 2000 }, (_, i) => i);
    // Each item "costs" 1 ms: 2,000 items in 16 ms slices need about 125 turns.
    await inSlices(items, (i) => seen.push(i), {
      sliceMs: 16,
      now: tickingClock(1),
      yieldTurn: async () => {
        turns++;
      },
      onProgress: (done) => progress.push(done),
    });
    expect(seen).toEqual(items);
    expect(turns).toBeGreaterThanOrEqual(100);
    expect(turns).toBeLessThanOrEqual(150);
    expect(progress.at(-1)).toBe(2000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('answers other work between slices (a real event loop)', async () => {
    let answered = 0;
    const timer = setInterval(() => answered++, 0);
    await inSlices(Array.from({ length: 50 }, () => 0), () => {
      // About 2 ms of work per item: 100 ms in all, which must not hold the interval back.
      const end = performance.now() + 2;
      while (performance.now() < end);
    }, { sliceMs: 10 });
    clearInterval(timer);
    expect(answered).toBeGreaterThan(0);
  });

  it('reports an empty list as done', async () => {
    const progress: Array<[number, number]> = [];
    await inSlices([], () => undefined, { onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toEqual([[0, 0]]);
  });
});
