/**
 * Handler results. Electron's `ipcMain.handle` only passes an Error's message through, so every
 * handler returns a Result instead of throwing across the process boundary.
 */

/** Stable error codes the renderer and CLI translate into user-facing text. */
export type ErrorCode =
  | 'invalid-request'
  | 'unknown-method'
  | 'not-found'
  | 'outside-library'
  | 'unsupported'
  | 'conflict'
  | 'quote-not-found'
  | 'quote-ambiguous'
  | 'invalid-range'
  | 'io-error'
  | 'disk-full'
  | 'read-only'
  | 'foreign-store'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error code and message as a failed Result. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An Error carrying an ErrorCode, thrown inside main and turned into a failed Result at the edge. */
export class FolioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FolioError';
  }
}
