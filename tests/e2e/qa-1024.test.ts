/**
 * Found by the new-user QA at 1024×700: the library pane's "Ngôn ngữ: Tất cả" filter was cut
 * off, the notebook showed a scrollbar inside a scrollbar, the date-range fields followed the
 * browser's locale (mm/dd/yyyy) instead of the app's language, and long list titles with stacked
 * Vietnamese marks were clipped. Everything is measured from element boxes, not screenshot pixels;
 * the screenshots are written for a person to look at.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiCall, browserSkipReason, openApp, SCREENSHOTS, useLibrary } from './harness';

const skip = browserSkipReason();

const LONG_TITLE = 'Ở Huế, những người thợ giữ lửa bếp than suốt ba mươi năm để nấu nồi chè bắp Cồn Hến ngọt thanh cho cả xóm chợ Đông Ba';
const URL_TITLE = 'https://example.org/tin_tuc?bai=nhung_nguoi_giu_lua_bep_than_o_hue_suot_ba_muoi_nam';
const CAPS_TITLE = 'ỔN ĐỊNH Ở ẤP BẮC: ẨM THỰC, ỄNH ƯƠNG VÀ ỐC BƯƠU';

/** A small library of our own: long and upper-case titles, a pair, tags, a date with a time, a file it skips. */
async function writeLibrary(dir: string): Promise<void> {
  const md = (front: Record<string, string>, body: string) => `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}\n`;
  await writeFile(path.join(dir, 'che-bap.vi.md'), md({ lang: 'vi', title: JSON.stringify(LONG_TITLE), date: '"2023-04-22T06:30:00"', tags: '[ẩm thực, Huế]' }, 'Bếp than đỏ lửa từ lúc gà gáy. Nồi chè bắp được khuấy đều tay cho đến khi sánh lại.\n\nNgười bán hàng nói rằng bí quyết nằm ở nước cốt dừa.'));
  await writeFile(path.join(dir, 'ap-bac.vi.md'), md({ lang: 'vi', title: JSON.stringify(CAPS_TITLE), date: '2022-11-03', tags: '[đồng bằng sông Cửu Long]' }, 'Ếch và ốc bươu vàng là món quen của người làm ruộng.\n\nMùa nước nổi, ếch kêu suốt đêm.'));
  await writeFile(path.join(dir, 'cho-noi.vi.md'), md({ lang: 'vi', title: 'Chợ nổi lúc bình minh', date: '2021-06-01', tags: '[chợ]' }, 'Ghe xuồng nối đuôi nhau trên sông từ khi trời còn tối.\n\nMỗi ghe treo món hàng mình bán lên một cây sào cao.'));
  await writeFile(path.join(dir, 'cho-noi.en.md'), md({ lang: 'en', title: 'The floating market at dawn', date: '2021-06-01', tags: '[market]' }, 'Boats line up on the river while it is still dark.\n\nEach boat hangs what it sells from a tall pole.'));
  await writeFile(path.join(dir, 'link.en.md'), md({ lang: 'en', title: JSON.stringify(URL_TITLE), date: '2019-01-01' }, 'A clipped link, kept for later.'));
  // Not a PDF at all: listed under "skipped files" in the pane's footer.
  await writeFile(path.join(dir, 'ban-chup.pdf'), 'Đây không phải là một tệp PDF.');
  for (let i = 1; i <= 5; i++) {
    await writeFile(path.join(dir, `ghi-chep-${i}.vi.md`), md({ lang: 'vi', title: `Ghi chép đường xa số ${i}`, date: `2020-0${i}-1${i}` }, `Chuyến đi thứ ${i} bắt đầu từ bến xe miền Tây.\n\nXe chạy qua những cánh đồng lúa chín vàng.`));
  }
}

