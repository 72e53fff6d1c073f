/** Errors thrown by anchoring and the annotation store, each with a stable code the UI translates. */
import type { ErrorCode } from '../result';

/** The subset of API error codes annotation code throws. */
export type AnnotationErrorCode = Extract<
  ErrorCode,
  | 'not-found'
  | 'invalid-range'
  | 'invalid-request'
  | 'quote-not-found'
  | 'quote-ambiguous'
  | 'conflict'
  | 'io-error'
  | 'unsupported'
  | 'disk-full'
  | 'read-only'
  | 'foreign-store'
>;

/** An error with a stable `code`; the message is English, for logs and the CLI. */
export class AnnotationError extends Error {
  readonly code: AnnotationErrorCode;
  constructor(code: AnnotationErrorCode, message: string) {
    super(message);
    this.name = 'AnnotationError';
    this.code = code;
  }
}

/** True when `e` is an AnnotationError (optionally with the given code). */
export function isAnnotationError(e: unknown, code?: AnnotationErrorCode): e is AnnotationError {
  return e instanceof AnnotationError && (code === undefined || e.code === code);
}
