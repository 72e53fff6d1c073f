/**
 * Ctrl/Cmd+Z reverts the library's last change even when it was in another article: the toast
 * says which article (with a way there) and says so when there is nothing left to undo; that
 * article's ✎ count in the list follows at once (QA: it stayed stale until the list reloaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiCall, browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const RIVER = '---\ntitle: Bến đò chiều\nlang: vi\ndate: 2025-02-01\n---\nChiều xuống, con đò cuối cùng rời bến, chở mấy bà đi chợ về.\n';
const MARKET = '---\ntitle: Phiên chợ sớm\nlang: vi\ndate: 2025-01-01\n---\nTrời chưa sáng, người làng đã gánh rau ra chợ phiên.\n';

describe.skipIf(!!skip)('undo of a change in another article', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    await writeFile(path.join(dir, 'ben-do.md'), RIVER);
    await writeFile(path.join(dir, 'cho-phien.md'), MARKET);
  });

  it('names the article it changed, opens it on request, and says when nothing is left', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'en-US' });
    const list = await apiCall<Array<{ id: string; title: string }>>(page, 'listArticles', {});
    const river = list.find((a) => a.title === 'Bến đò chiều')!.id;
    await apiCall(page, 'createHighlight', { articleId: river, lang: 'vi', start: 0, end: 10 });
    await page.locator('.article-item', { hasText: 'Phiên chợ sớm' }).click();
    await page.locator('.reader-article h1', { hasText: 'Phiên chợ sớm' }).waitFor();

    await page.locator('.article-item', { hasText: 'Bến đò chiều' }).locator('.count', { hasText: '✎ 1' }).waitFor();
    await page.locator('body').press('Control+z');
    const toast = page.locator('.toast');
    await toast.filter({ hasText: 'Undone in “Bến đò chiều”.' }).waitFor();
    await page.locator('.article-item', { hasText: 'Bến đò chiều' }).locator('.count').waitFor({ state: 'detached' });
    expect(await apiCall<unknown[]>(page, 'listAnnotations', { articleId: river })).toEqual([]);
    await page.locator('body').press('Control+Shift+Z');
    await toast.filter({ hasText: 'Redone in “Bến đò chiều”.' }).waitFor();
    // The list's ✎ count of the article changed elsewhere follows the undo and the redo.
    const riverCount = page.locator('.article-item', { hasText: 'Bến đò chiều' }).locator('.count');
    await riverCount.filter({ hasText: '✎ 1' }).waitFor();
    await toast.getByRole('button', { name: 'Open' }).click();
    await page.locator('.reader-article h1', { hasText: 'Bến đò chiều' }).waitFor();
    await page.locator('.annotation-card').first().waitFor();

    // In the article it changed, the change is on screen: no toast. Then nothing is left.
    await page.locator('body').press('Control+z');
    await page.locator('.annotation-card').first().waitFor({ state: 'detached' });
    expect(await toast.count()).toBe(0);
    await page.locator('body').press('Control+z');
    await toast.filter({ hasText: 'Nothing to undo.' }).waitFor();
    await page.context().close();
  });
});
