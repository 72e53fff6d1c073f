/**
 * Found by the new-user QA: after an article's file was deleted, its highlights stayed in the
 * notebook (as they must: never drop a highlight) but under a raw internal id such as
 * "3252ac25a77e22f3", in the list and as the `##` heading of the exported Markdown. They are now
 * filed under a heading that says the file is no longer in the library, in the interface language.
 */
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiCall, browserSkipReason, downloaded, openApp, SCREENSHOTS, useLibrary } from './harness';
import { openWithPdfJs as openPdf } from '../core/export/pdf/pdf-tools';

const skip = browserSkipReason();

async function writeLibrary(dir: string): Promise<void> {
  await writeFile(path.join(dir, 'lam-viec.en.txt'), 'Remote work in Ho Chi Minh City\n\nCo-working spaces in District 1 filled up again this year.\n\nInternet speed is good, but the noise of motorbikes never stops.\n');
  await writeFile(path.join(dir, 'pho.vi.md'), '---\nlang: vi\ntitle: Phở bò Nam Định\ndate: 2021-01-05\n---\n\nPhở Nam Định có nước dùng đậm, bánh phở to bản.\n');
}

for (const locale of ['vi-VN', 'en-US'] as const) {
  const vi = locale === 'vi-VN';
  describe.skipIf(!!skip)(`notebook highlights of a deleted file (${vi ? 'vi' : 'en'})`, () => {
    const lib = useLibrary({ beforeAll, afterAll }, writeLibrary);
    let context: BrowserContext;
    let page: Page;
    let goneId = '';
    beforeAll(async () => {
      ({ context, page } = await openApp(lib.browser, lib.served, { locale }));
      let articles: Array<{ id: string; title: string }> = [];
      for (let tries = 0; tries < 300 && articles.length < 2; tries++) {
        articles = await apiCall<typeof articles>(page, 'listArticles', {});
        if (articles.length < 2) await new Promise((r) => setTimeout(r, 100));
      }
      const gone = articles.find((a) => a.title.startsWith('Remote work'))!;
      const kept = articles.find((a) => a.title === 'Phở bò Nam Định')!;
      goneId = gone.id;
      await apiCall(page, 'createHighlight', { articleId: gone.id, lang: 'en', start: 0, end: 20, color: 'yellow', tags: [], note: 'hỏi giá thuê chỗ ngồi' });
      await apiCall(page, 'createHighlight', { articleId: kept.id, lang: 'vi', start: 0, end: 12, color: 'green', tags: [], note: '' });
      await unlink(path.join(lib.served.library, 'lam-viec.en.txt'));
      for (let tries = 0; tries < 300 && articles.length > 1; tries++) {
        articles = await apiCall<typeof articles>(page, 'listArticles', {});
        if (articles.length > 1) await new Promise((r) => setTimeout(r, 100));
      }
      await page.reload();
      await page.locator('.article-item').first().waitFor();
    });
    afterAll(async () => context?.close());

    it('files them under "no longer in the library", never under the internal id, in the list and the Markdown', async () => {
      const label = vi ? 'Tệp đã bị xoá hoặc đổi tên' : 'File deleted or renamed';
      await page.getByRole('button', { name: vi ? 'Sổ tay' : 'Notebook' }).click();
      const dialog = page.getByRole('dialog', { name: vi ? 'Sổ tay' : 'Notebook' });
      await dialog.locator('.notebook-item').nth(1).waitFor();
      const headings = await dialog.locator('.notebook-article').allTextContents();
      expect(headings.join('|')).not.toContain(goneId);
      expect(headings.some((h) => h.includes(label))).toBe(true);
      expect(headings).toContain('Phở bò Nam Định');
      // The note is still there, with its quote.
      expect(await dialog.locator('.notebook-item', { hasText: 'hỏi giá thuê chỗ ngồi' }).count()).toBe(1);
      await dialog.getByRole('button', { name: vi ? 'Chọn tất cả đang hiện' : 'Select all shown' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: vi ? 'Xuất Markdown' : 'Export Markdown' }).click()]);
      const md = (await downloaded(download)).toString('utf8');
      expect(md).not.toContain(goneId);
      expect(md).toContain(`## ${label}`);
      expect(md).toContain('hỏi giá thuê chỗ ngồi');
    });

    it('exports the PDF of the articles still there, and says which were left out, instead of refusing it all', async () => {
      const dialog = page.getByRole('dialog', { name: vi ? 'Sổ tay' : 'Notebook' });
      expect(await dialog.locator('.notebook-item input[type="checkbox"]:checked').count()).toBe(2);
      // The notice shows as the export starts (and times out on its own): watched from the click.
      const notice = page.getByText(vi ? '1 bài không còn trong thư viện nên không có trong PDF' : '1 article is no longer in the library, so it is not in the PDF', { exact: false });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        notice.waitFor(),
        dialog.getByRole('button', { name: vi ? 'Xuất PDF' : 'Export PDF' }).click(),
      ]);
      const doc = await openPdf(new Uint8Array(await downloaded(download)));
      // The one article still there, with its highlight; the deleted file's is not in it.
      const highlights: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const annotations = (await (await doc.getPage(n)).getAnnotations()) as Array<{ subtype: string }>;
        highlights.push(...annotations.filter((a) => a.subtype === 'Highlight').map((a) => a.subtype));
      }
      expect(highlights).toHaveLength(1);
      expect(await dialog.locator('.error, [role="alert"]').allTextContents()).toEqual([]);
    });

    // QA: the notice was a toast that went after 6 s, possibly before a slow export had finished.
    it('keeps the "left out of the PDF" notice after the export, however long, until it is dismissed', async () => {
      const dialog = page.getByRole('dialog', { name: vi ? 'Sổ tay' : 'Notebook' });
      const notice = page.getByText(vi ? '1 bài không còn trong thư viện nên không có trong PDF' : '1 article is no longer in the library, so it is not in the PDF', { exact: false });
      await page.clock.install();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: vi ? 'Xuất PDF' : 'Export PDF' }).click()]);
      await downloaded(download);
      await dialog.getByRole('button', { name: vi ? 'Xuất PDF' : 'Export PDF' }).waitFor();
      // Well past any reading time a timed message would allow (fake clock: no real wait).
      await page.clock.fastForward(120_000);
      expect(await notice.count()).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-notebook-left-out-${vi ? 'vi' : 'en'}.png`) });
      await dialog.getByRole('button', { name: vi ? 'Đã hiểu' : 'Got it' }).click();
      await expect.poll(() => notice.count()).toBe(0);
    });
  });
}
