/**
 * The single entry point both transports call: validate the request against the contract's
 * schema, run the handler, and turn every outcome into a Result. Nothing a caller sends can
 * crash the process: unknown methods, malformed payloads and handler errors all become typed errors.
 */
import { API, isApiMethod, type ApiMethod, type ApiParsedRequest, type ApiResponse } from '../shared/api';
import { FolioError, fail, isErrorCode, ok, type ErrorParams, type Result } from '../shared/result';

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
    return toFailure(err, method);
  }
}

/**
 * Maps a thrown error to a failed Result. Coded errors (FolioError, or any error whose `code` is
 * one of Folio's) pass through untouched with their params; Node's file errors become
 * `file-missing` / `permission-denied`; anything else is a bug: logged with its stack, 'internal'.
 */
export function toFailure(err: unknown, method = '?'): Result<never> {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof FolioError) return fail(err.code, message, err.params);
  const { code, params, path: file } = (err ?? {}) as { code?: unknown; params?: unknown; path?: unknown };
  if (isErrorCode(code) && code !== 'internal') return fail(code, message, plainParams(params));
  const where = typeof file === 'string' ? { path: file } : undefined;
  if (code === 'ENOENT') return fail('file-missing', message, where);
  if (code === 'EACCES' || code === 'EPERM') return fail('permission-denied', message, where);
  console.error(`folio: internal error in ${method}:`, err instanceof Error ? (err.stack ?? message) : err);
  return fail('internal', message);
}

/** Params of a foreign coded error, kept only when they are a flat record of strings and numbers. */
function plainParams(params: unknown): ErrorParams | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const entries = Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Typed helper for tests and the CLI: dispatch and unwrap. */
export async function call<M extends ApiMethod>(handlers: Handlers, method: M, req: unknown): Promise<ApiResponse<M>> {
  const r = await dispatch(handlers, method, req);
  if (!r.ok) throw new FolioError(r.error.code, r.error.message, r.error.params);
  return r.value as ApiResponse<M>;
}
