/**
 * Hostile articles in the real app: `folio serve` on tests/fixtures/hostile (plus a 5 000-deep
 * page and a 10 MB single-line page generated here), every article opened in Chromium. Nothing
 * may run (window.__pwned stays unset, no dialog), nothing may leave the server, no page error,
 * and each article's sentinel sentence is rendered as text. The raw-text view and a hostile
 * note render as text, not markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO, browserSkipReason, launchBrowser, openApp, serveLibrary, type Served } from './harness';

const skip = browserSkipReason();
if (skip) console.warn(`[e2e] hostile suite skipped: ${skip}`);

const FIXTURES = path.join(REPO, 'tests/fixtures/hostile');
const PAYLOAD = 'window.__pwned=1';
const SENTINEL = /Sentinel (?:\d\d|deep|huge): [^.<]+\./;

/** Large hostile pages, generated rather than committed. */
async function writeGenerated(dir: string): Promise<string[]> {
  const deep = 5_000;
  const deepSentence = 'Sentinel deep: the deeply nested page keeps its readable text.';
  await writeFile(path.join(dir, '20-deep.html'), `<!doctype html><html lang="en"><head><title>Hostile 20 deep</title></head><body><h1>Hostile 20: nesting</h1><p>${deepSentence}</p>${'<div onmouseover="' + PAYLOAD + '">'.repeat(deep)}deep text<img src=x onerror="${PAYLOAD}">${'</div>'.repeat(deep)}</body></html>`);
  const hugeSentence = 'Sentinel huge: the ten megabyte page keeps its readable text.';
  const filler = `<script>${PAYLOAD};fetch('http://evil.example/huge')</script><img src="http://evil.example/h.png" onerror="${PAYLOAD}">`;
  const body = `<h1>Hostile 21: one huge line</h1><p>${hugeSentence}</p><p>${'Một câu ngắn. '.repeat(10_000)}</p>${filler.repeat(Math.ceil(10_000_000 / filler.length))}`;
  await writeFile(path.join(dir, '21-huge-line.html'), `<!doctype html><html lang="en"><head><title>Hostile 21</title></head><body>${body}</body></html>`);
  return [deepSentence, hugeSentence];
}

describe.skipIf(!!skip)('hostile articles in the reader', () => {
  let lib: string;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let external: string[];
  const dialogs: string[] = [];
  const sentinels: string[] = [];

  beforeAll(async () => {
    lib = await mkdtemp(path.join(os.tmpdir(), 'folio-hostile-'));
    await cp(FIXTURES, lib, { recursive: true });
    for (const f of await readdir(FIXTURES)) {
      const m = SENTINEL.exec(await readFile(path.join(FIXTURES, f), 'utf8'));
      if (m) sentinels.push(m[0]);
    }
    sentinels.push(...(await writeGenerated(lib)));
    served = await serveLibrary(lib, { copy: false });
    browser = await launchBrowser();
    ({ page, errors, external } = await openApp(browser, served, { locale: 'vi-VN' }));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (lib) await rm(lib, { recursive: true, force: true });
  });

  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

  it('opens every hostile article and renders its text, with nothing executed or fetched', async () => {
    const items = page.locator('.article-item');
    // The list may still be filling in on a busy machine: wait for every row, then count them
    // (a failure prints the rows that are there, so a missing article is named).
    await expect.poll(() => items.allTextContents()).toHaveLength(sentinels.length);
    const count = await items.count();
    const rendered = new Set<string>();
    const current = async () => SENTINEL.exec((await page.locator('.reader-article').textContent({ timeout: 20_000 }).catch(() => '')) ?? '')?.[0] ?? null;
    for (let i = 0; i < count; i++) {
      const previous = await current();
      await items.nth(i).click();
      // Every article has its own sentence: wait until the reader shows a new one.
      await expect.poll(current, { timeout: 20_000 }).not.toBe(previous);
      const sentence = await current();
      if (sentence) rendered.add(sentence);
      // Markup from the file never becomes elements in the reader.
      expect(await page.locator('.reader-article :is(script, iframe, object, embed, img, svg, math, form, input, style, link, meta, base, a[href^="javascript"])').count()).toBe(0);
      expect(await pwned()).toBeNull();
    }
    expect([...rendered].sort()).toEqual([...sentinels].sort());
    await page.waitForTimeout(500); // give any late handler a chance to fire
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the raw text of a hostile file as text, not markup', async () => {
    await page.locator('.article-item', { hasText: 'Hostile 01' }).click();
    await page.getByRole('button', { name: 'Xem văn bản gốc' }).click();
    const raw = page.locator('pre.raw-text');
    await raw.waitFor();
    const text = (await raw.textContent()) ?? '';
    expect(text).toContain(`<script>${PAYLOAD};alert(1)</script>`);
    expect(text).toContain('<script src="http://evil.example/x.js"></script>');
    expect(await raw.locator('*').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('renders a hostile note as text', async () => {
    const note = `<img src=x onerror="${PAYLOAD}"> [trap](javascript:${PAYLOAD}) <script>${PAYLOAD}</script> **đậm**`;
    const created = await page.evaluate(async (note) => {
      const token = document.querySelector('meta[name="folio-csrf"]')?.getAttribute('content') ?? '';
      const call = async (method: string, body: unknown) =>
        (await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Folio-CSRF': token }, body: JSON.stringify(body) })).json() as Promise<{ ok: boolean; value: unknown }>;
      const list = (await call('listArticles', {})).value as { id: string; title: string; langs: string[] }[];
      const target = list.find((a) => a.title.includes('Hostile 02')) ?? list[0];
      return call('createNote', { articleId: target?.id, lang: target?.langs[0], note });
    }, note);
    expect(created.ok).toBe(true);
    await page.reload();
    await page.waitForSelector('.article-list');
    await page.locator('.article-item', { hasText: 'Hostile 02' }).click();
    const card = page.locator('.annotation-card .card-note').first();
    await card.waitFor({ timeout: 20_000 });
    // (the note Markdown reads `_..._` as emphasis, so the underscores of __pwned may be eaten)
    expect(await card.textContent()).toMatch(/<img src=x onerror="window\._+pwned=1">/);
    expect(await card.locator('img, script, a').count()).toBe(0);
    expect(await card.locator('strong').textContent()).toBe('đậm');
    await page.waitForTimeout(300);
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
