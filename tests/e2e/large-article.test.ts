/**
 * A 20,000-word translation pair opens without a stall: the first rows paint in the frame after
 * the data arrives (progressive rendering), the rest follow, and the measured figure is written
 * to test-results/ (the benchmark `npm run bench` reports it against a full render).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO, browserSkipReason, openApp, useLibrary } from './harness';
import { writeLargePair } from './large-article';

const skip = browserSkipReason();

describe.skipIf(!!skip)('large article', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeLargePair(dir);
  });

  it('paints the first rows progressively, then renders every paragraph', async () => {
    const { page } = await openApp(lib.browser, lib.served);
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
