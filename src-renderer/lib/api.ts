/**
 * The only file that touches the transport. In Electron the preload exposes `window.folio`;
 * in a browser (the web bridge) requests go to `/api/<method>` with the session cookie and the
 * page's anti-CSRF token, and events
 * arrive over Server-Sent Events. Callers get one typed client either way.
 */
import { API_METHODS, type ApiMethod, type ApiRequest, type ApiResponse, type FolioApi, type FolioEvent } from '@shared/api';
import type { FolioBridge } from '@shared/bridge';
import { FolioError, type ApiError, type Result } from '@shared/result';

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

/** The anti-CSRF token the bridge put in index.html for this session (not the printed token). */
function csrfFromPage(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="folio-csrf"]')?.content ?? '';
}

function httpApi(): FolioApi {
  const csrf = csrfFromPage();
  const call = async (method: ApiMethod, req: unknown): Promise<Result<unknown>> => {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Folio-CSRF': csrf },
      body: JSON.stringify(req ?? {}),
    });
    if (res.status === 401 || res.status === 403) return { ok: false, error: { code: 'unauthorized', message: 'Unauthorized: reopen the URL printed by folio serve' } };
    return (await res.json()) as Result<unknown>;
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (req: unknown) => call(m, req)])) as unknown as FolioApi;
}

function httpEvents(listener: (e: FolioEvent) => void): () => void {
  const source = new EventSource('/api/events');
  const onMessage = (msg: MessageEvent<string>) => {
    try {
      listener(JSON.parse(msg.data) as FolioEvent);
    } catch {
      // ignore a malformed event rather than break the stream
    }
  };
  source.addEventListener('folio', onMessage as EventListener);
  return () => source.close();
}

const bridge = window.folio;
const transport: FolioApi = bridge ? bridge.api : httpApi();

/** Which transport this renderer runs on. */
export const transportKind: 'electron' | 'web' = bridge ? 'electron' : 'web';

/** Calls an API method and unwraps its Result (throws the failure as a FolioError, code and params intact). */
export async function api<M extends ApiMethod>(method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const call = transport[method] as (r: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
  let result: Result<ApiResponse<M>>;
  try {
    result = await call(req);
  } catch (err) {
    // The transport itself failed (the server stopped, the window's IPC closed).
    throw new FolioError('disconnected', err instanceof Error ? err.message : String(err));
  }
  if (!result.ok) throw new FolioError(result.error.code, result.error.message, result.error.params ?? {});
  return result.value;
}

/** Subscribes to events pushed by main; returns the unsubscribe function. */
export function onFolioEvent(listener: (e: FolioEvent) => void): () => void {
  return bridge ? bridge.onEvent(listener) : httpEvents(listener);
}

/** The filesystem path of a dropped folder (Electron only). */
export function pathForDroppedFile(file: File): string | null {
  return bridge ? bridge.pathForFile(file) : null;
}

export type { ApiError };
