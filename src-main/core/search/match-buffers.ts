/**
 * Pooled arrays for a search's matches (search-run.ts `Matches`): a search that leaves every
 * cache gives them back, and the next one reuses them.
 */
import type { Matches } from './search-run';

/** Arrays holding a search's matches; reused once the search leaves every cache. */
export interface MatchBuffers {
  docs: Int32Array;
  base: Int32Array;
  scores: Float64Array;
}

/**
 * Buffers of matches no cache holds any more. Every new search would otherwise allocate
 * ~16 bytes per matching article (800 kB at 50k): outside the JS heap, but counted by V8,
 * whose growth starts a full marking of the heap (all the library's text) every few dozen
 * keystrokes, tens of milliseconds of it inside keystrokes.
 */
const pool: MatchBuffers[] = [];
const POOL_MAX = 4;

/**
 * Gives `m`'s buffers back for later searches. Only for matches no cache or other holder will
 * read again (SearchIndex checks); calling it twice is harmless.
 */
export function recycleMatches(m: Matches): void {
  if (m.recycled) return;
  m.recycled = true;
  if (pool.length < POOL_MAX) pool.push(m.buffers);
}

export function takeBuffers(count: number): MatchBuffers {
  const at = pool.findIndex((b) => b.docs.length >= count);
  if (at >= 0) return pool.splice(at, 1)[0] as MatchBuffers;
  // Powers of two, so a buffer fits the next searches on the same library.
  let cap = 1024;
  while (cap < count) cap *= 2;
  return { docs: new Int32Array(cap), base: new Int32Array(cap), scores: new Float64Array(cap) };
}

