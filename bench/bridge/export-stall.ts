/**
 * How long other requests wait while `folio serve` exports 200 articles to PDF. A probe sends
 * getAppInfo over HTTP back to back during the export and records each answer's latency.
 * Baseline: the same export job run on the bridge's own thread (how it ran before the worker);
 * Folio: the exportPdf API as shipped (typesetting on a worker thread).
 *
 * Run: node --import tsx bench/bridge/export-stall.ts  → prints figures, writes bench-results/export-stall.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startBridge } from '../../src-main/bridge/server';
import { createHandlers } from '../../src-main/api/handlers';
import { forwardEvents } from '../../src-main/api/events';
import { FolioSession } from '../../src-main/core/session';
import { anchoredAnnotations } from '../../src-main/core/article-annotations';
import { runPdfJob } from '../../src-main/core/export/pdf-job';

const ARTICLES = 200;
const PARAGRAPH = 'Sáng nay, hợp tác xã trong xã họp bàn việc sửa lại con kênh dẫn nước ra đồng. Bà con góp ý rất thẳng thắn, ai cũng muốn mùa sau lúa tốt hơn mùa trước.';

function post(port: number, token: string, method: string, body: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { 'X-Folio-Token': token, 'Content-Type': 'application/json' }, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Probes getAppInfo back to back until `work` settles; returns the latencies in ms. */
async function probeDuring(port: number, token: string, work: Promise<unknown>): Promise<number[]> {
  let done = false;
  void work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await post(port, token, 'getAppInfo', {});
    latencies.push(performance.now() - t0);
  }
  await work;
  return latencies;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-export-'));
const root = path.join(tmp, 'library');
await mkdir(root);
await Promise.all(Array.from({ length: ARTICLES }, (_, i) => writeFile(path.join(root, `bai-${i}.md`), `# Bài số ${i}\n\n${Array.from({ length: 12 }, (_, p) => `${PARAGRAPH} (${p + 1})`).join('\n\n')}\n`)));
await mkdir(path.join(tmp, 'renderer'));
await writeFile(path.join(tmp, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
const session = await FolioSession.open({ libraryRoot: root, dataDir: path.join(tmp, 'data'), watch: false, search: false });
const handlers = createHandlers(() => session, { transport: 'web', version: 'bench' });
const bridge = await startBridge({ handlers, subscribe: (l) => forwardEvents(session.events, l), rendererDir: path.join(tmp, 'renderer') });
const articles = session.library.articles();
const ids = articles.map((a) => a.id);

const summarise = (xs: number[]) => ({ probes: xs.length, maxMs: Math.round(Math.max(...xs)), p50Ms: Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0) });

// Warm-up (module loading, fonts) so neither side pays it.
await post(bridge.port, bridge.token, 'exportPdf', { ids: ids.slice(0, 2), lang: 'vi', paper: 'a4' });

const items = await Promise.all(articles.map(async (article) => ({ article, annotations: await anchoredAnnotations(session.annotations, article) })));
const t0 = performance.now();
const baseline = summarise(await probeDuring(bridge.port, bridge.token, runPdfJob(items, { lang: 'vi', layout: 'side-by-side', paper: 'a4', labels: 'vi' })));
const baselineMs = performance.now() - t0;
const t1 = performance.now();
const folio = summarise(await probeDuring(bridge.port, bridge.token, post(bridge.port, bridge.token, 'exportPdf', { ids, lang: 'vi', paper: 'a4' })));
const folioMs = performance.now() - t1;

// The same export with nobody probing: what the worker costs on its own.
const t2 = performance.now();
await post(bridge.port, bridge.token, 'exportPdf', { ids, lang: 'vi', paper: 'a4' });
const folioAloneMs = performance.now() - t2;
const t3 = performance.now();
await runPdfJob(items, { lang: 'vi', layout: 'side-by-side', paper: 'a4', labels: 'vi' });
const baselineAloneMs = performance.now() - t3;

const result = {
  articles: ARTICLES,
  baseline: { ...baseline, exportMs: Math.round(baselineMs) },
  folio: { ...folio, exportMs: Math.round(folioMs) },
  alone: { baselineExportMs: Math.round(baselineAloneMs), folioExportMs: Math.round(folioAloneMs) },
  maxStallRatio: Number((folio.maxMs / baseline.maxMs).toFixed(3)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.resolve('bench-results'), { recursive: true });
writeFileSync(path.resolve('bench-results', 'export-stall.json'), `${JSON.stringify(result, null, 2)}\n`);
await bridge.close();
await session.close();
await rm(tmp, { recursive: true, force: true });
