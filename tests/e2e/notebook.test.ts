/**
 * The notebook in Chromium: every highlight and note of the library, filtered by colour, tag and
 * text typed without diacritics; a click opens the article at the highlight; a selection exports
 * as Markdown (the downloaded file is read back) and as PDF; a tag is renamed onto another (merge).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, SCREENSHOTS, apiCall, browserSkipReason, useApp, downloaded } from './harness';

const skip = browserSkipReason();
const LIBRARY = path.join(REPO, 'tests/fixtures/reader-library');

interface Summary {
  id: string;
  title: string;
}

async function idOf(page: Page, title: string): Promise<string> {
  return (await apiCall<Summary[]>(page, 'listArticles', {})).find((a) => a.title === title)!.id;
}

describe.skipIf(!!skip)('the notebook', () => {
  const app = useApp({ beforeAll, afterAll }, { library: LIBRARY, locale: 'vi-VN' });

  beforeAll(async () => {
    const { page } = app;
    const ben = await idOf(page, 'Bến sông buổi sáng');
    const gom = await idOf(page, 'Làng gốm bên kênh');
    const harbour = await idOf(page, 'The harbour ledger');
    await apiCall(page, 'createHighlight', { articleId: ben, lang: 'vi', start: 0, end: 42, color: 'green', tags: ['chợ'], note: 'Mở đầu rất đẹp' });
    await apiCall(page, 'createHighlight', { articleId: ben, lang: 'en', start: 0, end: 35, color: 'blue', tags: ['market'] });
    await apiCall(page, 'createHighlight', { articleId: gom, lang: 'vi', start: 0, end: 30, color: 'pink', tags: ['nghề', 'chợ'] });
    await apiCall(page, 'createNote', { articleId: harbour, lang: 'en', note: 'Ask the archive about 1890', tags: ['archives'] });
  });

  it('lists every highlight and note of the library, with tag counts', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sổ tay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.locator('.notebook-item').first().waitFor();
    expect(await dialog.locator('.notebook-item').count()).toBe(4);
    expect(await dialog.locator('.tag-button', { hasText: 'chợ' }).textContent()).toContain('2');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'notebook.png') });
  });

  it('filters by colour, by tag and by text typed without diacritics', async () => {
    const dialog = app.page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.getByLabel('Màu').selectOption('pink');
    expect(await dialog.locator('.notebook-item').count()).toBe(1);
    await dialog.getByLabel('Màu').selectOption('');
    await dialog.locator('.tag-button', { hasText: 'chợ' }).click();
    expect(await dialog.locator('.notebook-item').count()).toBe(2);
    await dialog.locator('.tag-button', { hasText: 'chợ' }).click();
    await dialog.getByRole('searchbox').fill('mo dau');
    expect(await dialog.locator('.notebook-item').count()).toBe(1);
    await dialog.getByRole('searchbox').fill('');
  });

  it('exports the selection as Markdown', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.getByRole('button', { name: 'Chọn tất cả đang hiện' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất Markdown' }).click()]);
    // Named in the interface language, like the Export dialog's files.
    expect(download.suggestedFilename()).toBe('Folio – sổ tay.md');
    const md = (await downloaded(download)).toString('utf8');
    expect(md).toMatch(/^# Sổ tay\n/);
    expect(md).toContain('## Bến sông buổi sáng');
    expect(md).toContain('Mở đầu rất đẹp');
    expect(md).toContain('## The harbour ledger');
    expect(md).toContain('Ask the archive about 1890');
    const [pdf] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất PDF' }).click()]);
    expect((await downloaded(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renames a tag onto another one (merge) and shows the new counts', async () => {
    const dialog = app.page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.getByRole('button', { name: 'Đổi tên thẻ “market”' }).click();
    const input = dialog.getByRole('textbox', { name: /Tên mới cho “market”/ });
    await input.fill('chợ');
    await input.press('Enter');
    await expect.poll(async () => dialog.locator('.tag-button', { hasText: 'chợ' }).textContent()).toContain('3');
    expect(await dialog.locator('.tag-button', { hasText: 'market' }).count()).toBe(0);
  });

  it('opens the article at a highlight when it is clicked', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Sổ tay' });
    await dialog.locator('.notebook-item.color-pink .notebook-open').click();
    await page.locator('.article-header h1', { hasText: 'Làng gốm bên kênh' }).waitFor();
    await page.locator('mark.hl.color-pink.focused').waitFor();
    expect(await page.locator('.annotation-card.focused').count()).toBe(1);
  });

  it('threw no page error', () => {
    expect(app.errors).toEqual([]);
  });
});
