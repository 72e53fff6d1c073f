/**
 * The scan progress bar appears above the list and makes it shorter: a selected row that was
 * fully in view at the bottom of the list stays fully in view (QA: it ended up half hidden).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const COUNT = 120;
/** Enough new files for the server to show its indexing on the progress bar for a while. */
const BURST = 600;
const WORDS = ['bến', 'đò', 'chiều', 'phiên', 'chợ', 'sớm', 'mùa', 'lúa', 'chín', 'dòng', 'sông', 'quê', 'người', 'lái', 'làng'];

/** An article dated so that a higher `i` is older (new files sort after every listed one). */
function article(i: number): string {
  const day = new Date(Date.UTC(2024, 0, 1) - i * 86_400_000).toISOString().slice(0, 10);
  const body = Array.from({ length: 120 }, (_, k) => WORDS[(i * 5 + k * 7) % WORDS.length]).join(' ');
  return `---\ntitle: Bài ${String(i).padStart(4, '0')} về ${WORDS[i % WORDS.length]}\nlang: vi\ndate: ${day}\n---\n${body}.\n\n${body.split(' ').reverse().join(' ')}.\n`;
}

describe.skipIf(!!skip)('the selected row when the progress bar appears', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    for (let i = 0; i < COUNT; i++) await writeFile(path.join(dir, `bai-${i}.md`), article(i));
  });

  it('stays fully in view at the bottom of the list', { timeout: 120_000 }, async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1280, height: 700 });
    await page.locator('.article-item').first().waitFor();
    // Select a row well down the list, then scroll so that its bottom edge is the list's bottom edge.
    await page.locator('.library-pane .pane-scroll').evaluate((scroller) => scroller.scrollTo(0, 1_500));
    const row = page.locator('.article-item[data-index="30"]');
    await row.click();
    await page.locator('.reader-article h1').waitFor();
    await page.locator('.library-pane .pane-scroll').evaluate((scroller) => {
      const selected = scroller.querySelector('[aria-selected="true"]');
      if (!selected) throw new Error('no selected row');
      scroller.scrollTop += selected.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom;
    });
    const fullyShown = () =>
      page.locator('.library-pane .pane-scroll').evaluate((scroller) => {
        const r = scroller.querySelector('[aria-selected="true"]')?.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        return !!r && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5;
      });
    expect(await fullyShown()).toBe(true);
    // The row is at the bottom edge indeed: one pixel less of list would cut it.
    expect(await page.locator('.library-pane .pane-scroll').evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(0);
    expect(await page.locator('.scan-progress').count()).toBe(0);

    const folder = path.join(lib.served.library, 'dot-moi');
    await mkdir(folder);
    await Promise.all(Array.from({ length: BURST }, (_, i) => writeFile(path.join(folder, `moi-${i}.md`), article(COUNT + i))));
    // While the bar shows, the selected row is whole (checked at every frame until it is).
    await page.waitForFunction(
      () => {
        const scroller = document.querySelector('.library-pane .pane-scroll');
        const bar = document.querySelector('.scan-progress');
        const r = scroller?.querySelector('[aria-selected="true"]')?.getBoundingClientRect();
        const s = scroller?.getBoundingClientRect();
        return !!bar && !!r && !!s && bar.getBoundingClientRect().height > 0 && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5;
      },
      undefined,
      { polling: 'raf', timeout: 90_000 },
    );
    await page.context().close();
  });
});
