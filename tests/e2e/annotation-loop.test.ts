/**
 * The annotation loop as a new user meets it (issue 11, bugs 1–7): article notes, the scoped Undo
 * toast, selections dragged across the side-by-side columns, `n` with the pane hidden, `j` with a
 * language filter, the open file renamed or deleted, and views that must not go stale.
 * Runs on our own small library (tests/fixtures/reader-library) served from a temp copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { REPO, apiCall, browserSkipReason, useApp } from './harness';

const skip = browserSkipReason();
const LIBRARY = path.join(REPO, 'tests/fixtures/reader-library');

interface Ann {
  id: string;
  kind: string;
  lang: string;
  note: string;
  tags: string[];
  target: { position: { start: number; end: number }; quote: { exact: string } } | null;
}
interface Summary {
  id: string;
  title: string;
}
interface ArticleDto {
  id: string;
  versions: Array<{ lang: string; paragraphs: Array<{ text: string }> }>;
}

/** Opens the article with this title from the library list. */
async function openByTitle(page: Page, title: string): Promise<void> {
  await page.locator('.article-item', { hasText: title }).first().click();
  await page.locator('.article-header h1', { hasText: title }).waitFor();
  await page.waitForSelector('.article-grid [data-paragraph]');
}

async function articleId(page: Page, title: string): Promise<string> {
  const list = await apiCall<Summary[]>(page, 'listArticles', {});
  const found = list.find((a) => a.title === title);
  if (!found) throw new Error(`no article ${title}`);
  return found.id;
}

