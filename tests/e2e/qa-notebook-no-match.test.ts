/**
 * Found by the new-user QA: notebook filters that match nothing showed only "0 đoạn tô sáng và
 * ghi chú" above an empty area; there is now a message and a button that clears every filter.
 * At 1024 px a wrong "from" date's message sat between the two date fields and pushed "Đến ngày"
 * onto a line of its own; mistakes now go after the fields.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, browserSkipReason, openApp, SCREENSHOTS, useLibrary } from './harness';

const skip = browserSkipReason();
const MARKET = '---\ntitle: Chợ nổi Cái Răng\nlang: vi\ndate: 2015-02-11\n---\nChợ họp từ lúc trời chưa sáng trên sông.\n\nMỗi ghe treo thứ mình bán lên một cây sào.\n';

describe.skipIf(!!skip)('notebook filters that match nothing', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'cho-noi.md'), MARKET);
  });

  it('say so, offer to clear the filters, and keep both date fields on one line at 1024 px', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 700 });
    const [article] = await apiCall<Array<{ id: string }>>(page, 'listArticles', {});
    await apiCall(page, 'createHighlight', { articleId: article!.id, lang: 'vi', start: 0, end: 6, color: 'green', tags: ['chợ'], note: 'đi sớm' });
    await apiCall(page, 'createNote', { articleId: article!.id, lang: 'vi', note: 'Hỏi giá thuê ghe', tags: [] });
    await page.getByRole('button', { name: 'Sổ tay' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sổ tay' });
    const items = dialog.locator('.notebook-item');
    await expect.poll(() => items.count()).toBe(2);

    await dialog.locator('input[type="search"]').fill('không có chữ này');
    await dialog.getByLabel('Từ ngày').fill('32/13/2020');
    await dialog.getByLabel('Từ ngày').press('Enter');
    await expect.poll(() => items.count()).toBe(0);
    await dialog.getByText('Không có đoạn tô sáng hay ghi chú nào khớp với các bộ lọc đang chọn.').waitFor();
    await dialog.locator('.field-error').waitFor();
    const from = await dialog.getByLabel('Từ ngày').boundingBox();
    const to = await dialog.getByLabel('Đến ngày').boundingBox();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'qa-notebook-no-match-1024.png') });
    expect(Math.abs((from?.y ?? 0) - (to?.y ?? -100))).toBeLessThan(4);

    await dialog.getByRole('button', { name: 'Bỏ mọi bộ lọc' }).click();
    await expect.poll(() => items.count()).toBe(2);
    expect(await dialog.getByLabel('Từ ngày').inputValue()).toBe('');
    expect(await dialog.locator('input[type="search"]').inputValue()).toBe('');
  });
});
