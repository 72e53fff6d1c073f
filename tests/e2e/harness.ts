/// <reference lib="dom" /> // apiCall runs in the page (was provided by @types/jsdom, now removed)
/**
 * End-to-end harness: starts the real `folio serve` (the built CLI) on a copy of a library and
 * drives Debian's Chromium through playwright-core. Where no Chromium is installed, suites skip
 * with a message saying how to get one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Screenshots for review go to test-results/screenshots/ (ignored; no test compares them). */
export { SCREENSHOTS } from '../support/output';
export const SAMPLE_LIBRARY = path.join(REPO, 'resources/sample-library');

export { findChromium };

/** Why browser tests are skipped, or null when they can run. */
export function browserSkipReason(): string | null {
  if (!findChromium()) return 'no Chromium found: install one with `apt-get install chromium` (or set CHROMIUM_PATH) to run the browser tests';
  if (!existsSync(path.join(REPO, 'out/main/cli.js')) || !existsSync(path.join(REPO, 'out/renderer/index.html'))) {
    return 'the app is not built: run `npm run build` (npm test does it first)';
  }
  return null;
}

export interface Served {
  url: string;
  origin: string;
  token: string;
  library: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Copies `source` to a temp folder and serves it with `folio serve --port 0`. */
export async function serveLibrary(source: string = SAMPLE_LIBRARY, opts: { copy?: boolean } = {}): Promise<Served> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
  const library = opts.copy === false ? source : path.join(tmp, 'library');
  // Never a library's own `.folio/` state (a developer may have served the sample in this checkout).
  if (opts.copy !== false) await cp(source, library, { recursive: true, filter: (src) => path.basename(src) !== '.folio' });
  const dataDir = path.join(tmp, 'data');
  const child = spawn(process.execPath, [path.join(REPO, 'bin/folio.js'), 'serve', library, '--port', '0', '--json', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const info = await new Promise<{ url: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`folio serve did not start in time: ${stderr}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        const parsed = JSON.parse(out) as { url: string };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // wait for the whole JSON document
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`folio serve exited with ${code}: ${stderr}`));
    });
  });
  const url = new URL(info.url);
  return {
    url: info.url,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    library,
    dataDir,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * A browser for one test file: a connection to the run's shared Chromium (tests/e2e/global-setup.ts),
 * else a headless Chromium of its own. `close()` on a connection closes only this file's contexts.
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = inject('browserWSEndpoint');
  if (shared) return chromium.connect(shared);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context and page, with every request that leaves the server recorded (and blocked). */
export async function openApp(browser: Browser, served: Served, opts: { locale?: string; width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page; external: string[]; errors: string[]; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'vi-VN', viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 } });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(served.origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Kept apart from `errors`: hostile pages make the browser log the requests it refused.
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(served.url);
  // The list, an empty state, or (in a narrow window that hides the library) the last article.
  await page.waitForSelector('.article-list, .empty-state, .reader-article', { timeout: 30_000 });
  return { context, page, external, errors, consoleErrors };
}

/** The bytes of a finished download (saved through Playwright: the browser may be a shared, remote one). */
export async function downloaded(download: Download): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-download-'));
  try {
    const file = path.join(dir, download.suggestedFilename() || 'download');
    await download.saveAs(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Calls the API from inside the page, exactly as the renderer does over the bridge. */
export async function apiCall<T>(page: Page, method: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, body }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="folio-csrf"]')!.content;
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Folio-CSRF': token }, body: JSON.stringify(body) });
      const r = (await res.json()) as { ok: boolean; value: unknown };
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.value;
    },
    { method, body },
  ) as Promise<T>;
}

/** What a suite gets from `useApp`: filled in by its beforeAll. */
export interface AppContext {
  served: Served;
  browser: Browser;
  page: Page;
  external: string[];
  errors: string[];
  consoleErrors: string[];
}

/**
 * Registers beforeAll/afterAll that serve a copy of `library` (default: the sample library),
 * launch Chromium and open the app; the returned object is filled in before the first test.
 */
export function useApp(
  hooks: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void },
  opts: { library?: string; locale?: string; width?: number; height?: number } = {},
): AppContext {
  const ctx = {} as AppContext;
  hooks.beforeAll(async () => {
    ctx.served = await serveLibrary(opts.library);
    ctx.browser = await launchBrowser();
    Object.assign(ctx, await openApp(ctx.browser, ctx.served, opts));
  });
  hooks.afterAll(async () => {
    await ctx.browser?.close();
    await ctx.served?.stop();
  });
  return ctx;
}

/** What a suite gets from `useLibrary`: filled in by its beforeAll. */
export interface LibraryContext {
  served: Served;
  browser: Browser;
}

/**
 * Registers beforeAll/afterAll that let `write` fill a fresh temp folder with the suite's own
 * files, serve a copy of it and connect to Chromium; pages are opened by each test.
 */
export function useLibrary(
  hooks: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void },
  write: (dir: string) => Promise<void>,
): LibraryContext {
  const ctx = {} as LibraryContext;
  hooks.beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-src-'));
    try {
      await write(dir);
      ctx.served = await serveLibrary(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    ctx.browser = await launchBrowser();
  });
  hooks.afterAll(async () => {
    await ctx.browser?.close();
    await ctx.served?.stop();
  });
  return ctx;
}
