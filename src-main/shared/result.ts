/**
 * Handler results and Folio's one coded error type. Electron's `ipcMain.handle` only passes an
 * Error's message through, so every handler returns a Result instead of throwing across the
 * process boundary. Errors carry a stable `code` (and `params` for the message) from the core to
 * the UI: the API edge passes them through untouched and the renderer translates the code.
 */

/**
 * Every error code Folio reports. The renderer has a Vietnamese and an English message for each
 * (lib/i18n, checked by type); `internal` is reserved for bugs and is logged with its detail.
 */
export const ERROR_CODES = [
  'invalid-request',
  'unknown-method',
  'not-found',
  'article-not-found',
  'annotation-not-found',
  'outside-library',
  'unsupported',
  'conflict',
  'quote-not-found',
  'quote-ambiguous',
  'invalid-range',
  'note-empty',
  'undo-superseded',
  'io-error',
  'file-missing',
  'permission-denied',
  'decode-error',
  'corrupt-file',
  'unrecognised-format',
  'pdf-fonts-missing',
  'pdf-bad-options',
  'pdf-nothing-to-export',
  'disk-full',
  'read-only',
  'foreign-store',
  'unauthorized',
  'disconnected',
  'internal',
] as const;

/** Stable error codes the renderer and CLI translate into user-facing text. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values interpolated into a code's message (an id, a path, a language). */
export type ErrorParams = Record<string, string | number>;

export interface ApiError {
  code: ErrorCode;
  /** English detail, for logs and the CLI; the UI shows its own message for `code`. */
  message: string;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** True when `code` is one of Folio's error codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error code and message (and message params) as a failed Result. */
export function fail<T = never>(code: ErrorCode, message: string, params?: ErrorParams): Result<T> {
  return { ok: false, error: params && Object.keys(params).length ? { code, message, params } : { code, message } };
}

/** The one coded error: thrown in main, carried as a failed Result, rethrown in the renderer. */
export class FolioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'FolioError';
  }
}