/** Controls of the top bar and library pane that overflow their pane or the window, or cannot show their own text. */
async function clippedControls(page: Page, panes = ['.topbar', '.library-pane']): Promise<string[]> {
  return page.evaluate((panes) => {
    const bad: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const sel of panes) {
      const pane = document.querySelector<HTMLElement>(sel);
      if (!pane) {
        bad.push(`${sel} missing`);
        continue;
      }
      const box = pane.getBoundingClientRect();
      const controls = pane.querySelectorAll<HTMLElement>('button, select, input, [role="radio"], .pane-footer span');
      for (const el of controls) {
        if (el.closest('.article-list, .search-results')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > window.innerWidth) bad.push(`${name(el)} spans ${r.left}–${r.right}, its pane ${box.left}–${box.right}`);
        if (el.scrollWidth > el.clientWidth + 1 && !(el instanceof HTMLSelectElement)) bad.push(`${name(el)} text ${el.scrollWidth} > ${el.clientWidth}`);
        if (el instanceof HTMLInputElement && el.placeholder && !el.value) {
          // The placeholder tells what to type: it must be read whole.
          const style = getComputedStyle(el);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          if (ctx.measureText(el.placeholder).width > room + 0.5) bad.push(`${name(el)} placeholder "${el.placeholder}" in ${room}px`);
        }
        if (el instanceof HTMLSelectElement) {
          // At its tightest (no padding, only the chosen option, natural width) Chromium draws the
          // last letter's marks against the arrow ("Tất cả⌄"): the QA's "clipped". Ask for 4 px more.
          const copy = el.cloneNode(false) as HTMLSelectElement;
          const chosen = el.selectedOptions[0];
          if (chosen) copy.append(chosen.cloneNode(true));
          copy.style.cssText = 'width:auto;max-width:none;min-width:0;flex:none;padding:0;position:absolute;visibility:hidden';
          el.parentElement!.append(copy);
          const tightest = copy.getBoundingClientRect().width;
          copy.remove();
          if (r.width < tightest + 4) bad.push(`${name(el)} shows "${chosen?.textContent}" in ${r.width}px, its tightest fit is ${tightest}px`);
        }
      }
    }
    return bad;
  }, panes);
}

/** Elements inside `root` (itself included) that scroll in either direction. */
async function scrollers(page: Page, root: string): Promise<string[]> {
  return page.evaluate((rootSel) => {
    const top = document.querySelector(rootSel);
    if (!top) return [`${rootSel} missing`];
    return [top, ...top.querySelectorAll('*')].flatMap((el) => {
      const s = getComputedStyle(el);
      const scrolls = (o: string) => o === 'auto' || o === 'scroll';
      const out: string[] = [];
      const cls = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      if (scrolls(s.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`${cls} ↕`);
      if (scrolls(s.overflowX) && el.scrollWidth > el.clientWidth + 1) out.push(`${cls} ↔`);
      return out;
    });
  }, root);
}

/**
 * Title lines of the article list whose glyphs (stacked marks above, dots below) are cut by the
 * title's or the row's clipping box. Each visible line's ink is computed from its text's
 * baseline (the line's content box top plus the font's ascent) and the glyphs' own ascent and
 * descent as the browser measures them.
 */
async function clippedTitleInk(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const title of document.querySelectorAll<HTMLElement>('.article-list .article-title')) {
      const style = getComputedStyle(title);
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const row = title.closest('li')!.getBoundingClientRect();
      const box = title.getBoundingClientRect();
      const top = Math.max(box.top, row.top);
      const bottom = Math.min(box.bottom, row.bottom);
      const text = title.firstChild as Text;
      const lines = new Map<number, string>();
      const range = document.createRange();
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const r = range.getClientRects()[0];
        if (r && r.width > 0) lines.set(Math.round(r.top), (lines.get(Math.round(r.top)) ?? '') + text.data[i]);
      }
      const shown = [...lines].filter(([lineTop]) => lineTop < bottom - 1);
      if (shown.length === 0) bad.push(`"${text.data}" shows no line`);
      for (const [lineTop, chars] of shown) {
        const m = ctx.measureText(chars.trim());
        const baseline = lineTop + m.fontBoundingBoxAscent;
        const inkTop = baseline - m.actualBoundingBoxAscent;
        const inkBottom = baseline + m.actualBoundingBoxDescent;
        if (inkTop < top - 0.25) bad.push(`"${chars.trim()}" cut ${(top - inkTop).toFixed(2)}px at the top`);
        if (inkBottom > bottom + 0.25) bad.push(`"${chars.trim()}" cut ${(inkBottom - bottom).toFixed(2)}px at the bottom`);
      }
    }
    return bad;
  });
}

