/**
 * Found by the new-user QA: "Edit details" opened a dialog set in the reader's typography (the
 * article's serif at the reading size, 19 px by default, larger with a bigger reading font),
 * because the dialog is rendered inside the article; every other dialog uses the interface font.
 * Measured from computed styles, compared with the Settings dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { browserSkipReason, useApp } from './harness';

const skip = browserSkipReason();

/** The font the browser draws an element in. */
function font(el: Locator): Promise<string> {
  return el.first().evaluate((node) => {
    const s = getComputedStyle(node);
    return `${s.fontFamily} ${s.fontSize}`;
  });
}

describe.skipIf(!!skip)('the details dialog uses the interface font', () => {
  const app = useApp({ beforeAll, afterAll });

  it('draws its labels, fields and buttons as the Settings dialog does, not in the reading font', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const settings = page.getByRole('dialog', { name: 'Cài đặt' });
    const uiLabel = await font(settings.locator('label'));
    await page.keyboard.press('Escape');
    await page.locator('.article-item').first().click();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const details = page.getByRole('dialog', { name: 'Thông tin bài viết' });
    expect(await font(details.locator('label'))).toBe(uiLabel);
    expect(await font(details.getByLabel('Tiêu đề'))).not.toMatch(/Folio Serif/);
    expect(await font(details.getByRole('button', { name: 'Lưu' }))).not.toMatch(/Folio Serif/);
  });
});
