/**
 * Messages between the library's parse pool and its workers (structured clone), and the skip a
 * file gets when its worker fails.
 */
import type { MessagePort } from 'node:worker_threads';
import type { SkippedFile } from '../../shared/types';
import type { ParsedFile, ReadOptions } from './read-file';

/** Read and parse one file: `abs` on disk, `rel` its library path. */
export interface ParseRequest {
  abs: string;
  rel: string;
  opts: ReadOptions;
  /** The worker posts once on this port when it starts on the file: the time budget starts then. */
  started?: MessagePort;
}

/** The worker's answer: the parsed file or why it was skipped; null answers the start-up probe. */
export type ParseResponse = ParsedFile | SkippedFile | null;

/** The skip of a file whose parse failed unexpectedly (a worker crash, out of memory). */
export function parseErrorSkip(rel: string, err: unknown): SkippedFile {
  const why = err instanceof Error ? err.message : String(err);
  return { path: rel, reason: 'parse-error', message: `Cannot parse file: ${why.slice(0, 160)}` };
}

/** The skip of a file over its time budget. */
export function tooSlowSkip(rel: string, timeoutMs: number): SkippedFile {
  const secs = Math.round(timeoutMs / 100) / 10;
  return { path: rel, reason: 'too-slow', message: `File took too long to parse (over ${secs} s)` };
}
