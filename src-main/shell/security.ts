/**
 * Session- and window-level defences (Electron security checklist): CSP on every response,
 * permissions denied, navigation and new windows blocked, <webview> refused, external links
 * opened only for http(s) after the user confirms.
 */
import { dialog, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../bridge/security';
import { isSafeExternalUrl } from './external-url';

/** Applies the session-wide policies once. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // `electron-vite dev` serves the renderer with Vite's inline React-refresh preamble and an HMR
  // websocket: only then is the policy widened, and only for that local dev server.
  const dev = process.env.ELECTRON_RENDERER_URL;
  const policy = dev
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ${dev.replace(/^http/, 'ws')}`)
    : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // Nothing in Folio talks to the network: refuse any request that is not the app's own.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(folio-app|devtools|chrome-extension|data|blob):/.test(details.url) || isDevServerUrl(details.url);
    callback({ cancel: !allowed });
  });
}

function isDevServerUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !!dev && (url.startsWith(dev) || url.startsWith(dev.replace('http', 'ws')));
}

/** Asks before opening an external http(s) link in the user's browser. */
export async function confirmOpenExternal(win: BrowserWindow | null, url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return;
  const options = {
    type: 'question' as const,
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your browser?',
    detail: url,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

/** Applies the per-window policies: no navigation, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, win: BrowserWindow): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void confirmOpenExternal(win, url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void confirmOpenExternal(win, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
