/**
 * A library of a few thousand articles: the list keeps only the rows in view in the DOM, keeps
 * listbox semantics (set size, positions), and the keyboard still reaches the last article; a
 * burst of 2,000 new files reaches the list in batches with the progress shown, the page painting
 * and the search box taking keys throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SCREENSHOTS, browserSkipReason, useApp } from './harness';

const skip = browserSkipReason();
const COUNT = 3_000;
const BURST = 2_000;
const library = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-large-lib-'));
const SYLLABLES = ['dân', 'vận', 'khéo', 'nông', 'thôn', 'mới', 'đường', 'làng', 'ngõ', 'xóm', 'mùa', 'lúa', 'chín', 'nước', 'sông', 'chợ', 'phiên', 'sớm'];

/** A short article whose title sorts by its number, dated so that article 0 is the newest. */
function article(i: number): string {
  const words = Array.from({ length: 40 }, (_, k) => SYLLABLES[(i * 7 + k * 3) % SYLLABLES.length]).join(' ');
  const day = new Date(Date.UTC(2024, 0, 1) - i * 3_600_000);
  const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()} ${String(day.getUTCHours()).padStart(2, '0')}:00`;
  return `Bài số ${String(i).padStart(4, '0')} về ${SYLLABLES[i % SYLLABLES.length]}\n\n${date}\n\nĐoạn mở đầu của bài số ${i}: ${words}.\n\nĐoạn thứ hai nói thêm về ${words.split(' ').reverse().join(' ')}.\n`;
}

describe.skipIf(!!skip)(`a library of ${COUNT} articles`, () => {
  beforeAll(() => {
    for (let i = 0; i < COUNT; i++) writeFileSync(path.join(library, `bai-${String(i).padStart(4, '0')}.txt`), article(i));
  });
  afterAll(() => rmSync(library, { recursive: true, force: true }));
  const app = useApp({ beforeAll, afterAll }, { library, locale: 'vi-VN', width: 1024, height: 700 });

  it('keeps only the visible rows in the DOM, with the whole set size announced', async () => {
    const page = app.page;
    await expect.poll(() => page.locator('.pane-footer').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^${COUNT} `));
    const rows = await page.locator('.article-list [role="option"]').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(100);
    const first = page.locator('.article-list [role="option"]').first();
    expect(await first.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await first.getAttribute('aria-posinset')).toBe('1');
  });

  it('reaches the last article by keyboard, and opens it', async () => {
    const page = app.page;
    await page.locator('.article-list [role="option"]').first().focus();
    await page.keyboard.press('End');
    const focused = page.locator('.article-list [role="option"]:focus');
    await expect.poll(() => focused.getAttribute('aria-posinset')).toBe(String(COUNT));
    expect(await focused.textContent()).toContain('Bài số 2999');
    await page.keyboard.press('PageUp');
    await expect.poll(async () => Number(await focused.getAttribute('aria-posinset'))).toBeLessThan(COUNT);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader h1, .article-header h1').first().textContent()).toContain('Bài số 2999');
    expect(await page.locator('.article-list [role="option"]').count()).toBeLessThan(100);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'library-3000-end.png') });
  });

  it('scrolling from end to end never grows the DOM', async () => {
    const page = app.page;
    let most = 0;
    for (const top of [0, 40_000, 90_000, 150_000, 0]) {
      await page.locator('.library-pane .pane-scroll').evaluate((el, y) => el.scrollTo(0, y), top);
      await page.waitForTimeout(50);
      most = Math.max(most, await page.locator('.article-list [role="option"]').count());
    }
    expect(most).toBeLessThan(100);
  });

  it('takes a burst of 2,000 new files in batches: progress shown, the page painting, keys taken', async () => {
    const page = app.page;
    // In the page: every animation frame counted (with the longest gap between two, an
    // event-loop-delay figure), whether the progress bar appeared and the largest total it showed.
    await page.evaluate(() => {
      const w = window as unknown as { burst: { frames: number; longestGap: number; progressTotal: number } };
      w.burst = { frames: 0, longestGap: 0, progressTotal: 0 };
      let last = performance.now();
      const tick = (now: number) => {
        w.burst.frames++;
        w.burst.longestGap = Math.max(w.burst.longestGap, now - last);
        last = now;
        const bar = document.querySelector('.scan-progress progress');
        if (bar) w.burst.progressTotal = Math.max(w.burst.progressTotal, Number(bar.getAttribute('max')));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Whole-list loads: each comes in pages, the first of which asks from offset 0.
    let listLoads = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/listArticles') && (JSON.parse(r.postData() ?? '{}') as { offset?: number }).offset === 0) listLoads++;
    });
    const folder = path.join(app.served.library, 'dot-moi');
    mkdirSync(folder);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < BURST; i++) writes.push(writeFile(path.join(folder, `moi-${String(i).padStart(4, '0')}.txt`), article(COUNT + i)));
    await Promise.all(writes);
    // Typing while the burst is read and indexed: every key lands in the box.
    const box = page.locator('input[type="search"]');
    await box.click();
    await box.pressSequentially('làng', { delay: 30 });
    expect(await box.inputValue()).toBe('làng');
    await box.fill('');
    await expect.poll(() => page.locator('.pane-footer').textContent(), { timeout: 120_000 }).toMatch(new RegExp(`^${COUNT + BURST} `));
    const burst = await page.evaluate(() => (window as unknown as { burst: { frames: number; longestGap: number; progressTotal: number } }).burst);
    // The progress bar showed the burst's work (its reading or its indexing, 2,000 files).
    expect(burst.progressTotal).toBeGreaterThanOrEqual(BURST);
    // The page kept painting: no stretch without a frame close to a freeze (generous bound).
    expect(burst.frames).toBeGreaterThan(10);
    expect(burst.longestGap).toBeLessThan(2_000);
    // Few whole-list loads for thousands of changed files (the events are coalesced).
    expect(listLoads).toBeGreaterThanOrEqual(1);
    expect(listLoads).toBeLessThanOrEqual(20);
    expect(await page.locator('.article-list [role="option"]').count()).toBeLessThan(100);
    expect(await page.locator('.article-list [role="option"]').first().getAttribute('aria-setsize')).toBe(String(COUNT + BURST));
  });
});
