/**
 * Messages between the library's parse pool and its workers (structured clone), and the skip a
 * file gets when its worker fails.
 */
import type { SkippedFile } from '../../shared/types';
import type { ParsedFile, ReadOptions } from './read-file';

/** Read and parse one file: `abs` on disk, `rel` its library path. */
export interface ParseRequest {
  id: number;
  abs: string;
  rel: string;
  opts: ReadOptions;
}

/** The worker's answer to request `id`. */
export interface ParseResponse {
  id: number;
  result: ParsedFile | SkippedFile;
}

/** The skip of a file whose parse failed unexpectedly (a worker crash, out of memory, a timeout). */
export function parseErrorSkip(rel: string, err: unknown): SkippedFile {
  const why = err instanceof Error ? err.message : String(err);
  return { path: rel, reason: 'parse-error', message: `Cannot parse file: ${why.slice(0, 160)}` };
}
