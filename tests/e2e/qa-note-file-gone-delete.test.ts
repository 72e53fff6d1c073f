/**
 * Found by the new-user QA: a note left open after its article's file was deleted could be
 * deleted ("Xoá"), but its card stayed until another article was opened (the refresh after the
 * delete only looked at the open article, and there was none). The card must go at once, and the
 * toast's Undo must bring it back.
 */
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const TEA = '---\ntitle: Trà sen Hồ Tây\nlang: vi\ndate: 2019-07-02\n---\nTrà ướp sen phải làm vào sáng sớm.\n\nMỗi bông sen chỉ ướp được một nắm trà.\n';
const RICE = '---\ntitle: Cốm làng Vòng\nlang: vi\ndate: 2018-09-10\n---\nCốm ngon nhất vào mùa thu.\n';

describe.skipIf(!!skip)('deleting a note whose file is gone', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'tra-sen.md'), TEA);
    await writeFile(path.join(dir, 'com.md'), RICE);
  });

  it('removes its card at once, and Undo brings it back', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1400, height: 900 });
    await page.locator('.article-item', { hasText: 'Trà sen Hồ Tây' }).click();
    await page.locator('.reader-article h1', { hasText: 'Trà sen Hồ Tây' }).waitFor();
    await page.locator('body').press('ArrowDown');
    await page.locator('body').press('n');
    await page.locator('.annotations-pane textarea').waitFor();
    await page.keyboard.type('Hỏi cách ướp trà');
    const notes = async () => (await apiCall<Array<{ note: string }>>(page, 'searchAnnotations', {})).map((a) => a.note);
    await expect.poll(notes, { timeout: 10_000 }).toEqual(['Hỏi cách ướp trà']);
    await unlink(path.join(lib.served.library, 'tra-sen.md'));
    await page.getByText('Tệp của bài viết này đã bị xoá hoặc đổi tên', { exact: false }).waitFor({ timeout: 20_000 });
    const cards = page.locator('.annotations-pane .annotation-card');
    await expect.poll(() => cards.count()).toBe(1);

    await cards.getByRole('button', { name: 'Xoá', exact: true }).click();
    await expect.poll(notes, { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(0);

    await page.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(notes, { timeout: 10_000 }).toEqual(['Hỏi cách ướp trà']);
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    expect(await cards.first().textContent()).toContain('Hỏi cách ướp trà');
  });
});
