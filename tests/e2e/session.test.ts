/**
 * The bridge's session in a real browser: after opening the printed URL the address bar and the
 * history entry hold no token, the cookie is HttpOnly, port-named and not the token, the page's
 * script cannot read it, and two `folio serve` in one browser keep working side by side (the
 * first tab still loads and calls the API after the second one landed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, browserSkipReason, launchBrowser, serveLibrary, type Served } from './harness';

const skip = browserSkipReason();
if (skip) console.warn(`[e2e] session suite skipped: ${skip}`);

describe.skipIf(!!skip)('bridge session in Chromium', () => {
  let browser: Browser;
  let first: Served;
  let second: Served;
  beforeAll(async () => {
    [first, second] = await Promise.all([serveLibrary(), serveLibrary()]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('drops the token from the address bar, keeps the cookie from scripts, and two servers coexist', async () => {
    const context = await browser.newContext();
    const tabA = await context.newPage();
    await tabA.goto(first.url);
    await tabA.waitForSelector('.article-list, .empty-state', { timeout: 30_000 });
    expect(tabA.url()).toBe(`${first.origin}/`);
    expect(await tabA.evaluate(() => ({ href: location.href, cookie: document.cookie }))).toEqual({ href: `${first.origin}/`, cookie: '' });
    // The tab's history: the blank page it opened on, then the clean URL; no entry with the token.
    expect(await tabA.evaluate(() => history.length)).toBe(2);
    await tabA.goBack();
    expect(tabA.url()).toBe('about:blank');
    await tabA.goForward();
    await tabA.waitForSelector('.article-list, .empty-state', { timeout: 30_000 });
    expect(tabA.url()).toBe(`${first.origin}/`);

    const tabB = await context.newPage();
    await tabB.goto(second.url);
    await tabB.waitForSelector('.article-list, .empty-state', { timeout: 30_000 });
    const cookies = await context.cookies();
    const portA = new URL(first.origin).port;
    const portB = new URL(second.origin).port;
    expect(cookies.map((c) => c.name).sort()).toEqual([`folio_session_${portA}`, `folio_session_${portB}`].sort());
    for (const c of cookies) {
      expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(c.value).not.toContain(first.token);
      expect(c.value).not.toContain(second.token);
    }

    // The first tab survives the second server's landing: reload, then a real API call.
    await tabA.reload();
    await tabA.waitForSelector('.article-list', { timeout: 30_000 });
    const listA = await apiCall<unknown[]>(tabA, 'listArticles', {});
    const listB = await apiCall<unknown[]>(tabB, 'listArticles', {});
    expect(listA.length).toBeGreaterThanOrEqual(3);
    expect(listB.length).toBe(listA.length);
    await context.close();
  }, 120_000);
});
