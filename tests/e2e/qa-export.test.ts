/**
 * Last session's new-user QA around export, note Markdown and note snippets, through the web
 * bridge in the Vietnamese UI: exporting "search results" takes every match (not the 50 loaded),
 * file names are Vietnamese, the picker follows the list's sort, a note's quotes, fenced code and
 * tables render in the app and in the PDF, unsafe links keep their text, and a hit found through a
 * note shows the note's plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, apiCall, browserSkipReason, downloaded, openApp, useLibrary } from './harness';
import { HAS_PDFTOTEXT, pdfToText } from '../core/export/pdf/pdf-tools';

const skip = browserSkipReason();
const MATCHES = 57;
/** Titles whose alphabetical order is not their date order (nor the scan order of their files). */
const TOWNS = ['Vĩnh Long', 'An Giang', 'Cần Thơ', 'Bạc Liêu', 'Đồng Tháp', 'Sóc Trăng', 'Hậu Giang', 'Trà Vinh', 'Kiên Giang', 'Long An'];
const article = (i: number) =>
  `---\ntitle: Phù sa ở ${TOWNS[i % TOWNS.length]} ${i}\ndate: 2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}\nlang: vi\n---\nMùa nước nổi thứ ${i} mang phù sa về ruộng.\n\nNông dân xuống giống sớm.\n`;
const NOTE = [
  '**Ý chính**: hỏi lại [bà Tư](https://vi.wikipedia.org/wiki/Bà_Tư_(nhân_vật)) về lịch thời vụ.',
  '',
  '> Nước về thì cá về.',
  '',
  '```',
  'luong_mua = 120  # mm',
  '```',
  '',
  '| Vụ | Tháng |',
  '|---|--:|',
  '| Đông Xuân | 11 |',
  '',
  'Đừng bấm [vào đây](javascript:alert(1)) nhé.',
].join('\n');

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Xuất', exact: true }).click();
  return page.getByRole('dialog', { name: 'Xuất' });
}

/** Puts NOTE on "Ghi chép thời vụ" once for the suite (each test may run alone). */
let noteAdded: Promise<unknown> | null = null;
function addNote(page: Page): Promise<unknown> {
  noteAdded ??= apiCall<Array<{ id: string; title: string }>>(page, 'listArticles', {}).then((list) =>
    apiCall(page, 'createNote', { articleId: list.find((a) => a.title === 'Ghi chép thời vụ')!.id, lang: 'vi', note: NOTE }),
  );
  return noteAdded;
}

