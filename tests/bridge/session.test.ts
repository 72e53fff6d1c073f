/**
 * The bridge's browser credential cannot be used elsewhere: browsers send 127.0.0.1 cookies to
 * every port, so a second local server sees the cookie. Its value must not work as a header
 * credential, two bridges side by side must keep their own sessions, the token must leave the
 * address bar at once, and a state-changing request needs the session's CSRF header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, startTestBridge, type Reply, type TestBridge } from './bridge-fixture';
import { createSessionKeys } from '../../src-main/bridge/session';

/** A browser-like cookie jar for one host: cookies are keyed by name only, never by port. */
class HostCookieJar {
  private readonly cookies = new Map<string, string>();
  take(reply: Reply): void {
    for (const line of reply.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  values(): string[] {
    return [...this.cookies.values()];
  }
}

async function land(t: TestBridge, jar: HostCookieJar, path = '/'): Promise<Reply> {
  const sep = path.includes('?') ? '&' : '?';
  const reply = await request(t.port, { path: `${path}${sep}token=${t.token}`, headers: { Cookie: jar.header() } });
  jar.take(reply);
  return reply;
}

async function csrfOf(t: TestBridge, jar: HostCookieJar): Promise<string> {
  const page = await request(t.port, { path: '/', headers: { Cookie: jar.header() } });
  expect(page.status).toBe(200);
  const m = /<meta name="folio-csrf" content="([^"]+)"/.exec(page.body);
  expect(m, 'index.html carries the CSRF meta tag').not.toBeNull();
  return m![1]!;
}

function listArticles(t: TestBridge, headers: Record<string, string>): Promise<Reply> {
  return request(t.port, { path: '/api/listArticles', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
}

let a: TestBridge;
let b: TestBridge;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestBridge(), startTestBridge()]);
});
afterAll(async () => Promise.all([a?.close(), b?.close()]));

describe('the session cookie', () => {
  it('is named after the port, is not the token, and is HttpOnly, SameSite=Strict, Path=/', async () => {
    const jar = new HostCookieJar();
    const landing = await land(a, jar);
    const line = String(landing.headers['set-cookie']?.[0]);
    expect(line.startsWith(`folio_session_${a.port}=`)).toBe(true);
    expect(line).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
    expect(line).not.toContain(a.token);
    expect(jar.values()).toHaveLength(1);
  });

  it('the 303 after the exchange leads to the same URL without the token', async () => {
    const root = await land(a, new HostCookieJar());
    expect(root.status).toBe(303);
    expect(root.headers.location).toBe('/');
    const deep = await land(a, new HostCookieJar(), '/index.html?lang=vi');
    expect(deep.status).toBe(303);
    expect(deep.headers.location).toBe('/index.html?lang=vi');
    expect(deep.headers.location).not.toContain(a.token);
    expect(deep.body).not.toContain(a.token);
  });

  it('never redirects off the server, whatever the landing path', async () => {
    for (const p of ['/.//evil.example', '/a/..//evil.example/x', '//evil.example', '/\\evil.example']) {
      const r = await request(a.port, { path: `${p}?token=${a.token}` });
      expect(r.status, p).toBe(303);
      expect(r.headers.location, p).toMatch(/^\/(?!\/)/);
    }
  });

  it('index.html never carries the token itself', async () => {
    const jar = new HostCookieJar();
    await land(a, jar);
    const page = await request(a.port, { path: '/', headers: { Cookie: jar.header() } });
    expect(page.body).not.toContain(a.token);
  });
});

