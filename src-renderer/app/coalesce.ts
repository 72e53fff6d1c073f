/**
 * Coalesces a stream of "the library changed" events into few reloads. Unlike a debounce, a burst
 * that never pauses (a sync writing thousands of files) still updates the list every `gapMs` plus
 * one load; and never two loads run at once, so a slow reload of a large library cannot pile up.
 */
export interface Coalesced {
  /** Asks for a run; several asks before it starts make one run. */
  request(): void;
  /** Drops any pending run (the component went away). */
  dispose(): void;
}

/** `run` at most once per `gapMs`, never concurrently, and always once after the last request. */
export function coalesce(run: () => Promise<void>, gapMs: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let disposed = false;

  const start = (): void => {
    timer = null;
    running = true;
    again = false;
    run()
      .catch((err: unknown) => console.error('folio: reload failed:', err))
      .finally(() => {
        running = false;
        if (again && !disposed) schedule();
      });
  };
  const schedule = (): void => {
    if (timer === null) timer = setTimeout(start, gapMs);
  };
  return {
    request() {
      if (disposed) return;
      if (running) again = true;
      else schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
