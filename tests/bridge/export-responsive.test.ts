/**
 * Exporting many articles never stalls other requests: while a 200-article PDF export runs, a
 * getAppInfo sent after the first progress event is answered before the export finishes, and
 * while the export is still laying out articles. Ordering and counts only, no clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from '../../src-main/bridge/server';
import { createHandlers } from '../../src-main/api/handlers';
import { forwardEvents } from '../../src-main/api/events';
import { FolioSession } from '../../src-main/core/session';
import type { Handlers } from '../../src-main/api/dispatch';
import { request } from './bridge-fixture';

const ARTICLES = 200;
const PARAGRAPH = 'Sáng nay, hợp tác xã trong xã họp bàn việc sửa lại con kênh dẫn nước ra đồng. Bà con góp ý rất thẳng thắn, ai cũng muốn mùa sau lúa tốt hơn mùa trước, và các cụ già kể lại chuyện ngày xưa đào kênh bằng tay.';

let tmp: string;
let session: FolioSession;
let bridge: Bridge;
let lastProgress = { done: 0, total: 0 };
const progressAtInfo: Array<{ done: number; total: number }> = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-export-'));
  const root = path.join(tmp, 'library');
  await mkdir(root);
  await Promise.all(Array.from({ length: ARTICLES }, (_, i) =>
    writeFile(path.join(root, `bai-${String(i).padStart(3, '0')}.md`), `# Bài số ${i}: con kênh\n\n${Array.from({ length: 12 }, (_, p) => `${PARAGRAPH} (đoạn ${p + 1})`).join('\n\n')}\n`)));
  {
    await mkdir(path.join(tmp, 'renderer'));
    await writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  }
  session = await FolioSession.open({ libraryRoot: root, dataDir: path.join(tmp, 'data'), watch: false, search: false });
  session.events.on('exportProgress', (p) => (lastProgress = p));
  const real = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
  // The real handler, plus a note of how far the export had got when getAppInfo ran.
  const handlers: Handlers = {
    ...real,
    getAppInfo: async (req) => {
      progressAtInfo.push({ ...lastProgress });
      return real.getAppInfo(req);
    },
  };
  bridge = await startBridge({ handlers, subscribe: (l) => forwardEvents(session.events, l), rendererDir: path.join(tmp, 'renderer') });
}, 120_000);
afterAll(async () => {
  await bridge?.close();
  await session?.close();
  await rm(tmp, { recursive: true, force: true });
});

function post(method: string, body: unknown): Promise<{ status: number; body: string }> {
  return request(bridge.port, { path: `/api/${method}`, method: 'POST', headers: { 'X-Folio-Token': bridge.token, 'Content-Type': 'application/json' }, body: JSON.stringify(body), timeoutMs: 600_000 });
}

/** Resolves at the first exportProgress event seen by a client of the event stream. */
function firstProgress(): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { Host: `127.0.0.1:${bridge.port}`, 'X-Folio-Token': bridge.token }, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('"exportProgress"')) resolve(() => res.destroy());
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
  });
}

describe('export off the request thread', () => {
  it('answers getAppInfo during a 200-article PDF export, before it finishes', async () => {
    const list = JSON.parse((await post('listArticles', {})).body) as { value: { id: string }[] };
    expect(list.value).toHaveLength(ARTICLES);
    const order: string[] = [];
    const progress = firstProgress();
    const exported = post('exportPdf', { ids: list.value.map((a) => a.id), lang: 'vi', paper: 'a4' }).then((r) => {
      order.push('export');
      return r;
    });
    const closeStream = await progress;
    const info = await post('getAppInfo', {});
    order.push('getAppInfo');
    const reply = await exported;
    closeStream();
    expect(info.status).toBe(200);
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { mimeType: string; base64: string } };
    expect(result.ok).toBe(true);
    expect(Buffer.from(result.value.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(order).toEqual(['getAppInfo', 'export']);
    // getAppInfo was sent once the export had started (its first progress event) and answered
    // before the export's reply: the typesetting did not hold the thread that answers requests.
    expect(progressAtInfo).toHaveLength(1);
    expect(progressAtInfo[0]!.done).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
