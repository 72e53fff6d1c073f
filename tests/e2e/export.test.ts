/**
 * Export from the UI over the web bridge: the annotated PDF arrives as a download whose
 * highlight is a real /Highlight annotation carrying the note; Markdown notes download too;
 * several selected articles export as one PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, browserSkipReason, downloaded, useApp } from './harness';
import { openWithPdfJs as openPdf } from '../core/export/pdf/pdf-tools';

const skip = browserSkipReason();

describe.skipIf(!!skip)('export from the UI', () => {
  const app = useApp({ beforeAll, afterAll }, { locale: 'vi-VN' });

  it('downloads an annotated PDF of the open article with a /Highlight carrying the note', async () => {
    const item = app.page.locator('.article-item', { has: app.page.locator('.badge', { hasText: 'VI+EN' }) }).first();
    const id = (await item.getAttribute('data-article-id'))!;
    await apiCall(app.page, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 20, color: 'yellow', note: 'Ghi chú trong PDF' });
    await item.click();
    await app.page.waitForSelector('mark.hl');
    await app.page.getByRole('button', { name: 'Xuất', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Xuất' });
    await dialog.getByLabel('PDF có chú thích').check();
    const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = new Uint8Array(await downloaded(download));
    const doc = await openPdf(bytes);
    const annotations = (await (await doc.getPage(1)).getAnnotations()) as Array<{ subtype: string; contentsObj?: { str: string } }>;
    const highlights = annotations.filter((a) => a.subtype === 'Highlight');
    expect(highlights).toHaveLength(1);
    // The note, then (the article is a translation pair) the aligned sentence of the other version.
    expect(highlights[0]!.contentsObj?.str).toMatch(/^Ghi chú trong PDF\nBản dịch \(en\):\n\S/);
  });

  it('downloads Markdown notes', async () => {
    await app.page.getByRole('button', { name: 'Xuất', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Xuất' });
    await dialog.getByLabel('Ghi chú Markdown').check();
    const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    const text = (await downloaded(download)).toString('utf8');
    expect(text).toContain('Ghi chú trong PDF');
  });

  it('exports a chosen selection of articles as one PDF with a bookmark each', async () => {
    await app.page.getByRole('button', { name: 'Xuất', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Xuất' });
    await dialog.getByLabel(/Các bài đã chọn/).check();
    const boxes = dialog.locator('.pick-list input[type="checkbox"]');
    const count = await boxes.count();
    for (let i = 0; i < count; i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
    await dialog.getByLabel('PDF có chú thích').check();
    const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    const doc = await openPdf(new Uint8Array(await downloaded(download)));
    const outline = await doc.getOutline();
    expect(outline?.length).toBe(count);
  });
});
