/**
 * The "edit details" date is typed in the interface language, not Chromium's locale: dd/mm/yyyy
 * and a 24-hour clock in Vietnamese, yyyy-mm-dd HH:mm in English. A wrong date is named beside
 * the field and never saved, what the user typed stays, and emptying the field clears the date.
 * Driven through the web bridge (`folio serve`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, apiCall, browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const require = createRequire(import.meta.url);
const VI = `---\ntitle: Phiên chợ nổi lúc rạng đông\ndate: "2023-04-22 06:30"\nlang: vi\n---\n\nGhe xuồng tụ về từ bốn giờ sáng, mỗi ghe treo món hàng mình bán lên cây bẹo cho khách nhìn thấy từ xa.\n\nKhi mặt trời lên cao, chợ tan dần và những chiếc ghe lại xuôi về các xóm dọc kênh.\n`;
const EN = `---\ntitle: The floating market at dawn\ndate: "2023-09-02 06:30"\nlang: en\n---\n\nBoats gather from four in the morning, each hanging what it sells from a tall pole so buyers can see it from afar.\n\nWhen the sun is high the market thins out and the boats head back along the canals.\n`;

/** The stable file id of the article's file (the key of its hand edits), asked through the bridge. */
async function fileIdOf(page: Page, file: string): Promise<string> {
  const list = await apiCall<Array<{ id: string; path: string }>>(page, 'listArticles', {});
  const summary = list.find((a) => a.path.endsWith(file));
  if (!summary) throw new Error(`${file} is not in the library`);
  const article = await apiCall<{ versions: Array<{ fileId: string }> }>(page, 'getArticle', { id: summary.id });
  return article.versions[0]!.fileId;
}

/** The date saved by hand for a file in metadata-edits.json (undefined: none saved). */
async function savedDate(dataDir: string, fileId: string): Promise<string | null | undefined> {
  const text = await readFile(path.join(dataDir, 'metadata-edits.json'), 'utf8').catch(() => '{"edits":{}}');
  return (JSON.parse(text) as { edits: Record<string, { date?: string | null }> }).edits[fileId]?.date;
}

async function openDetails(page: Page, title: string, labels: { edit: string; dialog: string }) {
  await page.getByText(title).first().click();
  await page.getByRole('button', { name: labels.edit }).click();
  const dialog = page.getByRole('dialog', { name: labels.dialog });
  await dialog.waitFor();
  return dialog;
}

/** Serious or critical WCAG 2 A/AA violations axe-core finds in the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null }> };
    const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<Result> } }).axe;
    const { violations } = await axe.run(document.querySelector('dialog')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

describe.skipIf(!!skip)('the date in "edit details" follows the interface language', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'cho-noi.md'), VI);
    await writeFile(path.join(dir, 'floating-market.md'), EN);
  });

  it('in Vietnamese: dd/mm/yyyy HH:mm, a wrong day named and not saved, a right one saved, emptied clears', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 768 });
    try {
      const id = await fileIdOf(page, 'cho-noi.md');
      const dialog = await openDetails(page, 'Phiên chợ nổi lúc rạng đông', { edit: 'Sửa thông tin', dialog: 'Thông tin bài viết' });
      const date = dialog.getByLabel('Ngày', { exact: true });
      expect(await date.getAttribute('type')).toBe('text');
      expect(await date.inputValue()).toBe('22/04/2023 06:30');
      expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy HH:mm');

      // Typed by keyboard, as a Vietnamese reader writes it: there is no 31 April.
      await date.fill('');
      await date.pressSequentially('31/04/2023 19:45');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      const alert = dialog.getByRole('alert');
      expect(await alert.textContent()).toBe('Không có ngày 31/04/2023 19:45: hãy xem lại ngày và tháng. Chưa lưu gì cho đến khi ngày đúng (để trống nếu bài không có ngày).');
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect(await date.inputValue()).toBe('31/04/2023 19:45');
      expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await dialog.isVisible()).toBe(true);
      expect(await savedDate(lib.served.dataDir, id)).toBeUndefined();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'metadata-date-vi-1024-error.png') });
      expect(await dialogViolations(page)).toEqual([]);

      // Fixed in place (the typed text was kept), then Enter saves.
      await date.fill('30/4/2023 19:45');
      expect(await dialog.getByRole('alert').count()).toBe(0);
      await date.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.article-byline time', { hasText: '30 thg 4, 2023, 19:45' }).waitFor();
      expect(await savedDate(lib.served.dataDir, id)).toBe('2023-04-30T19:45');

      // Emptied: the article has no date any more.
      const again = await openDetails(page, 'Phiên chợ nổi lúc rạng đông', { edit: 'Sửa thông tin', dialog: 'Thông tin bài viết' });
      const field = again.getByLabel('Ngày', { exact: true });
      expect(await field.inputValue()).toBe('30/04/2023 19:45');
      await field.fill('');
      await again.getByRole('button', { name: 'Lưu' }).click();
      await again.waitFor({ state: 'detached' });
      await page.locator('.article-header h1', { hasText: 'Phiên chợ nổi lúc rạng đông' }).waitFor();
      expect(await page.locator('.article-byline time').count()).toBe(0);
      expect(await savedDate(lib.served.dataDir, id)).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('in English: yyyy-mm-dd HH:mm on a 24-hour clock; a 12-hour time is refused, not guessed', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'en-US', width: 1024, height: 768 });
    try {
      const id = await fileIdOf(page, 'floating-market.md');
      const dialog = await openDetails(page, 'The floating market at dawn', { edit: 'Edit details', dialog: 'Article details' });
      const date = dialog.getByLabel('Date', { exact: true });
      expect(await date.inputValue()).toBe('2023-09-02 06:30');
      expect(await date.getAttribute('placeholder')).toBe('yyyy-mm-dd HH:mm');

      await date.fill('');
      await date.pressSequentially('2023-09-02 6:30 PM');
      await date.press('Enter');
      expect(await dialog.getByRole('alert').textContent()).toBe('Wrong date “2023-09-02 6:30 PM”: type it as yyyy-mm-dd HH:mm. Nothing is saved until the date is right (empty the field for no date).');
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.isVisible()).toBe(true);
      expect(await savedDate(lib.served.dataDir, id)).toBeUndefined();

      await date.fill('2023-09-02 18:30');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.article-byline time', { hasText: '2 Sept 2023, 18:30' }).waitFor();
      expect(await savedDate(lib.served.dataDir, id)).toBe('2023-09-02T18:30');
    } finally {
      await context.close();
    }
  });
});
