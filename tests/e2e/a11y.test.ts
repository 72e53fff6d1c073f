/**
 * Accessibility audit of the main states with axe-core (WCAG 2 A/AA rules) in Chromium: the
 * library with an article open side by side, the search results, and the settings dialog, in the
 * light and dark themes. Serious and critical violations fail the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { apiCall, browserSkipReason, useApp } from './harness';

const skip = browserSkipReason();
const require = createRequire(import.meta.url);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe in the page (evaluate is not subject to the page's CSP, unlike a script tag). */
async function audit(page: Page, axeSource: string): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(vs: Violation[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

describe.skipIf(!!skip)('accessibility (axe-core)', () => {
  const app = useApp({ beforeAll, afterAll }, { locale: 'vi-VN' });
  let axeSource: string;
  beforeAll(async () => {
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  });

  it('has no serious violations with a pair open side by side (light and dark)', async () => {
    await app.page.locator('.article-item', { has: app.page.locator('.badge', { hasText: 'VI+EN' }) }).first().click();
    await app.page.waitForSelector('.article-grid [data-paragraph]');
    const light = await audit(app.page, axeSource);
    expect(light, describeViolations(light)).toEqual([]);
    await app.page.getByRole('button', { name: 'Cài đặt' }).click();
    await app.page.getByLabel('Tối', { exact: true }).check();
    const dialog = await audit(app.page, axeSource);
    await app.page.keyboard.press('Escape');
    expect(dialog, describeViolations(dialog)).toEqual([]);
    const dark = await audit(app.page, axeSource);
    expect(dark, describeViolations(dark)).toEqual([]);
  });

  it('has no serious violations in search results', async () => {
    await app.page.locator('input[type="search"]').fill('den long');
    await app.page.waitForSelector('.search-hit');
    const results = await audit(app.page, axeSource);
    expect(results, describeViolations(results)).toEqual([]);
  });

  it('annotation cards (Delete link, dates, badges) meet contrast in the dark and sepia themes; icon buttons name themselves on hover', async () => {
    const { page } = app;
    await page.locator('input[type="search"]').fill('');
    const id = await page.locator('.article-item[aria-selected="true"]').getAttribute('data-article-id');
    await apiCall(page, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 12, color: 'pink', note: 'ghi chú', tags: ['thẻ'] });
    await page.locator('.annotation-card .link-button.danger').first().waitFor();
    for (const theme of ['Tối', 'Nâu đọc sách']) {
      await page.getByRole('button', { name: 'Cài đặt' }).click();
      await page.getByLabel(theme, { exact: true }).check();
      await page.keyboard.press('Escape');
      const found = await audit(page, axeSource);
      expect(found, `${theme}: ${describeViolations(found)}`).toEqual([]);
    }
    for (const name of ['Ẩn hoặc hiện thư viện', 'Ẩn hoặc hiện chú thích', 'Phím tắt']) {
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('title')).toBe(name);
    }
  });

  it('has no serious violations in the notebook and with the keyboard cursor shown', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByLabel('Sáng', { exact: true }).check();
    await page.keyboard.press('Escape');
    await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowDown');
    await page.locator('.para.kbd-current').waitFor();
    const reading = await audit(page, axeSource);
    expect(reading, describeViolations(reading)).toEqual([]);
    await page.getByRole('button', { name: 'Sổ tay' }).click();
    await page.locator('.notebook-item').first().waitFor();
    const notebook = await audit(page, axeSource);
    expect(notebook, describeViolations(notebook)).toEqual([]);
    // A wrong date in the typed date filter: the field marked invalid, its message under it.
    await page.getByLabel('Từ ngày').fill('31/02/2024');
    await page.keyboard.press('Tab');
    await page.locator('.field-error').waitFor();
    const dateError = await audit(page, axeSource);
    expect(dateError, describeViolations(dateError)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
