/**
 * Keyboard-first reading in Chromium: ↑/↓ move a current paragraph, ←/→ select sentences (Shift
 * extends), `h`/`n`/`1`–`5` highlight what is selected or current, `t` crosses to the other
 * language, v/e/b/i switch the view, [ and ] hide the panes, `?` lists it all. At 1024 px side by
 * side keeps at least 40 characters per column line (panes hidden, and the reader says so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, SCREENSHOTS, apiCall, browserSkipReason, openApp, useApp } from './harness';

const skip = browserSkipReason();
const LIBRARY = path.join(REPO, 'tests/fixtures/reader-library');
const TITLE = 'Bến sông buổi sáng';

interface Ann {
  id: string;
  lang: string;
  color: string;
  note: string;
  target: { quote: { exact: string } } | null;
}

async function pairId(page: Page): Promise<string> {
  const list = await apiCall<Array<{ id: string; title: string }>>(page, 'listArticles', {});
  return list.find((a) => a.title === TITLE)!.id;
}

async function annotations(page: Page, id: string): Promise<Ann[]> {
  return apiCall<Ann[]>(page, 'listAnnotations', { articleId: id });
}

/** The characters on the first rendered line of a paragraph (line breaks found from glyph boxes). */
async function firstLineLength(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const p = document.querySelector(sel)!;
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    let top: number | null = null;
    for (let i = 0; i < node.data.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      if (top === null) top = r.top;
      else if (r.top > top + 2) return i;
    }
    return node.data.length;
  }, selector);
}

describe.skipIf(!!skip)('keyboard-first reading', () => {
  const app = useApp({ beforeAll, afterAll }, { library: LIBRARY, locale: 'vi-VN' });
  let id: string;
  let vi: string[];
  let en: string[];

  beforeAll(async () => {
    const { page } = app;
    await page.locator('.article-item', { hasText: TITLE }).click();
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side [data-paragraph]');
    id = await pairId(page);
    const article = await apiCall<{ versions: Array<{ lang: string; paragraphs: Array<{ text: string }> }> }>(page, 'getArticle', { id });
    vi = article.versions.find((v) => v.lang === 'vi')!.paragraphs.map((p) => p.text);
    en = article.versions.find((v) => v.lang === 'en')!.paragraphs.map((p) => p.text);
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
  });

  it('moves a current paragraph with ↓/↑ and highlights it with h when nothing is selected', async () => {
    const { page } = app;
    await page.keyboard.press('ArrowDown');
    await page.locator('.lang-root[data-lang="vi"] [data-paragraph="0"].kbd-current').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.locator('.lang-root[data-lang="vi"] [data-paragraph="1"].kbd-current').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'keyboard-current-paragraph.png') });
    await page.keyboard.press('h');
    await expect.poll(async () => (await annotations(page, id)).map((a) => a.target?.quote.exact)).toEqual([vi[1]]);
  });

  it('selects sentences with →, extends with Shift+→, highlights in colour 3, recolours with 5', async () => {
    const { page } = app;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const sentences = vi[2]!.split(/(?<=\.) /);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(sentences[0]);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(vi[2]);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('3');
    await expect.poll(async () => (await annotations(page, id)).find((a) => a.target?.quote.exact === vi[2])?.color).toBe('blue');
    // The new highlight's card is focused: 5 now recolours it.
    await page.locator('.annotation-card.focused.color-blue').waitFor();
    await page.keyboard.press('5');
    await expect.poll(async () => (await annotations(page, id)).find((a) => a.target?.quote.exact === vi[2])?.color).toBe('purple');
  });

  it('crosses to the aligned English paragraph with t, and n opens a note editor there', async () => {
    const { page } = app;
    await page.keyboard.press('t');
    await page.locator('.lang-root[data-lang="en"] [data-paragraph="2"].kbd-current').waitFor();
    await page.keyboard.press('n');
    const editor = page.locator('textarea.note-editor');
    await editor.waitFor();
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    const created = (await annotations(page, id)).find((a) => a.lang === 'en');
    expect(created?.target?.quote.exact).toBe(en[2]);
    await page.keyboard.press('Escape');
  });

  it('switches views with v, e, i, b and hides the panes with [ and ]', async () => {
    const { page } = app;
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('i');
    await page.waitForSelector('.article-grid.mode-interleaved');
    await page.keyboard.press('e');
    await expect.poll(() => page.locator('.article-grid .lang-root').getAttribute('data-lang')).toBe('en');
    await page.keyboard.press('v');
    await expect.poll(() => page.locator('.article-grid .lang-root').getAttribute('data-lang')).toBe('vi');
    await page.keyboard.press('b');
    await page.waitForSelector('.article-grid.mode-side-by-side');
    await page.keyboard.press('[');
    await expect.poll(() => page.locator('.library-pane').count()).toBe(0);
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('.annotations-pane').count()).toBe(0);
    await page.keyboard.press('[');
    await page.keyboard.press(']');
    await page.locator('.library-pane').waitFor();
    await page.locator('.annotations-pane').waitFor();
  });

  it('lists every key under ?', async () => {
    const { page } = app;
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Phím tắt' });
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    for (const k of ['↓ / ↑', '→ / ←', 'Shift → / Shift ←', 'h', 'n', '1 – 5', 'v / e', 'b / i', '[ / ]', 't']) expect(keys).toContain(k);
    await page.keyboard.press('Escape');
  });

  it('at 1024 px keeps at least 40 characters per line in each column by hiding the panes, and says so (Vietnamese UI)', async () => {
    const { context, page } = await openApp(app.browser, app.served, { locale: 'vi-VN', width: 1024, height: 700 });
    try {
      await page.locator('.article-header h1', { hasText: TITLE }).waitFor({ timeout: 5000 }).catch(() => page.locator('.article-item', { hasText: TITLE }).click());
      await page.waitForSelector('.article-grid.mode-side-by-side [data-paragraph]');
      await page.locator('.fit-notice', { hasText: 'Đã ẩn các ngăn bên' }).waitFor();
      // The annotations pane goes first; the library stays, narrowed, if that is enough.
      expect(await page.locator('.annotations-pane').count()).toBe(0);
      for (const lang of ['vi', 'en']) {
        expect(await firstLineLength(page, `.lang-root[data-lang="${lang}"] [data-paragraph="1"]`)).toBeGreaterThanOrEqual(40);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, 'side-by-side-1024-vi.png') });
      await page.getByRole('button', { name: 'Vẫn hiện các ngăn' }).click();
      await page.locator('.library-pane').waitFor();
      await page.locator('.annotations-pane').waitFor();
    } finally {
      await context.close();
    }
  });

  it('threw no page error', () => {
    expect(app.errors).toEqual([]);
  });
});
