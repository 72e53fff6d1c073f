/**
 * An in-process web bridge for tests: a real FolioSession over a copy of a library, the real
 * handlers and `startBridge` on 127.0.0.1, and a small renderer folder. Plus a raw HTTP client
 * (node:http, so Host/Origin/method/body can be anything).
 */
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { BUNDLED_SAMPLE, copySampleLibrary } from '../support/sample-library';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge, type Bridge } from '../../src-main/bridge/server';
import { createHandlers } from '../../src-main/api/handlers';
import { forwardEvents } from '../../src-main/api/events';
import { FolioSession } from '../../src-main/core/session';
import type { Handlers } from '../../src-main/api/dispatch';
import type { ConnectionLimits } from '../../src-main/bridge/connection-limits';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_LIBRARY = BUNDLED_SAMPLE;

/** A running bridge and what the tests need around it. */
export interface TestBridge {
  bridge: Bridge;
  session: FolioSession;
  handlers: Handlers;
  port: number;
  token: string;
  root: string;
  dataDir: string;
  rendererDir: string;
  tmp: string;
  close(): Promise<void>;
}

/** Starts a bridge on a copy of `source` (the sample library by default). */
export async function startTestBridge(opts: { source?: string; search?: boolean; limits?: Partial<ConnectionLimits> } = {}): Promise<TestBridge> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bridge-'));
  const root = path.join(tmp, 'library');
  if (opts.source) await cp(opts.source, root, { recursive: true });
  else await copySampleLibrary(root);
  const dataDir = path.join(tmp, 'data');
  const rendererDir = path.join(tmp, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Folio</title></head><body><div id="root"></div></body></html>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(tmp, 'secret.txt'), 'SECRET OUTSIDE THE RENDERER');
  const session = await FolioSession.open({ libraryRoot: root, dataDir, watch: false, search: opts.search ?? false });
  const handlers = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
  const bridge = await startBridge({ handlers, subscribe: (l) => forwardEvents(session.events, l), rendererDir, limits: opts.limits });
  return {
    bridge, session, handlers, port: bridge.port, token: bridge.token, root, dataDir, rendererDir, tmp,
    async close() {
      await bridge.close();
      await session.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** One HTTP reply. */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request to the bridge; `host` is the Host header (default the bridge's own). */
export function request(port: number, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path ?? '/', method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST /api/<method> with the token header and a raw body. */
export function api(t: TestBridge, method: string, body: string | Buffer, headers: Record<string, string> = {}, timeoutMs?: number): Promise<Reply> {
  return request(t.port, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'X-Folio-Token': t.token, 'Content-Type': 'application/json', ...headers },
    body,
    timeoutMs,
  });
}

/** Sends bytes exactly as given (paths Node's client would normalise or refuse) and reads the reply. */
export function rawRequest(port: number, text: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('raw request timed out')); }, timeoutMs);
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => { clearTimeout(timer); resolve(out); });
    socket.on('error', (e) => { clearTimeout(timer); reject(e); });
    // write, not end: a half-closed socket makes Node drop replies that are still being prepared.
    socket.write(text);
  });
}
