/**
 * Development-only behaviour in one place: `electron-vite dev` serves the renderer from a local
 * Vite server named by ELECTRON_RENDERER_URL. A packaged app ignores that variable entirely (it
 * would otherwise widen the CSP with 'unsafe-inline' and trust another origin's IPC).
 */
import { app } from 'electron';

/** True when running unpackaged (from source, `electron-vite dev` or preview). */
export function isDevelopment(): boolean {
  return !app.isPackaged;
}

/**
 * The dev server URL when unpackaged and it is a loopback http(s) URL, else null. Parsed once per
 * call, so a test can flip `app.isPackaged`.
 */
export function devRendererUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (!isDevelopment() || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopback && !url.username && !url.password ? url : null;
}
