/**
 * The reader, end to end over the web bridge in Chromium: open a translation pair side by side,
 * highlight a selection, add a note, reload and find both, click the card to scroll to the
 * highlight, switch the UI language, search without diacritics and open the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, apiCall, browserSkipReason, launchBrowser, openApp, serveLibrary, type Served } from './harness';

const skip = browserSkipReason();
if (skip) console.warn(`[e2e] skipped: ${skip}`);

/** Strips Vietnamese diacritics the way a user typing without them would. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Selects characters [from, to) of the first text node of a paragraph in one language column. */
async function selectInParagraph(page: Page, lang: string, paragraph: number, from: number, to: number): Promise<string> {
  return page.evaluate(
    ({ lang, paragraph, from, to }) => {
      const p = document.querySelector(`.lang-root[data-lang="${lang}"] [data-paragraph="${paragraph}"]`);
      const walker = document.createTreeWalker(p as Node, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
      return range.toString();
    },
    { lang, paragraph, from, to },
  );
}

describe.skipIf(!!skip)('reader over the web bridge', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let external: string[];

  beforeAll(async () => {
    served = await serveLibrary();
    browser = await launchBrowser();
    ({ page, errors, external } = await openApp(browser, served, { locale: 'vi-VN' }));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('lists the sample library with language badges', async () => {
    const items = page.locator('.article-item');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.article-item .badge', { hasText: 'VI+EN' }).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getAttribute('input[type="search"]', 'placeholder')).toBeTruthy();
  });

  it('opens a translation pair side by side with aligned rows', async () => {
    await page.locator('.article-item', { has: page.locator('.badge', { hasText: 'VI+EN' }) }).first().click();
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side .lang-root[data-lang="en"] [data-paragraph]');
    const rows = await page.evaluate(() => {
      const first = (lang: string) => document.querySelector<HTMLElement>(`.lang-root[data-lang="${lang}"] .cell`);
      return { vi: first('vi')?.getBoundingClientRect().top, en: first('en')?.getBoundingClientRect().top };
    });
    expect(rows.vi).toBeDefined();
    expect(rows.vi).toBe(rows.en);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-side-by-side-light.png') });
  });

  it('highlights a selection from the popover and shows its card', async () => {
    const text = await selectInParagraph(page, 'vi', 1, 0, 24);
    await page.waitForSelector('.selection-popover');
    await page.locator('.selection-popover .swatch-button.color-green').click();
    await page.waitForSelector('mark.hl.color-green');
    const marked = await page.locator('mark.hl.color-green').allTextContents();
    expect(marked.join('')).toBe(text.trim());
    await expect.poll(() => page.locator('.annotation-card q').first().textContent()).toBe(text.trim());
  });

  it('adds a note that autosaves while the editor is still open', async () => {
    const id = await page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await page.locator('.annotation-card').first().getByRole('button', { name: 'Sửa ghi chú' }).click();
    await page.locator('.annotation-card textarea').fill('Ghi chú thử: **quan trọng**');
    // Saved without closing the editor: the server has the note before Done is pressed.
    await expect
      .poll(async () => (await apiCall<Array<{ note: string }>>(page, 'listAnnotations', { articleId: id })).map((a) => a.note))
      .toContain('Ghi chú thử: **quan trọng**');
    expect(await page.locator('.annotation-card textarea').count()).toBe(1);
    await page.locator('.annotation-card').first().getByRole('button', { name: 'Xong' }).click();
    await page.waitForSelector('.annotation-card .card-note strong');
  });

  it('keeps the highlight and the note after a reload', async () => {
    await page.reload();
    await page.waitForSelector('mark.hl.color-green', { timeout: 20_000 });
    expect(await page.locator('.annotation-card .card-note').first().textContent()).toContain('Ghi chú thử');
  });

  it('scrolls to the highlight when its card is clicked', async () => {
    await page.locator('.reader-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(100);
    await page.locator('.annotation-card .card-quote').first().click();
    await expect
      .poll(async () => {
        const [mark, scroller] = await Promise.all([page.locator('mark.hl').first().boundingBox(), page.locator('.reader-scroll').boundingBox()]);
        return !!mark && !!scroller && mark.y >= scroller.y && mark.y + mark.height <= scroller.y + scroller.height;
      })
      .toBe(true);
    expect(await page.locator('.annotation-card.focused').count()).toBe(1);
  });

  it('focuses the card when its highlight is clicked', async () => {
    await page.reload();
    await page.waitForSelector('mark.hl');
    expect(await page.locator('.annotation-card.focused').count()).toBe(0);
    await page.locator('mark.hl').first().click();
    await expect.poll(() => page.locator('.annotation-card.focused').count()).toBe(1);
    expect(await page.locator('mark.hl.focused').count()).toBeGreaterThan(0);
  });

  it('deletes a highlight and brings it back with Ctrl+Z', async () => {
    const before = await page.locator('.annotation-card').count();
    await page.locator('.annotation-card').first().getByRole('button', { name: 'Xoá' }).click();
    await expect.poll(() => page.locator('.annotation-card').count()).toBe(before - 1);
    await expect.poll(() => page.locator('mark.hl').count()).toBe(0);
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.annotation-card').count()).toBe(before);
    await page.waitForSelector('mark.hl');
  });

  it('switches the UI to English and back', async () => {
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByLabel('Ngôn ngữ giao diện').selectOption('en');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Settings' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-english-ui.png') });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('vi');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cài đặt' }).waitFor();
  });

  it('finds an article by a query typed without diacritics and opens it at the match', async () => {
    const paragraph = await page.locator('.lang-root[data-lang="vi"] [data-paragraph="2"]').textContent();
    const words = (paragraph ?? '').split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w) && fold(w) !== w).slice(0, 2);
    expect(words.length).toBe(2);
    const query = fold(words.join(' ')).toLowerCase().replace(/[^\p{L}\s]/gu, '');
    await page.locator('input[type="search"]').fill(query);
    await page.waitForSelector('.search-hit');
    expect(await page.locator('.search-hit .snippet mark').count()).toBeGreaterThan(0);
    await page.locator('.search-hit .snippet').first().click();
    await page.waitForSelector('.reader-article mark.search-match');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-result-light.png') });
  });

  it('renders in the dark theme', async () => {
    await page.locator('input[type="search"]').fill('');
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByLabel('Tối', { exact: true }).check();
    await page.keyboard.press('Escape');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-side-by-side-dark.png') });
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByLabel('Sáng', { exact: true }).check();
    await page.keyboard.press('Escape');
  });

  it('made no request outside the app and threw no page error', () => {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
