/**
 * Issue 16, build memory: a build's analysis batches are started a few at a time and delivered
 * in order (bounded.ts), so the results held at once stay bounded however large the library.
 */
import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../src-main/core/search/bounded';
import { mulberry32 } from '../../support/prng';

/** Tasks that finish in a seeded random order (each waits a random number of microtask turns). */
async function run(count: number, limit: number, seed: number): Promise<{ order: number[]; maxHeld: number; maxStarted: number }> {
  const rand = mulberry32(seed);
  const order: number[] = [];
  let started = 0;
  let delivered = 0;
  let maxHeld = 0;
  let maxStarted = 0;
  await runBounded(
    count,
    limit,
    async (seq) => {
      started++;
      maxHeld = Math.max(maxHeld, started - delivered);
      const turns = Math.floor(rand() * 20);
      for (let t = 0; t < turns; t++) await Promise.resolve();
      return seq * 10;
    },
    (seq, result) => {
      expect(result).toBe(seq * 10);
      order.push(seq);
      delivered++;
    },
  );
  maxStarted = started;
  return { order, maxHeld, maxStarted };
}

describe('bounded in-order batches', () => {
  it('delivers every task once, in order, with at most `limit` started and not delivered', async () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const limit of [1, 2, 4]) {
        const { order, maxHeld, maxStarted } = await run(200, limit, seed);
        expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
        expect(maxStarted).toBe(200);
        expect(maxHeld).toBeLessThanOrEqual(limit);
        // Out-of-order finishes do fill the window (the bound is reached, not just respected).
        expect(maxHeld).toBe(limit);
      }
    }
  });

  it('stops at the first failure and reports it', async () => {
    let startedAfter = 0;
    const err = await runBounded(
      50,
      2,
      async (seq) => {
        if (seq > 5) startedAfter++;
        if (seq === 5) throw new Error('worker crashed');
        return seq;
      },
      () => undefined,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('worker crashed');
    // Nothing past the window around the failed task was started.
    expect(startedAfter).toBeLessThanOrEqual(1);
  });

  it('finishes at once with no tasks, and refuses a limit below 1', async () => {
    await expect(runBounded(0, 2, async () => 1, () => undefined)).resolves.toBeUndefined();
    await expect(runBounded(3, 0, async () => 1, () => undefined)).rejects.toThrow(RangeError);
  });
});
