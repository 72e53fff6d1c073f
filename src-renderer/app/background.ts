/**
 * Background work that yields to the reader. Requests the user waits for (opening an article,
 * a search, an annotation change) are marked as foreground; background work (the rest of a large
 * article list, a list reload after a file change) waits, before each of its requests, until no
 * foreground request is in flight and the page has had an idle moment to paint what it answered.
 * On a 50,000-article library the list's pages then never sit in the server's queue, or on the
 * renderer's main thread, ahead of the article the user just clicked.
 */

let inFlight = 0;
let waiting: Array<() => void> = [];
/** When the reader last acted (a click, a key, a wheel turn), or the window first showed rows. */
let lastActivity = Number.NEGATIVE_INFINITY;
/**
 * How long background work waits after the reader's last action: right after the first rows
 * paint, or a click, the next request is usually the reader's own (an article, a search).
 */
let quietMs = 300;

if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown', 'wheel'] as const) window.addEventListener(type, () => noteActivity(), { capture: true, passive: true });
}

/** Records that the reader acted (or is about to: the first rows just painted). */
export function noteActivity(): void {
  lastActivity = performance.now();
}

/** Sets the quiet period (tests without input use 0); returns the previous one. */
export function setQuietPeriod(ms: number): number {
  const before = quietMs;
  quietMs = ms;
  return before;
}

/** Marks `work` as a request the user is waiting for; background work waits until it settles. */
export function foreground<T>(work: Promise<T>): Promise<T> {
  inFlight++;
  const done = (): void => {
    inFlight--;
    if (inFlight > 0) return;
    const wake = waiting;
    waiting = [];
    for (const w of wake) w();
  };
  work.then(done, done);
  return work;
}

/** Foreground requests in flight now (tests, diagnostics). */
export function foregroundInFlight(): number {
  return inFlight;
}

/** The longest a background step waits for an idle period (a busy page still makes progress). */
const IDLE_TIMEOUT_MS = 200;

/** An idle period of the page (after a frame has painted), or the next task where there is none. */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

/**
 * Settles when background work may take its next step: no foreground request in flight, the
 * reader quiet for a moment, and an idle moment since (what was answered is rendered first).
 */
export async function backgroundTurn(): Promise<void> {
  for (;;) {
    if (inFlight > 0) await new Promise<void>((resolve) => waiting.push(resolve));
    const quiet = lastActivity + quietMs - performance.now();
    if (quiet > 0) {
      await new Promise((resolve) => setTimeout(resolve, quiet));
      continue;
    }
    await idle();
    if (inFlight === 0 && performance.now() - lastActivity >= quietMs) return;
  }
}
