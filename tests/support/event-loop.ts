/**
 * Responsiveness measured without a clock: how many times the event loop came round to a
 * 1 ms timer while some work ran. Work that blocks the thread lets the timer fire at most once or
 * twice, however long it takes; work that yields (or runs in a worker) lets it fire at every yield
 * (about once a millisecond at most, so the counter itself costs no CPU to speak of). On a slower
 * or busier machine the work takes longer and the count only grows, so a lower bound on it
 * cannot flake.
 */
export async function countLoopTurns<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    turns++;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    clearTimeout(timer);
  }
}
