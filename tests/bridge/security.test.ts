import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, hostAllowed, newToken, originAllowed, readCookie, tokenMatches } from '../../src-main/bridge/security';
import { resolveStatic } from '../../src-main/bridge/static-files';

describe('bridge token', () => {
  it('is random per call and long enough to guess-proof', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
  });
  it('matches only the exact token', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t.slice(0, -1), t)).toBe(false);
    expect(tokenMatches(`${t}x`, t)).toBe(false);
    expect(tokenMatches('', t)).toBe(false);
    expect(tokenMatches(null, t)).toBe(false);
  });
});

describe('DNS-rebinding defence', () => {
  it('accepts only its own loopback Host', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });
  it('accepts no Origin or its own origin only', () => {
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://evil.example', 4000)).toBe(false);
    expect(originAllowed('null', 4000)).toBe(false);
  });
});

describe('cookies and CSP', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; folio_token=abc; b=2', 'folio_token')).toBe('abc');
    expect(readCookie('a=1', 'folio_token')).toBeNull();
  });
  it('allows no remote origin, inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});

describe('static file resolution', () => {
  const root = '/srv/renderer';
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveStatic(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStatic(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
  });
  it('refuses escapes: .., encoded separators, backslashes, NUL bytes', () => {
    for (const p of ['/../secret', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/..\\secret', '/a%00b', '/%E0%A4%A']) {
      expect(resolveStatic(root, p), p).toBeNull();
    }
  });
});
