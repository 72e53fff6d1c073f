/**
 * The bridge keeps answering while a big rescan runs: the scan yields to the event loop every
 * 50 files or 30 ms, so requests are answered all along the scan, not once it is over. Measured
 * in files scanned between two answers (a count), never in milliseconds.
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
  it('answers getAppInfo all along a rescan of 1 500 files', async () => {
    const dir = path.join(t.root, 'bulk');
    await mkdir(dir);
    const para = '<p>Người dân trong làng góp tiền sửa lại con đường đất dẫn ra cánh đồng, và mùa mưa năm nay xe chở lúa đã không còn sa lầy nữa.</p>\n';
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 1_500; i++) {
      const name = `bai-${String(i).padStart(4, '0')}`;
      writes.push(i % 30 === 0
        ? writeFile(path.join(dir, `${name}.html`), `<html lang="vi"><body><article><h1>Bài ${i}</h1>${para.repeat(600)}</article></body></html>`)
        : writeFile(path.join(dir, `${name}.md`), `# Bài số ${i}\n\nĐoạn văn số ${i} kể chuyện con đường số ${i * 13} bên bờ sông.\n`));
    }
    await Promise.all(writes);

    let done = false;
    const scan = api(t, 'rescan', '{}', {}, 300_000).then((r) => {
      done = true;
      return r;
    });
    // Files scanned so far, each time an answer arrives while the scan runs.
    const seen: number[] = [];
    while (!done) {
      const r = await api(t, 'getAppInfo', '{}');
      expect(r.status).toBe(200);
      if (!done) seen.push(t.session.library.status().progress.done);
      await new Promise((res) => setTimeout(res, 20)); // a pause, not a limit: fewer requests, less load
    }
    const reply = await scan;
    const status = JSON.parse(reply.body) as { ok: boolean; value: { articleCount: number } };
    expect(status.ok).toBe(true);
    expect(status.value.articleCount).toBeGreaterThanOrEqual(1_500);
    const total = t.session.library.status().progress.total;
    const points = [0, ...seen, total];
    const widest = Math.max(...points.slice(1).map((p, i) => p - (points[i] as number)));
    console.info(`bridge responsiveness: ${seen.length} answers during the scan; at most ${widest} of ${total} files scanned between two answers`);
    // A scan that held the event loop would answer once, before or after all 1 500 files.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(widest).toBeLessThanOrEqual(total / 3);
  }, 300_000);
});
