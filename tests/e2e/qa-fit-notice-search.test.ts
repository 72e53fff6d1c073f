/**
 * Found by the new-user QA: at 1024 px with a translation pair side by side, typing a search
 * shows the library pane (the results live there) while the reader still said "Đã ẩn các ngăn
 * bên…" (side panes hidden). The notice now names only the panes hidden at the moment.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, openApp, SCREENSHOTS, useLibrary } from './harness';

const skip = browserSkipReason();
const VI = '---\ntitle: Mùa gặt ở đồng bằng\nlang: vi\n---\nĐầu tháng mười, cả làng ra đồng gặt lúa từ khi trời còn chưa sáng, mang theo cơm nắm và ấm nước chè xanh.\n\nLúa chín vàng trải dài tới tận chân đê, gió thổi qua nghe xào xạc như tiếng sóng.\n';
const EN = '---\ntitle: Harvest on the delta\nlang: en\n---\nEarly in the tenth month the whole village goes out to reap the rice before dawn, carrying rice balls and a pot of green tea.\n\nThe ripe rice stretches golden to the foot of the dyke, and the wind rustles through it like waves.\n';

describe.skipIf(!!skip)('the fit notice while searching at 1024 px', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'mua-gat.vi.md'), VI);
    await writeFile(path.join(dir, 'mua-gat.en.md'), EN);
  });

  it('says only what is hidden once the search shows the library', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 700 });
    await page.locator('.article-item', { hasText: 'Mùa gặt ở đồng bằng' }).click();
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side');
    await page.locator('.fit-notice').waitFor();
    await page.locator('input[type="search"]').fill('lúa');
    await page.locator('.library-pane').waitFor();
    const panes = { library: await page.locator('.library-pane').count(), annotations: await page.locator('.annotations-pane').count() };
    expect(panes).toEqual({ library: 1, annotations: 0 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'qa-fit-notice-search.png') });
    await expect.poll(() => page.locator('.fit-notice').textContent()).toContain('Đã ẩn ngăn ghi chú để mỗi cột giữ ít nhất 40 ký tự một dòng.');
    expect(await page.locator('.fit-notice').textContent()).not.toContain('các ngăn bên');
  });
});
