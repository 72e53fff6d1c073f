/**
 * Cross-language highlights in Chromium: a highlight in one version of a translation pair shows
 * the aligned sentence of the other version in its card, marks it faintly in the other column,
 * and carries it into the notebook's Markdown export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO, SCREENSHOTS, apiCall, browserSkipReason, useApp, downloaded } from './harness';

const skip = browserSkipReason();
const LIBRARY = path.join(REPO, 'tests/fixtures/reader-library');

describe.skipIf(!!skip)('cross-language highlights', () => {
  const app = useApp({ beforeAll, afterAll }, { library: LIBRARY, locale: 'vi-VN' });
  let viText: string;

  beforeAll(async () => {
    const { page } = app;
    const list = await apiCall<Array<{ id: string; title: string }>>(page, 'listArticles', {});
    const id = list.find((a) => a.title === 'Bến sông buổi sáng')!.id;
    const article = await apiCall<{ versions: Array<{ lang: string; paragraphs: Array<{ text: string }> }> }>(page, 'getArticle', { id });
    viText = article.versions.find((v) => v.lang === 'vi')!.paragraphs.map((p) => p.text).join('\n\n');
    const quote = 'Nồi nước dùng của bà nấu từ nửa đêm.';
    const start = viText.indexOf(quote);
    await apiCall(page, 'createHighlight', { articleId: id, lang: 'vi', start, end: start + quote.length, color: 'green', note: 'giờ nấu' });
    await page.locator('.article-item', { hasText: 'Bến sông buổi sáng' }).click();
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side mark.hl.color-green');
  });

  it('marks the aligned English sentence faintly in the other column', async () => {
    const { page } = app;
    const echo = page.locator('.lang-root[data-lang="en"] mark.hl-echo');
    await echo.first().waitFor();
    expect((await echo.allTextContents()).join('')).toBe('She starts her broth at midnight.');
    // The Vietnamese highlight itself is a normal highlight, not an echo.
    expect(await page.locator('.lang-root[data-lang="vi"] mark.hl-echo').count()).toBe(0);
  });

  it('shows the aligned sentence in the highlight card', async () => {
    const { page } = app;
    const card = page.locator('.annotation-card', { hasText: 'Nồi nước dùng' });
    expect(await card.locator('.card-translation').textContent()).toContain('She starts her broth at midnight.');
    await card.locator('.card-quote').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cross-language-highlight.png') });
  });

  it('carries the aligned sentence into the notebook Markdown export', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sổ tay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.locator('.notebook-item').first().waitFor();
    await dialog.getByRole('button', { name: 'Chọn tất cả đang hiện' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất Markdown' }).click()]);
    const md = (await downloaded(download)).toString('utf8');
    expect(md).toContain('> Nồi nước dùng của bà nấu từ nửa đêm.\n>\n> *Bản dịch:* She starts her broth at midnight.');
    await page.keyboard.press('Escape');
  });

  it('threw no page error', () => {
    expect(app.errors).toEqual([]);
  });
});
