/**
 * Responsiveness measured without a clock: how many times the event loop came round while some
 * work ran. Work that blocks the thread lets it turn at most once or twice, however long it takes;
 * work that yields (or runs in a worker) lets it turn at every yield. On a slower or busier machine
 * the work takes longer and the count only grows, so a lower bound on it cannot flake.
 */
export async function countLoopTurns<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  // One setImmediate per loop iteration: a turn is counted each time the loop reaches its check phase.
  const spin = (): void => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    running = false;
  }
}
