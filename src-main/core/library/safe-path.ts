/**
 * Resolve a library-relative path to an absolute one without ever leaving the library:
 * rejects `..`, absolute and drive paths, NUL bytes, backslashes, and symlinks that escape.
 */
import { existsSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Error thrown for a path outside the library; `code` is stable for the UI. */
export class OutsideLibraryError extends Error {
  readonly code = 'outside-library';
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Absolute path of `relPath` inside `root`, or throws `OutsideLibraryError`. */
export function resolveInside(root: string, relPath: string): string {
  if (typeof relPath !== 'string' || relPath.length === 0) throw new OutsideLibraryError('Empty path');
  if (relPath.includes('\0')) throw new OutsideLibraryError('Path contains a NUL byte');
  if (relPath.includes('\\')) throw new OutsideLibraryError('Path contains a backslash');
  if (relPath.startsWith('/') || /^[a-zA-Z]:/.test(relPath) || isAbsolute(relPath)) throw new OutsideLibraryError('Absolute paths are not allowed');
  if (relPath.split('/').some((s) => s === '..')) throw new OutsideLibraryError('Path leaves the library');
  const rootAbs = resolve(root);
  const abs = resolve(join(rootAbs, relPath));
  if (!inside(rootAbs, abs)) throw new OutsideLibraryError('Path leaves the library');
  // Follow symlinks on the longest existing prefix: a link may point outside the root.
  const rootReal = realpathSync(rootAbs);
  let probe = abs;
  while (!existsSync(probe) && probe !== rootAbs) probe = resolve(probe, '..');
  const real = realpathSync(probe);
  if (!inside(rootReal, real)) throw new OutsideLibraryError('Path leaves the library through a symlink');
  return abs.split(sep).join(sep);
}

/** The skip message of a path whose real location is outside the library. */
export const OUTSIDE_MESSAGE = 'Links outside the library';

/**
 * The real path of `abs` when it stays inside `rootReal` (the library root's own real path),
 * else null. Every read of a library file goes through this (or its sync twin in parse workers),
 * so a symlink created after the scan, or swapped in for a file, never reaches outside text.
 * Throws what `realpath` throws (ENOENT, ELOOP, EACCES) so callers report those as usual.
 */
export async function realPathInside(rootReal: string, abs: string): Promise<string | null> {
  const real = await realpath(abs);
  return inside(rootReal, real) ? real : null;
}

/** `realPathInside` with a blocking call, for parse workers (nothing else runs on their thread). */
export function realPathInsideSync(rootReal: string, abs: string): string | null {
  const real = realpathSync(abs);
  return inside(rootReal, real) ? real : null;
}
