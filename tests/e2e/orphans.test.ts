/**
 * Live edits: when the open article's file changes on disk, the reader reloads it; a highlight
 * whose text was deleted moves to the end of the panel, clearly marked, with its quote and note;
 * highlights of several colours overlap correctly. Screenshot for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOTS, apiCall, browserSkipReason, useApp } from './harness';

const skip = browserSkipReason();

describe.skipIf(!!skip)('highlights across file edits', () => {
  const app = useApp({ beforeAll, afterAll }, { locale: 'vi-VN' });

  it('orphans a highlight whose paragraph was deleted, keeps the others in place', async () => {
    const item = app.page.locator('.article-item', { hasText: 'Thư viện nhỏ' });
    const id = (await item.getAttribute('data-article-id'))!;
    const article = await apiCall<{ versions: Array<{ paragraphs: Array<{ text: string }> }> }>(app.page, 'getArticle', { id });
    const paras = article.versions[0]!.paragraphs.map((p) => p.text);
    const text = paras.join('\n\n');
    const last = paras[paras.length - 1]!;
    const first = paras[0]!;
    await apiCall(app.page, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 30, color: 'yellow', note: 'Mở đầu' });
    await apiCall(app.page, 'createHighlight', { articleId: id, lang: 'vi', start: 15, end: 60, color: 'blue' });
    const lastStart = text.lastIndexOf(last);
    await apiCall(app.page, 'createHighlight', { articleId: id, lang: 'vi', start: lastStart, end: lastStart + 40, color: 'pink', note: 'Đoạn sẽ bị xoá' });
    await item.click();
    await app.page.waitForSelector('mark.hl.overlap');
    expect(await app.page.locator('.annotation-card').count()).toBe(3);

    const file = path.join(app.served.library, 'thu-vien-lang.txt');
    const raw = await readFile(file, 'utf8');
    await writeFile(file, raw.replace(last, '').replace(first, `Một câu mới chèn vào đầu. ${first}`));
    await expect.poll(() => app.page.locator('.annotation-card.orphaned').count(), { timeout: 10_000 }).toBe(1);
    const orphan = app.page.locator('.annotation-card.orphaned');
    expect(await orphan.textContent()).toContain('Không còn tìm thấy');
    expect(await orphan.locator('q').textContent()).toBe(last.slice(0, 40));
    const cards = await app.page.locator('.annotation-card').evaluateAll((els) => els.map((e) => e.classList.contains('orphaned')));
    expect(cards).toEqual([false, false, true]);
    // The two highlights that survived moved with their text.
    expect(await app.page.locator('mark.hl.color-yellow, mark.hl.overlap').first().textContent()).toBeTruthy();
    await app.page.screenshot({ path: path.join(SCREENSHOTS, 'annotations-orphaned.png') });
  });
});
