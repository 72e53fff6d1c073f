/**
 * Layout and keyboard: no horizontal overflow at 1024×700, nor with the reading font at 200%;
 * j/k move between articles, `/` focuses search, `?` opens the shortcut help; the reading
 * position is restored when an article is reopened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiCall, browserSkipReason, SCREENSHOTS, useApp } from './harness';

const skip = browserSkipReason();

async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) bad.push(`document ${doc.scrollWidth}>${doc.clientWidth}`);
    for (const sel of ['.topbar', '.library-pane', '.reader-pane', '.annotations-pane']) {
      const el = document.querySelector<HTMLElement>(sel);
      if (el && el.getBoundingClientRect().right > window.innerWidth + 1) bad.push(`${sel} right edge ${el.getBoundingClientRect().right}`);
    }
    return bad;
  });
}

describe.skipIf(!!skip)('layout and keyboard', () => {
  const app = useApp({ beforeAll, afterAll }, { locale: 'en-US', width: 1024, height: 700 });

  it('follows the browser language on first start (English here)', async () => {
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
    await app.page.getByRole('button', { name: 'Settings' }).waitFor();
  });

  it('fits 1024×700 with a pair side by side, and with the reading font at 200%', async () => {
    await app.page.locator('.article-item', { has: app.page.locator('.badge', { hasText: 'VI+EN' }) }).first().click();
    await app.page.getByRole('radio', { name: 'Side by side' }).click();
    await app.page.waitForSelector('.article-grid.mode-side-by-side');
    expect(await overflows(app.page)).toEqual([]);
    await app.page.screenshot({ path: path.join(SCREENSHOTS, 'layout-1024x700.png') });
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByLabel(/Font size/).fill('38');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.evaluate(() => getComputedStyle(document.querySelector('.reader-article')!).fontSize)).toBe('38px');
    expect(await overflows(app.page)).toEqual([]);
    await app.page.screenshot({ path: path.join(SCREENSHOTS, 'layout-1024x700-font-200.png') });
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByLabel(/Font size/).fill('19');
    await app.page.keyboard.press('Escape');
  });

  it('moves between articles with j and k, focuses search with /, shows help with ?', async () => {
    await app.page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    const before = await app.page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await app.page.keyboard.press('j');
    await expect.poll(() => app.page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id')).not.toBe(before);
    await app.page.keyboard.press('k');
    await expect.poll(() => app.page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id')).toBe(before);
    await app.page.keyboard.press('/');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('?');
    await app.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await app.page.keyboard.press('Escape');
  });

  it('collapses and restores the side panes', async () => {
    await app.page.getByRole('button', { name: 'Show or hide the library' }).click();
    await expect.poll(() => app.page.locator('.library-pane').count()).toBe(0);
    await app.page.getByRole('button', { name: 'Show or hide the library' }).click();
    await expect.poll(() => app.page.locator('.library-pane').count()).toBe(1);
  });

  it('reopens an article where the reader left off', async () => {
    const id = await app.page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await app.page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // Wait until the position reached the server (a condition, not a guessed delay).
    await expect.poll(async () => (await apiCall<{ positions: Record<string, number> }>(app.page, 'getSettings', {})).positions[id ?? ''] ?? 0).toBeGreaterThan(0);
    await app.page.reload();
    await app.page.waitForSelector(`.article-item[aria-selected="true"][data-article-id="${id}"]`);
    await app.page.waitForSelector('.article-grid [data-paragraph]');
    await expect.poll(() => app.page.locator('.reader-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  });
});
