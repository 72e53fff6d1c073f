/**
 * Layout and keyboard: no horizontal overflow at 1024×700, nor with the reading font at 200%;
 * j/k move between articles, `/` focuses search, `?` opens the shortcut help; the reading
 * position is restored when an article is reopened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, browserSkipReason, launchBrowser, openApp, serveLibrary, type Served } from './harness';

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
  let served: Served;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    served = await serveLibrary();
    browser = await launchBrowser();
    ({ page } = await openApp(browser, served, { locale: 'en-US', width: 1024, height: 700 }));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('follows the browser language on first start (English here)', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Settings' }).waitFor();
  });

  it('fits 1024×700 with a pair side by side, and with the reading font at 200%', async () => {
    await page.locator('.article-item', { has: page.locator('.badge', { hasText: 'VI+EN' }) }).first().click();
    await page.getByRole('radio', { name: 'Side by side' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side');
    expect(await overflows(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-1024x700.png') });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel(/Font size/).fill('38');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.reader-article')!).fontSize)).toBe('38px');
    expect(await overflows(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-1024x700-font-200.png') });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel(/Font size/).fill('19');
    await page.keyboard.press('Escape');
  });

  it('moves between articles with j and k, focuses search with /, shows help with ?', async () => {
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    const before = await page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id')).not.toBe(before);
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id')).toBe(before);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('Escape');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('collapses and restores the side panes', async () => {
    await page.getByRole('button', { name: 'Show or hide the library' }).click();
    await expect.poll(() => page.locator('.library-pane').count()).toBe(0);
    await page.getByRole('button', { name: 'Show or hide the library' }).click();
    await expect.poll(() => page.locator('.library-pane').count()).toBe(1);
  });

  it('reopens an article where the reader left off', async () => {
    const id = await page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(1200);
    await page.reload();
    await page.waitForSelector(`.article-item[aria-selected="true"][data-article-id="${id}"]`);
    await page.waitForSelector('.article-grid [data-paragraph]');
    await expect.poll(() => page.locator('.reader-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  });
});
