/**
 * Reader benchmark: time from an article's data arriving to its first paint, for a 20,000-word
 * translation pair in side-by-side mode, in Chromium over the web bridge. Baseline, same run:
 * the same reader rendering every row at once (`?render=full`). Writes bench-results/reader.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserSkipReason, launchBrowser, openApp, serveLibrary } from '../../tests/e2e/harness';
import { writeLargePair } from '../../tests/e2e/large-article';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`reader bench skipped: ${skip}`);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-reader-'));
  await writeLargePair(dir);
  const served = await serveLibrary(dir);
  const browser = await launchBrowser();
  const results: Record<string, number[]> = { progressive: [], full: [] };
  try {
    for (const mode of ['full', 'progressive'] as const) {
      for (let i = 0; i < RUNS; i++) {
        const { page, context } = await openApp(browser, { ...served, url: mode === 'full' ? `${served.url}&render=full` : served.url });
        await page.locator('.article-item').first().click();
        await page.waitForSelector('.article-grid [data-paragraph]');
        await page.waitForFunction(() => performance.getEntriesByName('folio:first-paint').length > 0);
        results[mode]!.push(await page.evaluate(() => performance.getEntriesByName('folio:first-paint')[0]!.duration));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await served.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const progressive = median(results.progressive!);
  const full = median(results.full!);
  const report = { words: 20_000, runs: RUNS, firstPaintMs: { folio: progressive, baselineFullRender: full, ratio: progressive / full }, samples: results };
  console.log('\nReader first paint (20,000-word pair, side by side, median of %d)', RUNS);
  console.log(`  Folio (progressive)   ${progressive.toFixed(1)} ms`);
  console.log(`  baseline (full render) ${full.toFixed(1)} ms`);
  console.log(`  ratio                 ${(progressive / full).toFixed(2)}×  (target: ≤ 100 ms absolute)`);
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/reader.json', JSON.stringify(report, null, 2));
}

await main();
