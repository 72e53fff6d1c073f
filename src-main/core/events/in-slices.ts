/**
 * Work over many items in time slices: a watcher burst or rescan of thousands of files must not
 * hold the thread that answers the interface's requests, and the progress bar needs a count.
 */

export interface SliceOptions {
  /** Longest stretch of work before the event loop gets a turn. */
  sliceMs?: number;
  /** Called after every slice (and once at the end) with how many items are done. */
  onProgress?: (done: number, total: number) => void;
  /** The clock (tests pass a counting one). */
  now?: () => number;
  /** How to give the event loop a turn (tests may count the turns). */
  yieldTurn?: () => Promise<void>;
}

/** A turn of the event loop: pending I/O and timers run before the next slice. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Calls `work` on every item in order, yielding to the event loop every `sliceMs`. */
export async function inSlices<T>(items: readonly T[], work: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  const { sliceMs = 16, onProgress, now = () => performance.now(), yieldTurn = nextTurn } = opts;
  let start = now();
  for (let i = 0; i < items.length; i++) {
    work(items[i] as T);
    if (i + 1 < items.length && now() - start >= sliceMs) {
      onProgress?.(i + 1, items.length);
      await yieldTurn();
      start = now();
    }
  }
  onProgress?.(items.length, items.length);
}
