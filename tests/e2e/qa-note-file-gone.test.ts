/**
 * Found by the new-user QA: writing a note when the article's file was deleted (or synced away)
 * tore the note editor down mid-sentence. What was saved stayed, but everything typed after went
 * nowhere: the keystrokes fell through to the reader's shortcuts ("b" switched to side by side).
 * The editor now stays open on what is left of the article, says why, and keeps saving.
 */
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, browserSkipReason, openApp, SCREENSHOTS, useLibrary } from './harness';

const skip = browserSkipReason();
const CAKE = '---\ntitle: Bánh chưng ngày Tết\nlang: vi\ndate: 2020-01-20\n---\nGói bánh chưng là việc cả nhà cùng làm.\n\nBà tôi luộc bánh suốt mười hai tiếng bên bếp lửa.\n';
const SOUP = '---\ntitle: Phở bò Nam Định\nlang: vi\ndate: 2021-01-05\n---\nPhở Nam Định có nước dùng đậm.\n';

describe.skipIf(!!skip)('a note being written when its file is deleted', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'banh-chung.md'), CAKE);
    await writeFile(path.join(dir, 'pho.md'), SOUP);
  });

  it('keeps the editor open and saves what is typed after the file went', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1400, height: 900 });
    await page.locator('.article-item', { hasText: 'Bánh chưng ngày Tết' }).click();
    await page.locator('.reader-article h1', { hasText: 'Bánh chưng ngày Tết' }).waitFor();
    await page.locator('body').press('ArrowDown');
    await page.locator('body').press('n');
    const editor = page.locator('.annotations-pane textarea');
    await editor.waitFor();
    await page.keyboard.type('Hỏi bà cách gói');
    await unlink(path.join(lib.served.library, 'banh-chung.md'));
    await page.getByText('Tệp của bài viết này đã bị xoá hoặc đổi tên', { exact: false }).waitFor({ timeout: 20_000 });
    const mode = async () => (await apiCall<{ viewMode: string }>(page, 'getSettings', {})).viewMode;
    const before = await mode();
    await page.keyboard.type(' bánh vuông cho đều');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'qa-note-file-gone.png') });
    await page.keyboard.press('Escape');
    const notes = async () => (await apiCall<Array<{ note: string }>>(page, 'searchAnnotations', {})).map((a) => a.note);
    await expect.poll(notes, { timeout: 10_000 }).toEqual(['Hỏi bà cách gói bánh vuông cho đều']);
    // The typing never reached the reader's shortcuts ("v", "e", "b", "i" switch the view).
    expect(await mode()).toBe(before);
    expect(await page.locator('.annotations-pane').textContent()).toContain('Ghi chú đang viết vẫn được lưu');
  });
});
