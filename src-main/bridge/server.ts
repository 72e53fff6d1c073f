/**
 * The loopback web bridge: serves the built renderer and the API contract over HTTP on
 * 127.0.0.1 only, so the whole UI runs in any Chromium (and is tested there). Every request needs
 * the per-run token; Host and Origin must be this server's own (DNS rebinding); no CORS.
 *
 * Protocol: `GET /?token=T` sets a session cookie (`folio_session_<port>`, a signed random id,
 * HttpOnly, SameSite=Strict) and answers 303 to the same URL without the token. Pages, assets and
 * `GET /api/events` (Server-Sent Events) need that cookie. `POST /api/<method>` with a JSON body
 * needs either the cookie plus `X-Folio-CSRF` (the page's anti-CSRF token, in a meta tag of
 * index.html) or `X-Folio-Token` (scripts and tests that hold the printed token).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../api/dispatch';
import type { FolioEvent } from '../shared/api';
import {
  SECURITY_HEADERS,
  hostAllowed,
  newToken,
  originAllowed,
  readCookie,
  tokenMatches,
} from './security';
import { createSessionKeys, sessionCookieName } from './session';
import { DEFAULT_CONNECTION_LIMITS, guardConnections, serverTimeoutOptions, type ConnectionLimits, type ConnectionStats } from './connection-limits';
import { mimeType, readStatic, resolveStatic } from './static-files';

/** API bodies above this are refused: no request of the contract needs more. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface BridgeOptions {
  handlers: Handlers;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe: (listener: (e: FolioEvent) => void) => () => void;
  /** The built renderer folder (contains index.html). */
  rendererDir: string;
  /** 0 picks any free port. */
  port?: number;
  /** Fixed token (tests); random per run by default. */
  token?: string;
  /** Timeouts and socket caps (tests pass small values). */
  limits?: Partial<ConnectionLimits>;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  /** Open sockets, unauthenticated ones, evictions and event streams (tests, diagnostics). */
  stats(): ConnectionStats & { eventStreams: number };
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Injects the session's CSRF token as a meta tag the renderer reads (CSP forbids inline script). */
function withCsrfMeta(html: string, csrf: string): string {
  return html.replace('<head>', `<head>\n    <meta name="folio-csrf" content="${csrf}" />`);
}

function headerValue(v: string | string[] | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** Starts the bridge on 127.0.0.1. */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? newToken();
  const sessions = createSessionKeys();
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = opts.subscribe((event) => {
    const line = `event: folio\ndata: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(line);
  });

  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...opts.limits };
  const server = http.createServer(serverTimeoutOptions(limits), (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('folio bridge: request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else res.end();
    });
  });
  const guard = guardConnections(server, limits);

  // Requests Node's parser rejects (bad request line, oversized headers) never reach `handle`:
  // answer them here so they carry the security headers too (Node's default reply has none).
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Bad Request'}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'Forbidden: unexpected Host header');
    if (!originAllowed(req.headers.origin, port)) return send(res, 403, 'Forbidden: cross-origin request');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const cookieName = sessionCookieName(port);
    const sessionId = sessions.verify(readCookie(req.headers.cookie, cookieName));
    const tokenHeaderOk = tokenMatches(headerValue(req.headers['x-folio-token']), token);
    const queryToken = url.searchParams.get('token');

    // Landing with ?token=: trade it for a session cookie, then drop it from the address bar.
    if (req.method === 'GET' && queryToken !== null) {
      if (!tokenMatches(queryToken, token)) return send(res, 401, 'Unauthorized: wrong token');
      guard.markAuthenticated(req.socket);
      url.searchParams.delete('token');
      return send(res, 303, '', 'text/plain', {
        'Set-Cookie': `${cookieName}=${sessions.issue()}; HttpOnly; SameSite=Strict; Path=/`,
        // `/.//evil.example` has the pathname `//evil.example`: a scheme-relative Location
        // would leave the server. Collapse leading slashes so it stays a path here.
        Location: url.pathname.replace(/^\/+/, '/') + (url.search || ''),
      });
    }

    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (name === 'events' && req.method === 'GET') {
        if (!sessionId && !tokenHeaderOk) return send(res, 401, 'Unauthorized');
        guard.markAuthenticated(req.socket);
        if (sseClients.size >= limits.maxEventStreams) {
          return send(res, 503, `Too many event streams (${limits.maxEventStreams}): close other Folio tabs and reload`, 'text/plain; charset=utf-8', { 'Retry-After': '5' });
        }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      // API calls need a header: a cookie alone could ride along a forged cross-site request.
      if (!tokenHeaderOk) {
        if (!sessionId) return sendJson(res, 401, { ok: false, error: { code: 'invalid-request', message: 'Unauthorized' } });
        if (!sessions.csrfMatches(sessionId, headerValue(req.headers['x-folio-csrf']))) {
          return sendJson(res, 403, { ok: false, error: { code: 'invalid-request', message: 'Forbidden: missing or wrong X-Folio-CSRF header' } });
        }
      }
      guard.markAuthenticated(req.socket);
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid-request', message: 'Use POST' } });
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid-request', message: 'Request too large' } });
      let payload: unknown;
      try {
        payload = body.trim() ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid-request', message: 'Body is not JSON' } });
      }
      const result = await dispatch(opts.handlers, name, payload);
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (!sessionId) return send(res, 401, 'Unauthorized: open the URL with its token, as printed by `folio serve`');
    guard.markAuthenticated(req.socket);
    const file = resolveStatic(opts.rendererDir, url.pathname);
    const bytes = file ? await readStatic(file) : null;
    if (!file || !bytes) return send(res, 404, 'Not found');
    if (file.endsWith('index.html')) return send(res, 200, withCsrfMeta(bytes.toString('utf8'), sessions.csrfFor(sessionId)), mimeType(file));
    return send(res, 200, bytes, mimeType(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue (the kernel caps it at somaxconn): a burst of connections waits in it
    // for the guard to count and evict, instead of overflowing into SYN retries seconds later.
    server.listen({ port: opts.port ?? 0, host: '127.0.0.1', backlog: 4096 }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    stats: () => ({ ...guard.stats(), eventStreams: sseClients.size }),
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
