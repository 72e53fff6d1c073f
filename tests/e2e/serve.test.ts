/**
 * `folio serve` as a user starts it: prints a URL with a token, answers only on 127.0.0.1,
 * refuses requests without the token (401), with a foreign Host/Origin (403), and sends the CSP
 * header on every response. Runs the built CLI; no browser needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { REPO, serveLibrary, type Served } from './harness';

const built = existsSync(path.join(REPO, 'out/main/cli.js')) && existsSync(path.join(REPO, 'out/renderer/index.html'));
if (!built) console.warn('[e2e] serve tests skipped: run `npm run build` first (npm test does it)');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port, path: opts.path ?? '/', method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe.skipIf(!built)('folio serve', () => {
  let served: Served;
  let port: number;
  beforeAll(async () => {
    served = await serveLibrary();
    port = Number(new URL(served.url).port);
  });
  afterAll(async () => served?.stop());

  it('prints a loopback URL carrying a token', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
  });

  it('refuses pages and API calls without the token', async () => {
    expect((await request(port, { path: '/' })).status).toBe(401);
    expect((await request(port, { path: '/api/listArticles', method: 'POST', body: '{}' })).status).toBe(401);
    expect((await request(port, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('trades the URL token for a cookie, then serves the app with CSP', async () => {
    const landing = await request(port, { path: `/?token=${served.token}` });
    expect(landing.status).toBe(303);
    const cookie = String(landing.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    expect(landing.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request(port, { path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers the API with the token header, and lists the sample articles', async () => {
    const r = await request(port, { path: '/api/listArticles', method: 'POST', headers: { 'X-Folio-Token': served.token, 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBeTruthy();
    const result = JSON.parse(r.body) as { ok: boolean; value: Array<{ title: string; langs: string[] }> };
    expect(result.ok).toBe(true);
    expect(result.value.length).toBeGreaterThanOrEqual(3);
    expect(result.value.some((a) => a.langs.length === 2)).toBe(true);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site requests)', async () => {
    const headers = { 'X-Folio-Token': served.token };
    expect((await request(port, { path: '/api/listArticles', method: 'POST', headers: { ...headers, Host: `evil.example:${port}` }, body: '{}' })).status).toBe(403);
    expect((await request(port, { path: '/api/listArticles', method: 'POST', headers: { ...headers, Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
  });

  it('is not reachable on a non-loopback address', async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
      .map((a) => a.address);
    for (const host of addresses) {
      await expect(request(port, { host, path: '/' })).rejects.toThrow(/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH/);
    }
  });
});
