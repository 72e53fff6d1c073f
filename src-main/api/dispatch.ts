/**
 * The single entry point both transports call: validate the request against the contract's
 * schema, run the handler, and turn every outcome into a Result. Nothing a caller sends can
 * crash the process: unknown methods, malformed payloads and handler errors all become typed errors.
 */
import { API, isApiMethod, type ApiMethod, type ApiParsedRequest, type ApiResponse } from '../shared/api';
import { FolioError, fail, ok, type Result } from '../shared/result';
import { AnnotationError } from '../shared/anchoring/errors';

/** One function per API method, receiving the validated request. */
export type Handlers = { [M in ApiMethod]: (req: ApiParsedRequest<M>) => Promise<ApiResponse<M>> };

/** Validates `payload` for `method` and runs its handler. */
export async function dispatch(handlers: Handlers, method: string, payload: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('unknown-method', `Unknown method: ${method.slice(0, 100)}`);
  const parsed = API[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('invalid-request', `Invalid request for ${method}${where}: ${issue?.message ?? 'malformed'}`);
  }
  try {
    const handler = handlers[method] as (req: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    return toFailure(err);
  }
}

/** Maps a thrown error to a failed Result; unknown errors are logged and reported as 'internal'. */
export function toFailure(err: unknown): Result<never> {
  if (err instanceof FolioError) return fail(err.code, err.message);
  // The annotation store's codes (conflict, disk-full, read-only, foreign-store, …) reach the UI as they are.
  if (err instanceof AnnotationError) return fail(err.code, err.message);
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'not-found' || code === 'outside-library' || code === 'invalid-range' || code === 'quote-not-found' || code === 'quote-ambiguous') {
    return fail(code, message);
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') return fail('io-error', message);
  console.error('folio: handler failed:', err);
  return fail('internal', message);
}

/** Typed helper for tests and the CLI: dispatch and unwrap. */
export async function call<M extends ApiMethod>(handlers: Handlers, method: M, req: unknown): Promise<ApiResponse<M>> {
  const r = await dispatch(handlers, method, req);
  if (!r.ok) throw new FolioError(r.error.code, r.error.message);
  return r.value as ApiResponse<M>;
}
