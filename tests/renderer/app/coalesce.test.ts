import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../src-renderer/app/coalesce';

/** A run whose completion the test controls, counting starts. */
function controlledRun() {
  const finishes: Array<() => void> = [];
  const run = vi.fn(() => new Promise<void>((resolve) => finishes.push(resolve)));
  return { run, finishNext: async () => { finishes.shift()?.(); await Promise.resolve(); await Promise.resolve(); } };
}

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one run of many requests that arrive before it starts', async () => {
    const { run, finishNext } = controlledRun();
    const c = coalesce(run, 150);
    for (let i = 0; i < 2000; i++) c.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    await finishNext();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps updating during a burst that never pauses (a debounce would wait for its end)', async () => {
    const run = vi.fn(() => Promise.resolve());
    const c = coalesce(run, 150);
    // One request every 50 ms for 3 s: a 150 ms debounce would not run once until it stops.
    for (let t = 0; t < 3000; t += 50) {
      c.request();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(15);
    expect(run.mock.calls.length).toBeLessThanOrEqual(21);
  });

  it('never runs twice at once, and runs once more after requests made during a run', async () => {
    const { run, finishNext } = controlledRun();
    const c = coalesce(run, 150);
    c.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    c.request();
    c.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
    await finishNext();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(2);
    await finishNext();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does not run after dispose, and survives a failing run', async () => {
    const run = vi.fn(() => Promise.reject(new Error('offline')));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const c = coalesce(run, 150);
    c.request();
    await vi.advanceTimersByTimeAsync(150);
    c.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(2);
    c.request();
    c.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
