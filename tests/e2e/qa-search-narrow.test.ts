/**
 * Found by the new-user QA at 1024×700: with a pair side by side the library pane is hidden to
 * keep 40 characters per column line, and that pane is where search results are listed, so
 * typing in the search box (or pressing `/`) showed nothing at all. The results now show while a
 * query is typed, and the pane makes way again once the search is cleared.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiCall, browserSkipReason, openApp, SCREENSHOTS, useLibrary } from './harness';

const skip = browserSkipReason();

/** A translation pair (read side by side) and one other article the search should find. */
async function writeLibrary(dir: string): Promise<void> {
  const md = (lang: string, title: string, body: string) => `---\nlang: ${lang}\ntitle: ${title}\ndate: 2024-03-12\n---\n\n${body}\n`;
  await writeFile(path.join(dir, 'lang-gom.vi.md'), md('vi', 'Làng gốm bên sông', 'Mỗi sáng, lò nung ở đầu làng đỏ lửa từ rất sớm. Người thợ già kể rằng nghề gốm đã có ở đây hơn ba trăm năm.\n\nĐất sét được lấy từ bãi bồi ven sông, phơi khô rồi nhào kỹ.'));
  await writeFile(path.join(dir, 'lang-gom.en.md'), md('en', 'The pottery village by the river', 'Every morning, the kiln at the head of the village is lit very early. The old potter says the craft has existed here for more than three hundred years.\n\nClay is taken from the alluvial banks of the river, dried and then kneaded.'));
  await writeFile(path.join(dir, 'duong-pho.vi.md'), md('vi', 'Đường phố Hà Nội sau cơn mưa', 'Sau cơn mưa chiều, những con đường ở phố cổ trở nên mát mẻ.'));
}

for (const locale of ['vi-VN', 'en-US'] as const) {
  const vi = locale === 'vi-VN';
  describe.skipIf(!!skip)(`search in a 1024 px window reading a pair side by side (${vi ? 'vi' : 'en'})`, () => {
    const lib = useLibrary({ beforeAll, afterAll }, writeLibrary);
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await openApp(lib.browser, lib.served, { locale, width: 1024, height: 700 }));
      let articles: Array<{ id: string; title: string }> = [];
      for (let tries = 0; tries < 300 && articles.length < 2; tries++) {
        articles = await apiCall<typeof articles>(page, 'listArticles', {});
        if (articles.length < 2) await new Promise((r) => setTimeout(r, 100));
      }
      await page.locator('.article-item', { hasText: 'Làng gốm bên sông' }).click();
      await page.getByRole('radio', { name: vi ? 'Song song' : 'Side by side' }).click();
      await page.waitForSelector('.article-grid.mode-side-by-side');
    });
    afterAll(async () => context?.close());

    it('shows the results of a search typed after `/`, and hides the pane again when it is cleared', async () => {
      // The precondition: the narrow layout has hidden the library pane.
      await expect.poll(() => page.locator('.library-pane').count()).toBe(0);
      await page.locator('.reader-article').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      await page.keyboard.type('duong pho');
      const result = page.locator('.search-results', { hasText: 'Đường phố Hà Nội sau cơn mưa' });
      await result.waitFor({ timeout: 10_000 });
      expect(await result.isVisible()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-search-narrow-${vi ? 'vi' : 'en'}.png`) });
      // Escape clears the search: the columns get their room back.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.library-pane').count()).toBe(0);
      expect(await page.locator('.article-grid.mode-side-by-side').count()).toBe(1);
    });
  });
}
