/**
 * Turns any failure into a message in the user's language. API failures arrive as FolioError
 * (code + params, from lib/api.ts); each code has a Vietnamese and an English message. Anything
 * else is a bug in the renderer: it is logged with its detail and shown as 'internal'.
 */
import { FolioError, isErrorCode, type ErrorCode, type ErrorParams } from '@shared/result';
import i18n from './i18n';

/** A failure as the UI keeps it (a code, not a sentence, so a language switch re-translates it). */
export interface UiError {
  code: ErrorCode;
  params: ErrorParams;
}

/** The code and params of `err`; unknown errors are logged and become 'internal'. */
export function toUiError(err: unknown): UiError {
  if (err instanceof FolioError) return { code: err.code, params: err.params };
  const code = (err as { code?: unknown } | null)?.code;
  if (isErrorCode(code)) return { code, params: {} };
  console.error('folio: unexpected error in the interface:', err);
  return { code: 'internal', params: {} };
}

/** The message for a UiError in the current UI language. */
export function messageFor(e: UiError): string {
  return i18n.t(`errorCodes.${e.code}`, { ...e.params });
}

/** The message for any thrown value, in the current UI language. */
export function errorMessage(err: unknown): string {
  return messageFor(toUiError(err));
}
