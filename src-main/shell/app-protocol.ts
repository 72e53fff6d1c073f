/**
 * The `folio-app://` scheme serving the built renderer. A privileged standard scheme (instead of
 * file://) gives the renderer a real origin and lets every response carry the CSP header.
 */
import { protocol, net } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveStatic } from '../bridge/static-files';
import { SECURITY_HEADERS } from '../bridge/security';

export const APP_SCHEME = 'folio-app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from `rendererDir` under folio-app://renderer/, with the security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(path.resolve(rendererDir), url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
    return new Response(res.body, { status: res.status, headers });
  });
}
