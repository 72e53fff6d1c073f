/**
 * Connection limits of the web bridge. Anyone on this machine can open sockets to 127.0.0.1, so
 * idle or slow sockets must neither exhaust file descriptors nor lock the real page out:
 * Node's header/request/keep-alive timeouts close slow sockets, and sockets that have not yet
 * made one authenticated request are capped, the oldest evicted first (a new connection always
 * gets in; refusing it instead would let 1,000 idle sockets block the user's tab until they time
 * out). Event streams are capped separately (they live as long as a tab).
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

/** The limits; every field has a default, tests pass small values. */
export interface ConnectionLimits {
  /** Time to receive a request's headers (slowloris). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive socket stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Open sockets that have not made an authenticated request; beyond this the oldest is closed. */
  maxUnauthenticatedSockets: number;
  /** Concurrent Server-Sent Events streams; one more is refused with 503. */
  maxEventStreams: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxUnauthenticatedSockets: 128,
  maxEventStreams: 32,
};

/**
 * Counters for tests and diagnostics. Every accepted socket is in exactly one bucket:
 * `accepted === unauthenticated + authenticated + evicted + expired`. Without `expired`, a socket
 * the silence timeout closed (or whose client hung up) before authenticating was counted nowhere,
 * so `evicted + unauthenticated` fell short of the sockets seen and never caught up.
 */
export interface ConnectionStats {
  /** Sockets open now. */
  open: number;
  /** Sockets the server accepted since it started. */
  accepted: number;
  /** Open sockets that have not made an authenticated request (at most the cap). */
  unauthenticated: number;
  /** Sockets that made an authenticated request (open or closed since). */
  authenticated: number;
  /** Unauthenticated sockets closed to make room for a newer one. */
  evicted: number;
  /** Unauthenticated sockets closed otherwise: silence timeout, Node's header timeout, or the client. */
  expired: number;
}

/** What the server calls into. */
export interface ConnectionGuard {
  /** A request on this socket passed authentication: it no longer counts against the cap. */
  markAuthenticated(socket: Socket): void;
  stats(): ConnectionStats;
}

/** Options for `http.createServer` that apply the timeouts (checked often enough to matter). */
export function serverTimeoutOptions(limits: ConnectionLimits): http.ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts on this interval (30 s by default), which would let idle
    // sockets live half a minute past their deadline.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2))),
  };
}

/** Tracks sockets of `server` and evicts the oldest unauthenticated one beyond the cap. */
export function guardConnections(server: http.Server, limits: ConnectionLimits): ConnectionGuard {
  // A Set iterates in insertion order: the first entry is the oldest unauthenticated socket.
  const unauthenticated = new Set<Socket>();
  let open = 0;
  let accepted = 0;
  let authenticated = 0;
  let evicted = 0;
  let expired = 0;
  server.on('connection', (socket: Socket) => {
    open++;
    accepted++;
    unauthenticated.add(socket);
    // Node's headersTimeout only starts at a request's first byte: a socket that never sends
    // anything would stay open forever. Close it when it stays silent that long, unauthenticated.
    socket.setTimeout(limits.headersTimeoutMs);
    socket.on('timeout', () => {
      if (unauthenticated.has(socket)) socket.destroy();
    });
    socket.once('close', () => {
      open--;
      // Evicted and authenticated sockets already left the set; anything else leaving now expired.
      if (unauthenticated.delete(socket)) expired++;
    });
    while (unauthenticated.size > limits.maxUnauthenticatedSockets) {
      const oldest = unauthenticated.values().next().value as Socket;
      unauthenticated.delete(oldest);
      evicted++;
      oldest.destroy();
    }
  });
  return {
    markAuthenticated(socket) {
      // Node's http server destroys a socket on any timeout nobody handles: an event stream
      // quieter than the header timeout would be cut. Keep-alive sets its own timer later.
      if (unauthenticated.delete(socket)) {
        authenticated++;
        socket.setTimeout(0);
      }
    },
    stats: () => ({ open, accepted, unauthenticated: unauthenticated.size, authenticated, evicted, expired }),
  };
}
