/** Errors thrown by anchoring and the annotation store, each with a stable code the UI translates. */
import { FolioError, type ErrorCode, type ErrorParams } from '../result';

/** The subset of API error codes annotation code throws. */
export type AnnotationErrorCode = Extract<
  ErrorCode,
  | 'not-found'
  | 'annotation-not-found'
  | 'invalid-range'
  | 'invalid-request'
  | 'note-empty'
  | 'undo-superseded'
  | 'disk-full'
  | 'read-only'
  | 'foreign-store'
  | 'quote-not-found'
  | 'quote-ambiguous'
  | 'conflict'
  | 'io-error'
  | 'unsupported'
>;

/** A FolioError from the annotation code; the message is English, for logs and the CLI. */
export class AnnotationError extends FolioError {
  declare readonly code: AnnotationErrorCode;
  constructor(code: AnnotationErrorCode, message: string, params?: ErrorParams) {
    super(code, message, params);
    this.name = 'AnnotationError';
  }
}

/** True when `e` is an AnnotationError (optionally with the given code). */
export function isAnnotationError(e: unknown, code?: AnnotationErrorCode): e is AnnotationError {
  return e instanceof AnnotationError && (code === undefined || e.code === code);
}
