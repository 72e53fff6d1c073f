/**
 * A stand-in for the transport (src-renderer/lib/api.ts) in renderer unit tests: every call is
 * recorded and answered only when the test says so, so replies can arrive in any order.
 */
import { FolioError, type ErrorCode } from '@shared/result';

export interface PendingCall {
  method: string;
  req: unknown;
  resolve(value: unknown): void;
  reject(code: ErrorCode, message?: string): void;
}

export const calls: PendingCall[] = [];
/** Methods answered at once with a fixed value (others wait for the test). */
export const autoReplies = new Map<string, (req: unknown) => unknown>();

/** The fake `api` (same signature as the real one, loosely typed). */
export function api(method: string, req: unknown): Promise<never> {
  return new Promise((resolve, reject) => {
    const auto = autoReplies.get(method);
    if (auto) {
      resolve(auto(req) as never);
      return;
    }
    calls.push({ method, req, resolve: (v) => resolve(v as never), reject: (code, message = code) => reject(new FolioError(code, message)) });
  });
}

/** The oldest unanswered call of `method`. */
export function next(method: string): PendingCall {
  const i = calls.findIndex((c) => c.method === method);
  if (i < 0) throw new Error(`no pending ${method} call (pending: ${calls.map((c) => c.method).join(', ')})`);
  return calls.splice(i, 1)[0]!;
}

/** Lets queued promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export function reset(): void {
  calls.length = 0;
  autoReplies.clear();
}

export const onFolioEvent = () => () => undefined;
export const pathForDroppedFile = () => null;
export const transportKind = 'web';
