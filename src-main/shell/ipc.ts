/**
 * Electron transport of the API contract: one `ipcMain.handle` per contract method, each checking
 * that the request comes from Folio's own top frame before dispatching (validation happens there).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel, type FolioEvent } from '../shared/api';
import { dispatch, type Handlers } from '../api/dispatch';
import { fail } from '../shared/result';
import { APP_ORIGIN } from './app-protocol';

/** True when the IPC sender is the app's own renderer (not a subframe or a foreign page). */
export function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  const origin = new URL(frame.url).origin;
  const dev = process.env.ELECTRON_RENDERER_URL;
  return frame.url.startsWith(APP_ORIGIN) || (!!dev && origin === new URL(dev).origin);
}

/** Registers a handler for every contract method. */
export function registerIpc(handlers: Handlers): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, payload: unknown) => {
      if (!senderIsTrusted(event)) return fail('invalid-request', 'Untrusted sender');
      return dispatch(handlers, method, payload);
    });
  }
}

/** Sends a pushed event to a window's renderer. */
export function sendEvent(contents: WebContents, event: FolioEvent): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
}
