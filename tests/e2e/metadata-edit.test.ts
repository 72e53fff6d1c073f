/** Fixing metadata by hand in the reader: the edit dialog saves to .folio/, the list shows it, the file is untouched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOTS, browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const VI = 'Chợ quê sáng mùng một\n\nMỗi sáng mùng một, chợ quê họp sớm hơn thường lệ, người đi chợ mua hoa, mua trầu cau và những thức quà nhỏ để cúng đầu tháng.\n\nNhững gánh hàng rong từ các xóm xa cũng về đây, tiếng chào mời rộn ràng cả một góc đình làng.\n';
const EN = 'A village market on the first of the month\n\nOn the first morning of each lunar month the village market opens earlier than usual, and people buy flowers, betel and small treats for the offering.\n\nStreet vendors from distant hamlets come too, and their calls fill a whole corner of the communal house yard.\n';

describe.skipIf(!!skip)('metadata editing in the reader', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'cho.txt'), VI);
    await writeFile(path.join(dir, 'market.txt'), EN);
  });

  it('edits title and author, pairs with the translation, and keeps the file unchanged', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'en-US' });
    await page.getByText('Chợ quê sáng mùng một').first().click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Article details' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill('Phiên chợ đầu tháng');
    await dialog.getByLabel('Author').fill('Lê Hoa');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'metadata-dialog.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.article-header h1', { hasText: 'Phiên chợ đầu tháng' }).waitFor();
    expect(await page.locator('.article-byline').textContent()).toContain('Lê Hoa');
    await page.locator('.library-pane', { hasText: 'Phiên chợ đầu tháng' }).waitFor();

    await page.getByRole('button', { name: 'Edit details' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Pair with…').selectOption({ label: 'EN · A village market on the first of the month' });
    await dialog.getByRole('button', { name: 'Pair', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.library-pane', { hasText: 'VI+EN' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'metadata-edited.png') });

    expect(await readFile(path.join(lib.served.library, 'cho.txt'), 'utf8')).toBe(VI);
    const edits = JSON.parse(await readFile(path.join(lib.served.dataDir, 'metadata-edits.json'), 'utf8')) as { pairs: unknown[]; edits: Record<string, { title?: string }> };
    expect(edits.pairs).toHaveLength(1);
    expect(Object.values(edits.edits).map((e) => e.title)).toContain('Phiên chợ đầu tháng');
  });
});