describe('another local server', () => {
  it('receives the cookie (as browsers send it to every port) but cannot use it as a credential', async () => {
    const jar = new HostCookieJar();
    await land(a, jar);
    const received: string[] = [];
    const other = http.createServer((req, res) => {
      received.push(req.headers.cookie ?? '');
      res.end('hello');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const port = (other.address() as AddressInfo).port;
      await request(port, { headers: { Cookie: jar.header() } });
      expect(received).toHaveLength(1);
      const stolen = received[0]!.split(';').map((c) => c.trim().slice(c.trim().indexOf('=') + 1));
      expect(stolen).toHaveLength(1);
      const replays: Reply[] = [];
      for (const value of stolen) {
        replays.push(await listArticles(a, { 'X-Folio-Token': value }));
        replays.push(await listArticles(a, { 'X-Folio-CSRF': value }));
        replays.push(await listArticles(a, { 'X-Folio-Token': value, 'X-Folio-CSRF': value }));
        replays.push(await listArticles(a, { Cookie: `folio_session_${a.port}=${value}`, 'X-Folio-CSRF': value }));
        replays.push(await listArticles(b, { Cookie: `folio_session_${b.port}=${value}`, 'X-Folio-CSRF': value }));
        replays.push(await listArticles(b, { 'X-Folio-Token': value }));
      }
      expect(replays.map((r) => r.status)).toEqual([401, 401, 401, 403, 401, 401]);
      for (const r of replays) expect(r.body).not.toContain('"ok":true');
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
  });
});

describe('two bridges side by side', () => {
  it('keep their own sessions in one browser jar; each tab keeps working after the other landed', async () => {
    const jar = new HostCookieJar();
    await land(a, jar);
    const csrfA = await csrfOf(a, jar);
    await land(b, jar); // the second `folio serve` opened in the same browser
    expect(jar.values()).toHaveLength(2);
    const csrfB = await csrfOf(b, jar);
    expect(csrfA).not.toBe(csrfB);
    for (const [t, csrf] of [[a, csrfA], [b, csrfB]] as const) {
      const r = await listArticles(t, { Cookie: jar.header(), 'X-Folio-CSRF': csrf });
      expect(r.status).toBe(200);
      expect((JSON.parse(r.body) as { ok: boolean }).ok).toBe(true);
      expect((await request(t.port, { path: '/assets/app.js', headers: { Cookie: jar.header() } })).status).toBe(200);
    }
    // One bridge's CSRF token is worthless on the other.
    expect((await listArticles(a, { Cookie: jar.header(), 'X-Folio-CSRF': csrfB })).status).toBe(403);
    expect((await listArticles(b, { Cookie: jar.header(), 'X-Folio-CSRF': csrfA })).status).toBe(403);
  });
});

describe('anti-CSRF on state-changing requests', () => {
  it('refuses a POST with the session cookie but without (or with a wrong) X-Folio-CSRF', async () => {
    const jar = new HostCookieJar();
    await land(a, jar);
    const csrf = await csrfOf(a, jar);
    const articles = JSON.parse((await listArticles(a, { Cookie: jar.header(), 'X-Folio-CSRF': csrf })).body) as { value: { id: string; langs: string[] }[] };
    const target = articles.value[0]!;
    const note = JSON.stringify({ articleId: target.id, lang: target.langs[0], note: 'ghi chú giả mạo' });
    const post = (headers: Record<string, string>) => request(a.port, { path: '/api/createNote', method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: jar.header(), ...headers }, body: note });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'X-Folio-CSRF': `${csrf}x` })).status).toBe(403);
    expect((await post({ 'X-Folio-CSRF': '' })).status).toBe(403);
    expect(a.session.annotations.list()).toHaveLength(0);
    const ok = await post({ 'X-Folio-CSRF': csrf });
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as { ok: boolean }).ok).toBe(true);
  });
});

describe('session keys', () => {
  it('refuse forged, truncated or foreign cookies; CSRF tokens differ from cookie signatures', () => {
    const keys = createSessionKeys();
    const other = createSessionKeys();
    const cookie = keys.issue();
    const id = keys.verify(cookie)!;
    expect(id).toBeTruthy();
    expect(other.verify(cookie)).toBeNull();
    expect(keys.verify(`${id}.`)).toBeNull();
    expect(keys.verify(id)).toBeNull();
    expect(keys.verify(`${id}x.${cookie.split('.')[1]}`)).toBeNull();
    expect(keys.verify('x'.repeat(500))).toBeNull();
    expect(keys.csrfFor(id)).not.toBe(cookie.split('.')[1]);
    expect(keys.csrfMatches(id, keys.csrfFor(id))).toBe(true);
    expect(keys.csrfMatches(id, other.csrfFor(id))).toBe(false);
  });
});
