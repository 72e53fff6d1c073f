/**
 * Export from the UI over the web bridge: the annotated PDF arrives as a download whose
 * highlight is a real /Highlight annotation carrying the note; Markdown notes download too;
 * several selected articles export as one PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { SCREENSHOTS, apiCall, browserSkipReason, downloaded, useApp } from './harness';
import { openWithPdfJs as openPdf, pageContents, renderRgb, saveReviewRender, yellowGreenPixels } from '../core/export/pdf/pdf-tools';

/** A path-filling operator (PDF 32000-1 Table 60) standing alone in a content stream. */
const FILL = /(?:^|\s)(?:f\*?|F|B\*?|b\*?)(?=\s|$)/m;
/** Note numbers and bullets are outlines inside /Artifact marked content: not highlight paint. */
const withoutArtifacts = (content: string): string => content.replace(/\/Artifact BMC[\s\S]*?\bEMC\b/g, '');

/** Subtypes of the annotations on page 1, read back with pdf.js. */
async function annotationSubtypes(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  const list = (await (await doc.getPage(1)).getAnnotations()) as Array<{ subtype: string }>;
  await doc.destroy();
  return list.map((a) => a.subtype);
}

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

  it('flattens highlights when the keyboard ticks "flatten highlights": paint in the page, no /Highlight; the default has annotations only', async () => {
    const exportOnce = async (flatten: boolean): Promise<Uint8Array> => {
      await app.page.getByRole('button', { name: 'Xuất', exact: true }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Xuất' });
      await dialog.getByLabel('PDF có chú thích').check();
      const box = dialog.getByRole('checkbox', { name: 'Làm phẳng phần tô sáng (in thẳng vào trang)' });
      expect(await box.isChecked()).toBe(false);
      if (flatten) {
        // Keyboard: Tab from the paper size lands on the checkbox, Space ticks it.
        await dialog.getByLabel('Khổ giấy').focus();
        await app.page.keyboard.press('Tab');
        expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
        await app.page.keyboard.press('Space');
        expect(await box.isChecked()).toBe(true);
        await dialog.screenshot({ path: path.join(SCREENSHOTS, 'export-dialog-flatten.png') });
      }
      const [download] = await Promise.all([app.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
      return new Uint8Array(await downloaded(download));
    };
    const annotated = await exportOnce(false);
    const flattened = await exportOnce(true);

    expect(await annotationSubtypes(annotated)).toContain('Highlight');
    expect(withoutArtifacts((await pageContents(annotated))[0] ?? '')).not.toMatch(FILL);
    expect(yellowGreenPixels(renderRgb(annotated, 1, 50, true))).toBe(0);

    expect(await annotationSubtypes(flattened)).not.toContain('Highlight');
    expect(withoutArtifacts((await pageContents(flattened))[0] ?? '')).toMatch(FILL);
    // Printed without comments, the flattened highlight still shows.
    expect(yellowGreenPixels(renderRgb(flattened, 1, 50, true))).toBeGreaterThan(50);
    expect(saveReviewRender(flattened, 'export-dialog-flattened')).toHaveLength(1);
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
