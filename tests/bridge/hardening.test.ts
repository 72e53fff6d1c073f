/**
 * The web bridge's perimeter, over real sockets: loopback only; the token on every request
 * (pages, static assets, SSE, API); foreign Host/Origin refused; no CORS header on any response,
 * preflight included; the CSP header on every status it sends; and the static server never
 * returning a file outside the renderer folder, however the path is encoded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { request, rawRequest, startTestBridge, type Reply, type TestBridge } from './bridge-fixture';

let t: TestBridge;
let cookie: string;
beforeAll(async () => {
  t = await startTestBridge();
  const landing = await request(t.port, { path: `/?token=${t.token}` });
  cookie = String(landing.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});
afterAll(async () => t?.close());

function expectHardened(reply: Reply, what: string): void {
  expect(reply.headers['content-security-policy'], what).toContain("default-src 'none'");
  expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
  for (const h of Object.keys(reply.headers)) expect(h, what).not.toMatch(/^access-control-/);
}

/** Opens the SSE stream, returns its status and headers, then closes it. */
function sse(headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: t.port, path: '/api/events', headers: { Host: `127.0.0.1:${t.port}`, ...headers }, agent: false }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
      res.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
  });
}

describe('loopback only', () => {
  it('listens on 127.0.0.1, not on ::1 or another interface', async () => {
    expect(t.bridge.url.startsWith(`http://127.0.0.1:${t.port}/`)).toBe(true);
    await expect(new Promise((resolve, reject) => {
      const req = http.get({ host: '::1', family: 6, port: t.port, path: '/' }, resolve);
      req.on('error', reject);
    })).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
  });
});

describe('token on every request', () => {
  it('static assets, pages and SSE need the cookie; the API needs the header', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/nope.js']) {
      const r = await request(t.port, { path: p });
      expect(r.status, p).toBe(401);
      expectHardened(r, p);
      expect((await request(t.port, { path: p, headers: { Cookie: `folio_session_${t.port}=wrong` } })).status).toBe(401);
    }
    expect((await request(t.port, { path: '/assets/app.js', headers: { Cookie: cookie } })).status).toBe(200);
    expect((await sse({})).status).toBe(401);
    expect((await sse({ Cookie: `folio_session_${t.port}=wrong` })).status).toBe(401);
    const ok = await sse({ Cookie: cookie });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/text\/event-stream/);
    expectHardened(ok, 'SSE');
    // The cookie alone does not authorise an API call (a forged cross-site POST would carry it).
    const cookieOnly = await request(t.port, { path: '/api/listArticles', method: 'POST', headers: { Cookie: cookie }, body: '{}' });
    expect(cookieOnly.status).toBe(403);
    expect((await request(t.port, { path: '/api/listArticles', method: 'POST', headers: { 'X-Folio-Token': `${t.token}x` }, body: '{}' })).status).toBe(401);
  });

  it('a wrong ?token= is refused and sets no cookie', async () => {
    const r = await request(t.port, { path: '/?token=guess' });
    expect(r.status).toBe(401);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('Host and Origin', () => {
  const hosts = (port: number) => ['evil.example', `evil.example:${port}`, `127.0.0.1:${port}.evil.example`, `localhost.evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `[::1]:${port}`, `0.0.0.0:${port}`];
  it('refuses a foreign Host on pages, assets, SSE and the API', async () => {
    for (const host of hosts(t.port)) {
      for (const [p, method] of [['/', 'GET'], ['/assets/app.js', 'GET'], ['/api/events', 'GET'], ['/api/listArticles', 'POST']] as const) {
        const r = await request(t.port, { path: p, method, headers: { Host: host, Cookie: cookie, 'X-Folio-Token': t.token }, body: method === 'POST' ? '{}' : undefined });
        expect(r.status, `${host} ${p}`).toBe(403);
        expectHardened(r, `${host} ${p}`);
      }
    }
  });

  it('refuses a foreign Origin', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${t.port + 1}`, `https://127.0.0.1:${t.port}`, `http://127.0.0.1:${t.port}.evil.example`]) {
      const r = await request(t.port, { path: '/api/listArticles', method: 'POST', headers: { Origin: origin, 'X-Folio-Token': t.token }, body: '{}' });
      expect(r.status, origin).toBe(403);
      expectHardened(r, origin);
    }
    const same = await request(t.port, { path: '/api/listArticles', method: 'POST', headers: { Origin: `http://127.0.0.1:${t.port}`, 'X-Folio-Token': t.token }, body: '{}' });
    expect(same.status).toBe(200);
  });
});

describe('no CORS, CSP everywhere', () => {
  it('answers an OPTIONS preflight without any Access-Control-* header', async () => {
    for (const p of ['/api/listArticles', '/api/createNote', '/']) {
      for (const origin of ['http://evil.example', `http://127.0.0.1:${t.port}`]) {
        const r = await request(t.port, {
          path: p,
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-folio-token, content-type' },
        });
        expect(r.status).toBeGreaterThanOrEqual(400);
        expectHardened(r, `OPTIONS ${p} ${origin}`);
      }
    }
  });

  it('sends the CSP header with 200, 303, 400, 401, 403, 404, 405 and 413', async () => {
    const seen = new Map<number, Reply>();
    const auth = { 'X-Folio-Token': t.token };
    const replies = await Promise.all([
      request(t.port, { path: '/', headers: { Cookie: cookie } }),
      request(t.port, { path: `/?token=${t.token}` }),
      request(t.port, { path: '/api/search', method: 'POST', headers: auth, body: '{not json' }),
      request(t.port, { path: '/' }),
      request(t.port, { path: '/', headers: { Host: 'evil.example' } }),
      request(t.port, { path: '/missing.js', headers: { Cookie: cookie } }),
      request(t.port, { path: '/api/search', headers: auth }),
      request(t.port, { path: '/', method: 'DELETE', headers: { Cookie: cookie } }),
      request(t.port, { path: '/api/search', method: 'POST', headers: auth, body: 'x'.repeat(3 * 1024 * 1024) }),
      request(t.port, { path: '/api/search', method: 'POST', headers: auth, body: '{"query":"x"}' }),
    ]);
    for (const r of replies) {
      seen.set(r.status, r);
      expectHardened(r, String(r.status));
    }
    expect([...seen.keys()].sort()).toEqual([200, 303, 400, 401, 403, 404, 405, 413]);
  });

  it('sends security headers even on requests Node rejects before routing (bad request line, huge headers)', async () => {
    const bad = await rawRequest(t.port, 'GARBAGE\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1\.1 400/);
    expect(bad.toLowerCase()).toContain("content-security-policy: default-src 'none'");
    const huge = await rawRequest(t.port, `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: close\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 (400|414|431)/);
    expect(huge.toLowerCase()).toContain("content-security-policy: default-src 'none'");
  });
});

describe('static files stay inside the renderer folder', () => {
  const attempts = [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/%252e%252e/secret.txt',
    '/%00/secret.txt',
    '/index.html%00.js',
    '//etc/passwd',
    '/etc/passwd',
    '/%2fetc%2fpasswd',
    '/assets/',
    `/${'a/'.repeat(2_000)}x`,
    '/%',
  ];
  it.each(attempts.map((p) => [p.length > 60 ? `${p.slice(0, 20)}… (${p.length} chars)` : p, p]))('%s -> 4xx, never a file outside', async (_label, p) => {
    const reply = await rawRequest(t.port, `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(reply).not.toContain('SECRET OUTSIDE');
    expect(reply).not.toContain('root:');
  });
});
