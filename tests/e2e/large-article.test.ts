/**
 * A 20,000-word translation pair opens without a stall: the first rows paint in the frame after
 * the data arrives (progressive rendering), the rest follow, and the measured figure is written
 * to test-results/ (the benchmark `npm run bench` reports it against a full render).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO, browserSkipReason, launchBrowser, openApp, serveLibrary, type Served } from './harness';
import { writeLargePair } from './large-article';

const skip = browserSkipReason();

describe.skipIf(!!skip)('large article', () => {
  let dir: string;
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-large-'));
    await writeLargePair(dir);
    served = await serveLibrary(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('paints the first rows progressively, then renders every paragraph', async () => {
    const { page } = await openApp(browser, served);
    await page.locator('.article-item').first().click();
    await page.waitForSelector('.article-grid [data-paragraph]');
    const first = await page.evaluate(() => {
      const m = performance.getEntriesByName('folio:first-paint')[0];
      return { ms: m?.duration ?? null, rendered: document.querySelectorAll('.lang-root[data-lang="vi"] [data-paragraph]').length };
    });
    expect(first.ms).not.toBeNull();
    await page.waitForSelector('.article-grid[data-rendered="all"]', { timeout: 30_000 });
    const total = await page.locator('.lang-root[data-lang="vi"] [data-paragraph]').count();
    expect(total).toBeGreaterThanOrEqual(330);
    await mkdir(path.join(REPO, 'test-results'), { recursive: true });
    await writeFile(path.join(REPO, 'test-results/first-paint.json'), JSON.stringify({ words: 20_000, firstPaintMs: first.ms, paragraphs: total }, null, 2));
    console.log(`[e2e] 20,000-word pair: first paint ${first.ms?.toFixed(1)} ms after the data arrived; ${total} paragraphs per side`);
  });
});
