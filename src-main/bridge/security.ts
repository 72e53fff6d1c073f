/**
 * The web bridge's request checks: a per-run token (constant-time compare), and Host/Origin
 * allow-lists against DNS rebinding. Pure functions over header values, unit-tested.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token (192 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares a presented token with the real one in constant time (hashing equalises lengths). */
export function tokenMatches(presented: string | undefined | null, token: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** Host header values the bridge answers to: only its own loopback address and port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * True when the Host header names this server. A DNS-rebinding attack reaches 127.0.0.1 under
 * an attacker's host name, so any other Host is refused.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return !!host && allowedHosts(port).has(host.toLowerCase());
}

/** True when there is no Origin (same-origin navigation, curl) or it is this server's own. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Reads one cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The Content-Security-Policy of every response: nothing remote, no inline script, no eval.
 * `img-src data: blob:` lets the reader show nothing but local images; articles carry no images today.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag in the built page (a file:// load has no headers):
 * browsers ignore `frame-ancestors` there and log an error on every load, so it is left to the
 * response headers and X-Frame-Options.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** Headers sent with every response of the bridge. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
