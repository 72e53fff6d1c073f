/**
 * Session- and window-level defences (Electron security checklist): CSP on every response,
 * permissions denied, navigation and new windows blocked, <webview> refused, external links
 * opened only for http(s) after the user confirms.
 */
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../bridge/security';
import { devRendererUrl } from './dev-mode';
import { isSafeExternalUrl } from './external-url';

/** Applies the session-wide policies once. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // `electron-vite dev` serves the renderer with Vite's inline React-refresh preamble and an HMR
  // websocket: only then (unpackaged) is the policy widened, and only for that local dev server.
  const dev = devRendererUrl();
  const policy = dev
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ${dev.origin.replace(/^http/, 'ws')}`)
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

function isDevServerUrl(raw: string): boolean {
  const dev = devRendererUrl();
  if (!dev) return false;
  try {
    const url = new URL(raw);
    return url.host === dev.host && (url.protocol === dev.protocol || url.protocol === dev.protocol.replace('http', 'ws'));
  } catch {
    return false;
  }
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

/**
 * Applies the per-contents policies: no navigation of any frame, no redirects, no new windows,
 * no webviews. Attached to every web contents (see `hardenAllWebContents`), not only the main
 * window's, so a contents created later (devtools, a future window) gets them too.
 */
export function hardenWebContents(contents: WebContents): void {
  const owner = () => BrowserWindow.fromWebContents(contents) ?? null;
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void confirmOpenExternal(owner(), url);
  });
  // Subframes navigate without 'will-navigate' (Electron ≥ 25 reports them here).
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void confirmOpenExternal(owner(), url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hardens every web contents the app ever creates; call once, before the first window. */
export function hardenAllWebContents(app: { on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown }): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