for (const locale of ['vi-VN', 'en-US'] as const) {
  const vi = locale === 'vi-VN';
  const tag = vi ? 'vi' : 'en';
  describe.skipIf(!!skip)(`1024×700 in ${tag}`, () => {
    const lib = useLibrary({ beforeAll, afterAll }, writeLibrary);
    let context: BrowserContext;
    let page: Page;
    /** The UTC day the highlights were made (what the notebook's date filter compares). */
    let madeOn = '';
    beforeAll(async () => {
      ({ context, page } = await openApp(lib.browser, lib.served, { locale, width: 1024, height: 700 }));
      // The scan may still be running: wait for our nine articles (the pair is one).
      let articles: Array<{ id: string; title: string }> = [];
      for (let tries = 0; tries < 300 && articles.length < 9; tries++) {
        articles = await apiCall<typeof articles>(page, 'listArticles', {});
        if (articles.length < 9) await new Promise((r) => setTimeout(r, 100));
      }
      const che = articles.find((a) => a.title === LONG_TITLE)!.id;
      const ap = articles.find((a) => a.title === CAPS_TITLE)!.id;
      for (let i = 0; i < 14; i++) {
        const made = await apiCall<{ created: string }>(page, 'createHighlight', { articleId: i % 2 ? che : ap, lang: 'vi', start: 0, end: 20 + i, color: 'yellow', tags: [`thẻ số ${i}`, `nhãn ${i}`], note: `Ghi chú thứ ${i}: nhớ hỏi lại người bán hàng về công thức.` });
        madeOn = made.created.slice(0, 10);
      }
    });
    afterAll(async () => context?.close());

    it('shows every control of the library pane and top bar whole', async () => {
      await page.locator('.article-item').first().waitFor();
      await page.locator('.pane-toolbar select').nth(2).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-1024-library-${tag}.png`) });
      expect(await clippedControls(page)).toEqual([]);
      // One scrolling region in the pane: the list.
      expect(await scrollers(page, '.library-pane')).toEqual(['div.pane-scroll ↕']);
      // Still whole with each filter chosen (the chosen option is the text the select shows).
      const selects = page.locator('.library-pane .pane-toolbar select');
      for (let i = 0; i < (await selects.count()); i++) {
        const values = await selects.nth(i).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        for (const value of values) {
          await selects.nth(i).selectOption(value);
          expect(await clippedControls(page), `${i}: ${value}`).toEqual([]);
        }
        await selects.nth(i).selectOption(values[0]!);
      }
    });

    it('keeps them whole with a pair side by side (panes shown anyway, and narrowed in a wider window)', async () => {
      await page.locator('.article-item', { has: page.locator('.badge', { hasText: 'VI+EN' }) }).first().click();
      await page.getByRole('radio', { name: vi ? 'Song song' : 'Side by side' }).click();
      await page.waitForSelector('.article-grid.mode-side-by-side');
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-1024-side-by-side-${tag}.png`) });
      // Wider, the side panes are not hidden but narrowed to their minimum for the two columns.
      await page.setViewportSize({ width: 1400, height: 700 });
      await expect.poll(() => page.locator('.library-pane').evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeLessThan(200);
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-narrow-library-${tag}.png`) });
      expect(await clippedControls(page)).toEqual([]);
      // One title line in the narrowed rows: its stacked marks are not cut either.
      expect(await clippedTitleInk(page)).toEqual([]);
      // At 1024 px they make way for the two columns; shown anyway, at their own width.
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.getByRole('button', { name: vi ? 'Vẫn hiện các ngăn' : 'Show panes anyway' }).click();
      await page.locator('.library-pane .pane-toolbar').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-1024-side-by-side-panes-${tag}.png`) });
      expect(await clippedControls(page)).toEqual([]);
      await page.getByRole('radio', { name: vi ? 'Tiếng Việt' : 'Vietnamese', exact: true }).click();
    });

    it('clips no title glyph in the list (stacked marks included), and keeps each full title reachable', async () => {
      await page.locator('.article-item', { hasText: CAPS_TITLE.slice(0, 10) }).waitFor();
      await page.locator('.library-pane').screenshot({ path: path.join(SCREENSHOTS, `qa-1024-list-titles-${tag}.png`) });
      expect(await clippedTitleInk(page)).toEqual([]);
      // The meta line (badge, date) stays inside its fixed-height row.
      const metaCut = await page.locator('.article-list .article-item').evaluateAll((rows) =>
        rows.filter((row) => row.querySelector('.article-meta')!.getBoundingClientRect().bottom > row.getBoundingClientRect().bottom - 1).map((row) => row.getAttribute('title')),
      );
      expect(metaCut).toEqual([]);
      const long = page.locator('.article-item', { hasText: LONG_TITLE.slice(0, 20) });
      expect(await long.getAttribute('title')).toBe(LONG_TITLE);
      // The option's accessible name starts with the whole title, however many lines are shown.
      expect((await long.textContent())?.startsWith(LONG_TITLE)).toBe(true);
      // A title with no space to break at wraps inside the row instead of running under its edge.
      const url = page.locator('.article-item', { hasText: 'https://' }).locator('.article-title');
      expect(await url.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    });

    it('gives the notebook one scrolling region per pane', async () => {
      await page.getByRole('button', { name: vi ? 'Sổ tay' : 'Notebook' }).click();
      const dialog = page.locator('dialog.notebook');
      await dialog.locator('.notebook-item').nth(13).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-1024-notebook-${tag}.png`) });
      // The list of annotations and the tag list scroll; nothing around them does.
      expect(await scrollers(page, 'dialog.notebook')).toEqual(['nav.tag-list ↕', 'ul.notebook-list ↕']);
      // Its filters are whole too (each select wide enough for what it shows, none past the pane).
      expect(await clippedControls(page, ['.notebook-main'])).toEqual([]);
    });

    it('takes dates typed in the app language’s format, and names a wrong one without dropping the filter', async () => {
      const dialog = page.locator('dialog.notebook');
      const from = dialog.getByLabel(vi ? 'Từ ngày' : 'From');
      const count = dialog.locator('.result-count');
      const items = dialog.locator('.notebook-item');
      const next = new Date(Date.parse(`${madeOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const typed = (iso: string) => (vi ? iso.split('-').reverse().join('/') : iso);
      expect(await from.getAttribute('placeholder')).toBe(vi ? 'dd/mm/yyyy' : 'yyyy-mm-dd');
      expect(await from.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent)).toContain(vi ? 'dd/mm/yyyy' : 'yyyy-mm-dd');
      // Typed key by key, as a person does: the day after the highlights were made leaves none.
      await from.click();
      await page.keyboard.type(typed(next));
      await expect.poll(() => items.count()).toBe(0);
      await page.keyboard.press('Tab');
      expect(await dialog.locator('.field-error').count()).toBe(0);
      // A day that does not exist: named under the field, and the filter of the day before stays.
      await from.click({ clickCount: 3 });
      await page.keyboard.type(vi ? '31/02/2024' : '2024-02-31');
      await page.keyboard.press('Tab');
      const error = dialog.getByRole('alert');
      await expect.poll(() => error.textContent()).toContain(vi ? 'Không có ngày 31/02/2024' : 'There is no 2024-02-31');
      expect(await error.textContent()).toContain(vi ? 'Vẫn đang lọc từ ngày' : 'Still filtering from');
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      await page.screenshot({ path: path.join(SCREENSHOTS, `qa-1024-notebook-date-error-${tag}.png`) });
      expect(await items.count()).toBe(0);
      // The day they were made: all fourteen, and the message goes.
      await from.click({ clickCount: 3 });
      await page.keyboard.type(typed(madeOn));
      await expect.poll(() => items.count()).toBe(14);
      expect(await dialog.locator('.field-error').count()).toBe(0);
      expect(await count.textContent()).toContain('14');
      await page.keyboard.press('Escape');
    });

    it('shows a date with its time date first', async () => {
      await page.locator('.article-item', { hasText: LONG_TITLE.slice(0, 20) }).click();
      await expect.poll(() => page.locator('.article-header time').textContent()).toBe(vi ? '22 thg 4, 2023, 06:30' : '22 Apr 2023, 06:30');
    });
  });
}