describe.skipIf(!!skip)('export, note Markdown and note snippets (QA fixes)', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    for (let i = 0; i < MATCHES; i++) await writeFile(path.join(dir, `phu-sa-${String(i).padStart(2, '0')}.md`), article(i));
    await writeFile(path.join(dir, 'ghi-chep.md'), '---\ntitle: Ghi chép thời vụ\ndate: 2023-01-05\nlang: vi\n---\nSổ tay của một vụ lúa ở miệt vườn.\n');
  });

  it('exports every search result, not only the 50 loaded, with a Vietnamese file name', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 768 });
    await page.locator('#folio-search').fill('phù sa');
    await page.locator('.result-count', { hasText: `50 trên ${MATCHES}` }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(50);
    const dialog = await openExport(page);
    const results = dialog.getByRole('radio', { name: `Kết quả tìm kiếm (${MATCHES})` });
    await results.waitFor();
    expect(await results.isChecked()).toBe(true);
    await dialog.screenshot({ path: path.join(SCREENSHOTS, 'qa-export-results-vi-1024.png') });
    await dialog.getByLabel('Ghi chú Markdown').check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`Folio – ghi chú, ${MATCHES} bài.md`);
    const md = (await downloaded(download)).toString('utf8');
    const titles = new Set(md.match(/Phù sa ở [^\n]+ \d+/g));
    expect(titles.size).toBe(MATCHES);
    await context.close();
  });

  it('lists the picker in the article list order, and names a PDF of several articles in Vietnamese', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 768 });
    await page.getByRole('combobox', { name: 'Sắp xếp' }).selectOption('title');
    const listTitles = async () => (await page.locator('.article-item .article-title').allTextContents()).map((t) => t.trim());
    await page.locator('.article-item .article-title').first().filter({ hasText: 'Ghi chép thời vụ' }).waitFor();
    const list = await listTitles();
    const dialog = await openExport(page);
    await dialog.getByRole('radio', { name: /Các bài đã chọn/ }).check();
    const picker = (await dialog.locator('.pick-list label').allTextContents()).map((t) => t.trim());
    expect(list.length).toBeGreaterThan(5);
    expect(picker.slice(0, list.length)).toEqual(list);
    // A→Z in Vietnamese collation, whatever order the files were scanned or loaded in.
    expect(picker.slice(0, 3)).toEqual(['Ghi chép thời vụ', 'Phù sa ở An Giang 1', 'Phù sa ở An Giang 11']);
    await dialog.screenshot({ path: path.join(SCREENSHOTS, 'qa-export-picker-vi-1024.png') });
    const boxes = dialog.locator('.pick-list input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await dialog.getByLabel('PDF có chú thích').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('Folio – 2 bài.pdf');
    await context.close();
  });

  it('shows a hit found through a note as the note’s plain text, the match marked', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 768 });
    await addNote(page);
    await page.locator('#folio-search').fill('lịch thời vụ');
    const snippet = page.locator('.search-hit .snippet', { has: page.locator('.snippet-via') }).first();
    await snippet.waitFor();
    const text = (await snippet.textContent()) ?? '';
    expect(text).toContain('Ý chính: hỏi lại bà Tư về lịch thời vụ.');
    expect(text).not.toMatch(/\*\*|\]\(|```|\|---/);
    expect(await snippet.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['lịch', 'thời', 'vụ']));
    await page.locator('.search-results').screenshot({ path: path.join(SCREENSHOTS, 'qa-note-snippet-vi.png') });
    await context.close();
  });

  it('renders a note’s quote, fenced code and table in the app and in the PDF; a javascript: link keeps its whole text', async () => {
    const { page, context } = await openApp(lib.browser, lib.served, { locale: 'vi-VN', width: 1024, height: 768 });
    await addNote(page);
    // Found through the search box, whatever the list's sort (the note comes from the test before).
    await page.locator('#folio-search').fill('ghi chép thời vụ');
    await page.locator('.search-hit .hit-button', { hasText: 'Ghi chép thời vụ' }).click();
    const card = page.locator('.card-note', { hasText: 'Ý chính' });
    await card.waitFor();
    expect(await card.locator('blockquote').textContent()).toBe('Nước về thì cá về.');
    expect(await card.locator('pre code').textContent()).toBe('luong_mua = 120  # mm');
    expect(await card.locator('th').allTextContents()).toEqual(['Vụ', 'Tháng']);
    expect(await card.locator('td').allTextContents()).toEqual(['Đông Xuân', '11']);
    expect(await card.locator('.md-link').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('title')]))).toEqual([
      ['bà Tư', 'https://vi.wikipedia.org/wiki/B%C3%A0_T%C6%B0_(nh%C3%A2n_v%E1%BA%ADt)'],
    ]);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Đừng bấm vào đây nhé.');
    expect(text).not.toMatch(/javascript|\(1\)|\*\*|```|\|---/);
    expect(await card.locator('a, script, img').count()).toBe(0);
    await card.screenshot({ path: path.join(SCREENSHOTS, 'qa-note-markdown-card.png') });

    if (!HAS_PDFTOTEXT) return;
    const dialog = await openExport(page);
    await dialog.getByLabel('PDF có chú thích').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('Ghi chép thời vụ.pdf');
    const pdf = pdfToText(new Uint8Array(await downloaded(download)));
    const lines = pdf.slice(pdf.indexOf('Ý chính')).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 6)).toEqual(['Ý chính: hỏi lại bà Tư về lịch thời vụ.', '│ Nước về thì cá về.', 'luong_mua = 120 # mm', 'Vụ │ Tháng', 'Đông Xuân │ 11', 'Đừng bấm vào đây nhé.']);
    await context.close();
  });
});
