/**
 * Benchmark: the cost of the pure algorithms and of hostile input shapes, which the test suite
 * checks for correctness only (tests never assert speed). Each figure is the median of 3 runs,
 * next to the budget the feature was designed for; nothing fails on a slow machine, the figures
 * are for reading.
 *
 * Run: node --import tsx bench/cost/run.ts   → prints timings, writes bench-results/cost.json.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alignParagraphs } from '../../src-main/shared/align/align';
import { parseHtml } from '../../src-main/core/library/parse/html';
import { readParsedFile } from '../../src-main/core/library/read-file';
import { mulberry32 } from '../../tests/support/prng';

const RUNS = 3;

async function median(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-cost-'));
const rows: Array<{ what: string; ms: number; budgetMs: number }> = [];
async function measure(what: string, budgetMs: number, fn: () => unknown): Promise<void> {
  const ms = await median(fn);
  rows.push({ what, ms: Math.round(ms * 10) / 10, budgetMs });
  console.log(`${what.padEnd(64)} ${ms.toFixed(1).padStart(9)} ms   (budget ${budgetMs} ms)`);
}

try {
  const random = mulberry32(7);
  const left = Array.from({ length: 500 }, () => 'x'.repeat(Math.round(80 + random() * 500)));
  const right = left.map((t) => 'y'.repeat(Math.round(t.length * (1.15 + (random() - 0.5) * 0.2))));
  alignParagraphs(left.slice(0, 50), right.slice(0, 50)); // warm up the JIT
  await measure('align 500 × 500 paragraphs (Gale–Church, banded)', 100, () => alignParagraphs(left, right));

  for (const n of [5_000, 20_000]) {
    await measure(`HTML: ${n} nested divs`, 5_000, () => parseHtml(`<p>Sentinel ${n}.</p>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`));
  }
  await measure('HTML: 20 000 unclosed <b>', 5_000, () => parseHtml('<b>'.repeat(20_000) + 'bold text'));
  await measure('HTML: 3 000 nested lists', 5_000, () => parseHtml('<ul><li>'.repeat(3_000) + 'list text'));
  const open = ['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'].map((t) => `<${t}>`.repeat(3)).join('');
  await measure('HTML: reopened formatting elements, 15 000 paragraphs', 10_000, () => parseHtml(open + '<p>word '.repeat(15_000)));
  const para = `<p>${'The ferry timetable changed again this spring. '.repeat(20)}</p>\n`;
  await measure('HTML: 1 MB article page', 8_000, () => parseHtml(`<html lang="en"><body><article><h1>Long page</h1>${para.repeat(Math.floor(1_000_000 / para.length))}</article></body></html>`));
  await measure('HTML: 100 000 unclosed paragraphs', 10_000, () => parseHtml('<p>line'.repeat(100_000)));
  await measure('HTML: 10 MB single line', 15_000, () => parseHtml(`<html><body><p>${'chữ '.repeat(2_500_000)}</p></body></html>`));

  const huge = path.join(tmp, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 200 * 1024 * 1024);
  await measure('skip a 200 MB file by size', 500, () => readParsedFile(huge, 'huge.txt'));
  const million = path.join(tmp, 'million.txt');
  writeFileSync(million, 'A short line.\n'.repeat(1_000_000));
  await measure('skip a million-line file by line count', 5_000, () => readParsedFile(million, 'million.txt'));
  const lines = path.join(tmp, 'lines.md');
  writeFileSync(lines, 'Một đoạn văn ngắn.\n\n'.repeat(50_000));
  await measure('parse 50 000 Markdown paragraphs', 10_000, () => readParsedFile(lines, 'lines.md', { maxLines: 200_000 }));

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/cost.json', JSON.stringify({ runs: RUNS, rows }, null, 2));
  const over = rows.filter((r) => r.ms > r.budgetMs);
  console.log(over.length ? `over budget: ${over.map((r) => r.what).join('; ')}` : 'every figure within its budget');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
