/**
 * Electron transport of the API contract: one `ipcMain.handle` per contract method, each checking
 * that the request comes from Folio's own top frame before dispatching (validation happens there).
 */
import { ipcMain, type WebFrameMain, type WebContents } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel, type FolioEvent } from '../shared/api';
import { IPC_DROPPED_PATH_CHANNEL } from '../shared/bridge';
import { dispatch, type Handlers } from '../api/dispatch';
import { fail } from '../shared/result';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { devRendererUrl } from './dev-mode';
import type { LibraryGrants } from './library-grants';

/**
 * True when `raw` is exactly the app's own origin (`folio-app://renderer`), or, unpackaged
 * only, the dev server's origin. Parsed and compared part by part: a prefix test would also
 * accept `folio-app://renderer.evil/` or `folio-app://renderer@evil/`.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  // Node's URL gives custom schemes an opaque origin ("null"): compare scheme, host and port.
  if (url.protocol === `${APP_SCHEME}:`) return url.hostname === APP_HOST && url.port === '';
  const dev = devRendererUrl();
  return !!dev && url.origin === dev.origin;
}

/** True when the IPC sender is the app's own renderer (not a subframe or a foreign page). */
export function senderIsTrusted(event: { senderFrame: Pick<WebFrameMain, 'url' | 'parent'> | null }): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url);
}

/** Registers a handler for every contract method, and the preload's drop grants. */
export function registerIpc(handlers: Handlers, grants?: LibraryGrants): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, payload: unknown) => {
      if (!senderIsTrusted(event)) return fail('invalid-request', 'Untrusted sender');
      return dispatch(handlers, method, payload);
    });
  }
  if (grants) {
    ipcMain.on(IPC_DROPPED_PATH_CHANNEL, (event, p: unknown) => {
      if (senderIsTrusted(event) && typeof p === 'string' && p.length < 4_096) grants.grant(p);
    });
  }
}

/** Sends a pushed event to a window's renderer. */
export function sendEvent(contents: WebContents, event: FolioEvent): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
}
