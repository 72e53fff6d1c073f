/**
 * Benchmark: exporting one short article as a PDF from the CLI (`folio export … --pdf`), the
 * whole process from start to exit, against `folio list` on the same library in the same run
 * (the baseline: Node start-up, CLI start-up and opening the library, no PDF). The difference
 * is what the PDF costs: loading pdf-lib and fontkit, reading the fonts, layout and writing.
 *
 * Needs the built CLI (`npm run build`). Run: node --import tsx bench/pdf/cli-one-article.ts
 * → prints timings, writes bench-results/pdf-cli.json. A temporary copy of the sample library
 * is used, so the repository is never written to.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = 7;
const cli = path.resolve('bin/folio.js');
const dir = mkdtempSync(path.join(tmpdir(), 'folio-bench-pdf-cli-'));
const lib = path.join(dir, 'lib');
const data = path.join(dir, 'data');
cpSync(path.resolve('resources/sample-library'), lib, { recursive: true });

const run = (args: string[]): number => {
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

try {
  const list = JSON.parse(execFileSync(process.execPath, [cli, 'list', lib, '--data', data, '--json'], { encoding: 'utf8' })) as Array<{ id: string; title: string }>;
  const article = list[0];
  if (!article) throw new Error('sample library is empty');
  const out = path.join(dir, 'one.pdf');
  const exportMs: number[] = [];
  const listMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    listMs.push(run(['list', lib, '--data', data]));
    exportMs.push(run(['export', lib, article.id, '--pdf', out, '--data', data]));
  }
  const result = {
    operation: 'pdf-export-cli-one-article',
    node: process.version,
    article: article.title,
    exportMs: Math.round(median(exportMs)),
    baseline: { description: '`folio list` on the same library (process start + library open)', ms: Math.round(median(listMs)) },
    pdfMs: Math.round(median(exportMs) - median(listMs)),
    target: 'export ≤ 1000 ms',
    runs: RUNS,
    date: new Date().toISOString(),
  };
  console.log(`CLI export of one article: ${result.exportMs} ms (median of ${RUNS}); folio list: ${result.baseline.ms} ms; PDF part ≈ ${result.pdfMs} ms`);
  const outDir = path.resolve('bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'pdf-cli.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
