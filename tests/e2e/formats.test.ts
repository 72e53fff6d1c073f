/**
 * A library with one file of each container format opens in Chromium: titles right, bodies
 * clean, and a highlight made in a .pdf translation beside its .docx original.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCREENSHOTS, browserSkipReason, useApp } from './harness';
import { makeDocx, makeEpub, makeMhtml, makePdf, wrapLines } from '../fixtures/formats/make';

const skip = browserSkipReason();
const library = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-formats-'));

describe.skipIf(!!skip)('container formats in the reader', () => {
  beforeAll(async () => {
    writeFileSync(path.join(library, 'de-bien.vi.docx'), makeDocx({
      title: 'Gia cố đê biển trước mùa bão', author: 'Ban Chỉ huy phòng chống thiên tai',
      paragraphs: [
        { text: 'Tỉnh đã gia cố mười hai cây số đê biển xung yếu bằng bê tông cốt thép.' },
        { text: 'Người dân ven biển được hướng dẫn chằng chống nhà cửa và dự trữ lương thực.' },
      ],
    }));
    writeFileSync(path.join(library, 'de-bien.en.pdf'), await makePdf([[
      { text: 'Sea dykes reinforced before the storm season', x: 50, y: 780, size: 16 },
      ...wrapLines(['The province has reinforced twelve kilometres of weak sea dykes with reinforced concrete.', 'Coastal residents were shown how to brace their houses and store food.'], { x: 50, top: 740 }),
    ]], { title: 'Sea dykes reinforced before the storm season' }));
    const long = (topic: string) => Array.from({ length: 12 }, (_, i) => `Đoạn ${i + 1} kể về ${topic}: người thợ làm việc từ sáng sớm đến tối, giữ nghề của cha ông qua nhiều thế hệ trong làng.`);
    writeFileSync(path.join(library, 'lang-nghe.epub'), makeEpub({
      title: 'Làng nghề ven sông', author: 'Vũ Hoa', lang: 'vi',
      chapters: [{ title: 'Làng chiếu', paragraphs: ['Sợi cói phơi vàng hai bên đường làng.', ...long('làng chiếu')] }, { title: 'Làng gốm', paragraphs: long('làng gốm') }, { title: 'Làng rèn', paragraphs: long('làng rèn') }],
    }));
    writeFileSync(path.join(library, 'tin-luu.mhtml'), makeMhtml({
      url: 'https://tin.example.vn/mua-xuan.html', subject: 'Chợ hoa xuân mở cửa',
      html: '<html lang="vi"><head><meta charset="utf-8"><title>Chợ hoa xuân mở cửa</title></head><body><nav>Trang chủ | Thời sự</nav><article><h1>Chợ hoa xuân mở cửa</h1><p>Chợ hoa ven kênh mở cửa từ sáng sớm với hàng nghìn chậu mai, cúc và vạn thọ.</p></article><footer>Bản quyền thuộc về tòa soạn.</footer></body></html>',
    }));
  });
  afterAll(() => rmSync(library, { recursive: true, force: true }));
  const app = useApp({ beforeAll, afterAll }, { library, locale: 'vi-VN' });

  it('lists each file with its own title', async () => {
    const titles = await app.page.locator('.article-item .article-title, .article-item h3, .article-item').allTextContents();
    const all = titles.join('\n');
    for (const t of ['Gia cố đê biển trước mùa bão', 'Làng nghề ven sông', 'Chợ hoa xuân mở cửa']) expect(all).toContain(t);
    expect(await app.page.locator('.article-item').count()).toBe(3);
  });

  it('shows a saved page without its site furniture', async () => {
    await app.page.locator('.article-item', { hasText: 'Chợ hoa xuân' }).click();
    await app.page.waitForSelector('.lang-root[data-lang="vi"] [data-paragraph="0"]');
    const body = await app.page.locator('.lang-root[data-lang="vi"]').textContent();
    expect(body).toContain('hàng nghìn chậu mai');
    expect(body).not.toMatch(/Trang chủ|Bản quyền/);
  });

  it('jumps to a chapter of a book from the contents menu', async () => {
    const page = app.page;
    await page.locator('.article-item', { hasText: 'Làng nghề ven sông' }).click();
    const menu = page.getByRole('combobox', { name: 'Mục lục' });
    await menu.waitFor();
    expect(await menu.locator('option').allTextContents()).toEqual(['Đến mục… (3 mục)', 'Làng chiếu', 'Làng gốm', 'Làng rèn']);
    const heading = page.locator('.lang-root[data-lang="vi"] [data-paragraph]', { hasText: /^Làng rèn$/ });
    await menu.selectOption({ label: 'Làng rèn' });
    await expect.poll(async () => {
      const [h, view] = await Promise.all([heading.boundingBox(), page.locator('.reader-scroll').boundingBox()]);
      return !!h && !!view && h.y >= view.y && h.y + h.height <= view.y + view.height;
    }).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'formats-epub-contents.png') });
  });

  it('highlights in the PDF translation beside the Word original', async () => {
    await app.page.locator('.article-item', { hasText: 'Gia cố đê biển' }).click();
    await app.page.getByRole('radio', { name: 'Song song' }).click();
    await app.page.waitForSelector('.article-grid.mode-side-by-side .lang-root[data-lang="en"] [data-paragraph="0"]');
    const selected = await app.page.evaluate(() => {
      const p = document.querySelector('.lang-root[data-lang="en"] [data-paragraph="0"]')!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const start = node.data.indexOf('twelve kilometres');
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 'twelve kilometres'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      document.dispatchEvent(new Event('selectionchange'));
      return range.toString();
    });
    expect(selected).toBe('twelve kilometres');
    await app.page.keyboard.press('h');
    await app.page.waitForSelector('.lang-root[data-lang="en"] mark.hl');
    expect((await app.page.locator('.lang-root[data-lang="en"] mark.hl').allTextContents()).join('')).toBe('twelve kilometres');
    await app.page.screenshot({ path: path.join(SCREENSHOTS, 'formats-docx-pdf-pair.png') });
  });
});
