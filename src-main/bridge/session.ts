/**
 * Browser sessions of the web bridge, after Jupyter Server's login cookie: browsers send cookies
 * for 127.0.0.1 to every port (RFC 6265 §8.5: cookies do not isolate by port), so the cookie
 * carries neither the token nor anything that works as a header credential. It holds a random
 * session id signed with a per-run secret, under a name that includes the port (two `folio serve`
 * on one host keep their own cookies). State-changing requests also need an anti-CSRF header
 * derived from the session (HMAC), which the page reads from its own HTML.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie name of the bridge listening on `port`. */
export function sessionCookieName(port: number): string {
  return `folio_session_${port}`;
}

/** Issues and checks session cookies and their CSRF tokens; stateless (HMAC over the id). */
export interface SessionKeys {
  /** A fresh signed cookie value `<id>.<signature>`. */
  issue(): string;
  /** The session id when `cookie` was issued by this server run, else null. */
  verify(cookie: string | null | undefined): string | null;
  /** The anti-CSRF token of a session (sent back by the page in `X-Folio-CSRF`). */
  csrfFor(sessionId: string): string;
  /** True when `presented` is the session's CSRF token (constant time). */
  csrfMatches(sessionId: string, presented: string | null | undefined): boolean;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Session keys under a per-run secret (random by default; never the URL token). */
export function createSessionKeys(secret: Buffer = randomBytes(32)): SessionKeys {
  // Domain-separated MACs: a cookie signature never equals a CSRF token of the same id.
  const mac = (purpose: string, id: string) => createHmac('sha256', secret).update(`${purpose}\0${id}`).digest('base64url');
  return {
    issue() {
      const id = randomBytes(18).toString('base64url');
      return `${id}.${mac('session', id)}`;
    },
    verify(cookie) {
      if (!cookie || cookie.length > 200) return null;
      const dot = cookie.indexOf('.');
      if (dot <= 0) return null;
      const id = cookie.slice(0, dot);
      return equal(cookie.slice(dot + 1), mac('session', id)) ? id : null;
    },
    csrfFor: (id) => mac('csrf', id),
    csrfMatches: (id, presented) => !!presented && equal(presented, mac('csrf', id)),
  };
}
