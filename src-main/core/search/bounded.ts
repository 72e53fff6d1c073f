/**
 * Runs numbered tasks with at most `limit` of them started and not yet delivered, delivering
 * results strictly in task order. A build's analysis results are then held a few batches at a
 * time (including results that finished early and wait for an earlier one), never the whole
 * library's, and the worker pool's queue never holds every batch at once.
 */
export async function runBounded<T>(
  count: number,
  limit: number,
  start: (seq: number) => Promise<T>,
  deliver: (seq: number, result: T) => void,
): Promise<void> {
  if (!(limit >= 1)) throw new RangeError(`limit must be at least 1, got ${limit}`);
  const ready = new Map<number, T>();
  let next = 0;
  let started = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fill = (): void => {
      if (failed) return;
      if (next === count) {
        resolve();
        return;
      }
      // `started - next` counts tasks running plus results waiting for their turn.
      while (started < count && started - next < limit) {
        const seq = started++;
        start(seq).then(
          (result) => {
            if (failed) return;
            ready.set(seq, result);
            try {
              for (let r = ready.get(next); r !== undefined || ready.has(next); r = ready.get(next)) {
                ready.delete(next);
                deliver(next++, r as T);
              }
            } catch (err) {
              failed = true;
              reject(err);
              return;
            }
            fill();
          },
          (err: unknown) => {
            if (failed) return;
            failed = true;
            reject(err);
          },
        );
      }
    };
    fill();
  });
}
