/**
 * The bridge keeps answering while a big rescan runs: the scan yields to the event loop every
 * 50 files or 30 ms, so a request waits at most about one file's parse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { api, startTestBridge, type TestBridge } from './bridge-fixture';

let t: TestBridge;
beforeAll(async () => {
  t = await startTestBridge();
});
afterAll(async () => t?.close());

describe('responsiveness during a scan', () => {
  it('answers getAppInfo within 500 ms while rescanning 3 000 files', async () => {
    const dir = path.join(t.root, 'bulk');
    await mkdir(dir);
    const para = '<p>Người dân trong làng góp tiền sửa lại con đường đất dẫn ra cánh đồng, và mùa mưa năm nay xe chở lúa đã không còn sa lầy nữa.</p>\n';
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 3_000; i++) {
      const name = `bai-${String(i).padStart(4, '0')}`;
      writes.push(i % 60 === 0
        ? writeFile(path.join(dir, `${name}.html`), `<html lang="vi"><body><article><h1>Bài ${i}</h1>${para.repeat(600)}</article></body></html>`)
        : writeFile(path.join(dir, `${name}.md`), `# Bài số ${i}\n\nĐoạn văn số ${i} kể chuyện con đường số ${i * 13} bên bờ sông.\n`));
    }
    await Promise.all(writes);

    const started = performance.now();
    let done = false;
    const scan = api(t, 'rescan', '{}').then((r) => {
      done = true;
      return r;
    });
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const r = await api(t, 'getAppInfo', '{}');
      latencies.push(performance.now() - t0);
      expect(r.status).toBe(200);
      await new Promise((res) => setTimeout(res, 20));
    }
    const reply = await scan;
    const scanMs = performance.now() - started;
    const status = JSON.parse(reply.body) as { ok: boolean; value: { articleCount: number } };
    expect(status.ok).toBe(true);
    expect(status.value.articleCount).toBeGreaterThanOrEqual(3_000);
    // The scan must have been long enough for the measurement to mean something.
    expect(scanMs).toBeGreaterThan(1_000);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });
});
