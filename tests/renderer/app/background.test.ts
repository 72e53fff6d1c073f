/** Background work (the rest of a large list) waits for the reader: requests in flight, a quiet moment after input. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundTurn, foreground, noteActivity, setQuietPeriod } from '../../../src-renderer/app/background';

let before = 0;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'requestIdleCallback'] });
  before = setQuietPeriod(300);
});
afterEach(() => {
  setQuietPeriod(before);
  vi.useRealTimers();
});

describe('backgroundTurn', () => {
  it('waits while a foreground request is in flight', async () => {
    let release!: () => void;
    void foreground(new Promise<void>((r) => (release = r)));
    let turned = false;
    void backgroundTurn().then(() => (turned = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(turned).toBe(false);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(turned).toBe(true);
  });

  it('waits for a quiet moment after the reader acts (a click, a key, the first rows), and again after each action', async () => {
    noteActivity();
    let turned = false;
    void backgroundTurn().then(() => (turned = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(turned).toBe(false);
    // The reader presses a key: the wait starts again.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
    await vi.advanceTimersByTimeAsync(200);
    expect(turned).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    expect(turned).toBe(true);
  });
});