/** Selects [from, to) of the first text node of a paragraph in one language column. */
async function selectInParagraph(page: Page, lang: string, paragraph: number, from: number, to: number): Promise<string> {
  return page.evaluate(
    ({ lang, paragraph, from, to }) => {
      const p = document.querySelector(`.lang-root[data-lang="${lang}"] [data-paragraph="${paragraph}"]`);
      const node = document.createTreeWalker(p as Node, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const sel = window.getSelection()!;
      sel.setBaseAndExtent(node, from, node, to);
      document.dispatchEvent(new Event('selectionchange'));
      return sel.toString();
    },
    { lang, paragraph, from, to },
  );
}

describe.skipIf(!!skip)('the annotation loop (issue 11)', () => {
  const app = useApp({ beforeAll, afterAll }, { library: LIBRARY, locale: 'vi-VN' });

  it('bug 1: "+ Add a note about this article" opens an editor and saves what is typed (keys do not act as shortcuts)', async () => {
    const { page } = app;
    await openByTitle(page, 'Bến sông buổi sáng');
    const id = await articleId(page, 'Bến sông buổi sáng');
    await page.getByRole('button', { name: /Thêm ghi chú cho bài viết này/ }).click();
    const editor = page.locator('.annotations-pane textarea');
    await editor.waitFor();
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Ghi chú về bến: jk nên đọc lại');
    await expect.poll(async () => (await apiCall<Ann[]>(page, 'listAnnotations', { articleId: id })).filter((a) => a.kind === 'note').map((a) => a.note)).toEqual([
      'Ghi chú về bến: jk nên đọc lại',
    ]);
    // `j`/`k` went into the note, not to the article list.
    expect(await page.locator('.article-header h1').textContent()).toBe('Bến sông buổi sáng');
    expect(await page.locator('.toast').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('.annotations-pane .card-note', { hasText: 'Ghi chú về bến' }).waitFor();
  });

  it('bug 2: the Undo toast undoes only its own delete and goes away once Ctrl+Z undid it', async () => {
    const { page } = app;
    const id = await articleId(page, 'Bến sông buổi sáng');
    const a = await apiCall<Ann>(page, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 20, color: 'green' });
    const b = await apiCall<Ann>(page, 'createHighlight', { articleId: id, lang: 'vi', start: 30, end: 45, color: 'blue' });
    await page.locator(`[data-annotation-id="${b.id}"]`).waitFor();
    await page.locator(`[data-annotation-id="${a.id}"] .card-tags input`).fill('lũ, sinh thái');
    const tagsOf = async (x: string) => (await apiCall<Ann[]>(page, 'listAnnotations', { articleId: id })).find((r) => r.id === x)?.tags;
    await expect.poll(() => tagsOf(a.id)).toEqual(['lũ', 'sinh thái']);
    await page.locator(`[data-annotation-id="${b.id}"]`).getByRole('button', { name: 'Xoá' }).click();
    await page.locator('.toast button', { hasText: 'Hoàn tác' }).waitFor();
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.locator(`[data-annotation-id="${b.id}"]`).waitFor();
    // The toast's action is done: it must not stay to undo something else.
    const undoButton = page.locator('.toast button', { hasText: 'Hoàn tác' });
    if (await undoButton.isVisible()) await undoButton.click();
    await page.waitForTimeout(300);
    expect(await tagsOf(a.id)).toEqual(['lũ', 'sinh thái']);
    expect(await undoButton.count()).toBe(0);
    await apiCall(page, 'deleteAnnotation', { id: a.id });
    await apiCall(page, 'deleteAnnotation', { id: b.id });
  });

  it('bug 3: a selection dragged from the Vietnamese column into the English one highlights only Vietnamese text up to that row', async () => {
    const { page } = app;
    await openByTitle(page, 'Bến sông buổi sáng');
    await page.getByRole('radio', { name: 'Song song' }).click();
    await page.waitForSelector('.article-grid.mode-side-by-side');
    const id = await articleId(page, 'Bến sông buổi sáng');
    const article = await apiCall<ArticleDto>(page, 'getArticle', { id });
    const vi = article.versions.find((v) => v.lang === 'vi')!.paragraphs.map((p) => p.text);
    await page.evaluate(() => {
      const text = (sel: string) => document.createTreeWalker(document.querySelector(sel) as Node, NodeFilter.SHOW_TEXT).nextNode() as Text;
      window.getSelection()!.setBaseAndExtent(text('.lang-root[data-lang="vi"] [data-paragraph="1"]'), 4, text('.lang-root[data-lang="en"] [data-paragraph="2"]'), 10);
      document.dispatchEvent(new Event('selectionchange'));
    });
    const before = (await apiCall<Ann[]>(page, 'listAnnotations', { articleId: id })).map((x) => x.id);
    await page.keyboard.press('h');
    await expect.poll(async () => (await apiCall<Ann[]>(page, 'listAnnotations', { articleId: id })).length).toBe(before.length + 1);
    const created = (await apiCall<Ann[]>(page, 'listAnnotations', { articleId: id })).find((x) => !before.includes(x.id))!;
    expect(created.lang).toBe('vi');
    const start = vi[0]!.length + 2 + 4;
    const end = vi[0]!.length + 2 + vi[1]!.length + 2 + vi[2]!.length;
    expect(created.target?.position).toMatchObject({ start, end });
    await apiCall(page, 'deleteAnnotation', { id: created.id });
  });

  it('bug 4: `n` with the annotations pane hidden opens a note editor that takes the keys typed next', async () => {
    const { page } = app;
    await openByTitle(page, 'Bến sông buổi sáng');
    await page.getByRole('button', { name: 'Ẩn hoặc hiện chú thích' }).click();
    await expect.poll(() => page.locator('.annotations-pane').count()).toBe(0);
    await selectInParagraph(page, 'vi', 0, 0, 15);
    await page.keyboard.press('n');
    const editor = page.locator('textarea.note-editor');
    await editor.waitFor();
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('jk ghi nhanh');
    expect(await editor.inputValue()).toBe('jk ghi nhanh');
    expect(await page.locator('.article-header h1').textContent()).toBe('Bến sông buổi sáng');
    await page.keyboard.press('Escape');
    // Closing the editor hides the pane again: the user's choice stands.
    await expect.poll(() => page.locator('.annotations-pane').count()).toBe(0);
    await page.getByRole('button', { name: 'Ẩn hoặc hiện chú thích' }).click();
    await page.locator('.annotations-pane').waitFor();
  });

  it('bug 5: `j` follows the list as filtered (EN filter skips a Vietnamese-only article)', async () => {
    const { page } = app;
    await page.getByLabel('Ngôn ngữ', { exact: true }).selectOption('en');
    await openByTitle(page, 'Bến sông buổi sáng');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.locator('.article-header h1', { hasText: 'The harbour ledger' }).waitFor();
  });

  it('bug 7: the footer counts the filtered list; "Recently read" re-sorts without a reload', async () => {
    const { page } = app;
    // EN filter still on: 2 of the 3 articles are listed.
    expect(await page.locator('.library-pane .article-item').count()).toBe(2);
    expect(await page.locator('.pane-footer').textContent()).toContain('2 / 3');
    await page.getByLabel('Ngôn ngữ', { exact: true }).selectOption('');
    expect(await page.locator('.pane-footer').textContent()).toContain('3 bài viết');
    await page.getByLabel('Sắp xếp').selectOption('recent');
    await openByTitle(page, 'Làng gốm bên kênh');
    await expect.poll(() => page.locator('.article-item .article-title').first().textContent()).toBe('Làng gốm bên kênh');
    await page.getByLabel('Sắp xếp').selectOption('date');
  });

  it('bug 7: skipped files appear and disappear with the files, without a reload', async () => {
    const { page } = app;
    const empty = path.join(app.served.library, 'trong.md');
    await writeFile(empty, '');
    await page.locator('.pane-footer button', { hasText: 'Bỏ qua 1 tệp' }).waitFor({ timeout: 15_000 });
    await rm(empty);
    await expect.poll(() => page.locator('.pane-footer button').count(), { timeout: 15_000 }).toBe(0);
  });

  it('bug 7: the hover shading of a translation does not stick after a dialog closes; Copy says it copied', async () => {
    const { page } = app;
    await openByTitle(page, 'Bến sông buổi sáng');
    await page.locator('.lang-root[data-lang="vi"] [data-paragraph="1"]').hover();
    await expect.poll(() => page.locator('.cell.counterpart').count()).toBe(1);
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.keyboard.press('Escape');
    expect(await page.locator('.cell.counterpart').count()).toBe(0);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await selectInParagraph(page, 'vi', 2, 0, 12);
    await page.locator('.selection-popover').getByRole('button', { name: 'Sao chép' }).click();
    await page.locator('.toast', { hasText: 'Đã sao chép' }).waitFor();
  });

  it('bugs 6 and 8: the open file renamed then deleted shows a Vietnamese message, and the article comes back under its new name', async () => {
    const { page } = app;
    await openByTitle(page, 'Làng gốm bên kênh');
    const lib = app.served.library;
    await rename(path.join(lib, 'lang-gom.vi.txt'), path.join(lib, 'lang-gom-ben-kenh.vi.txt'));
    await page.locator('.article-file', { hasText: 'lang-gom-ben-kenh.vi.txt' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.reader-pane').textContent()).not.toContain('No article');

    await rename(path.join(lib, 'lang-gom-ben-kenh.vi.txt'), path.join(app.served.library, '..', 'lang-gom.vi.txt'));
    await page.locator('.reader-pane .empty-state', { hasText: 'Tệp của bài viết này đã bị xoá hoặc đổi tên' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.reader-pane').textContent()).not.toMatch(/No article|internal/);
    await rename(path.join(app.served.library, '..', 'lang-gom.vi.txt'), path.join(lib, 'gom-moi.vi.txt'));
    await page.locator('.article-file', { hasText: 'gom-moi.vi.txt' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.reader-pane .empty-state').count()).toBe(0);
  });

  it('threw no page error', () => {
    expect(app.errors).toEqual([]);
  });
});
