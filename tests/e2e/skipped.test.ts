/**
 * A library of broken files: the empty-library state tells the user what to do, and the
 * "skipped files" list names each file with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOTS, browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();

describe.skipIf(!!skip)('skipped files', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'anh-chup.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]));
    await writeFile(path.join(dir, 'trong.md'), '');
  });

  it('shows the empty state and lists each skipped file with its reason', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN' });
    await page.waitForSelector('.empty-state');
    expect(await page.locator('.library-pane .empty-state').textContent()).toContain('chưa có bài viết');
    await page.getByRole('button', { name: /Bỏ qua 2 tệp/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Tệp bị bỏ qua' });
    await dialog.waitFor();
    const rows = await dialog.locator('li').allTextContents();
    expect(rows.find((r) => r.includes('anh-chup.txt'))).toContain('không phải tệp văn bản');
    expect(rows.find((r) => r.includes('trong.md'))).toContain('tệp rỗng');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'skipped-files.png') });
  });
});
