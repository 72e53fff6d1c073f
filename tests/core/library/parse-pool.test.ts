/**
 * Parsing in worker threads (a piscina pool): the same versions as in-thread parsing, a file over
 * its time budget is skipped as `too-slow` and one that crashes its worker as `parse-error`
 * without stopping the scan, and no file is ever parsed on the main thread, however few.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Library, ParsePool, parseBudgetMs, readParsedFile, type LibraryChange, type LibraryOptions } from '../../../src-main/core/library/index';

/** Calls of the parsers on this (the main) thread; the workers load their own, unmocked copies. */
const mainThreadParses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src-main/core/library/parse/scraped-text', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/library/parse/scraped-text')>();
  return { ...real, parseScrapedText: (...a: Parameters<typeof real.parseScrapedText>) => { mainThreadParses.count++; return real.parseScrapedText(...a); } };
});
vi.mock('../../../src-main/core/library/parse/markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/library/parse/markdown')>();
  return { ...real, parseMarkdown: (...a: Parameters<typeof real.parseMarkdown>) => { mainThreadParses.count++; return real.parseMarkdown(...a); } };
});
vi.mock('../../../src-main/core/library/parse/html', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/library/parse/html')>();
  return { ...real, parseHtml: (...a: Parameters<typeof real.parseHtml>) => { mainThreadParses.count++; return real.parseHtml(...a); } };
});
import type { Article } from '../../../src-main/shared/types';
import { bigPage } from './big-page';

const REPO = join(__dirname, '../../..');
const base = mkdtempSync(join(tmpdir(), 'folio-parse-pool-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const TEXT = (i: number): string => `Chợ nổi Cái Răng số ${i}\n\nMỗi sáng, ghe thuyền chở trái cây từ các vườn ven sông về chợ nổi từ lúc trời chưa sáng.\n\nNgười mua và người bán gọi nhau qua mạn thuyền, tiếng máy nổ hòa với tiếng rao.\n`;

/** A library of 40 short articles plus `extra` files. */
function smallLibrary(name: string, extra: Record<string, string> = {}): string {
  const root = join(base, name);
  mkdirSync(root);
  for (let i = 0; i < 40; i++) writeFileSync(join(root, `cho-${String(i).padStart(2, '0')}.txt`), TEXT(i));
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(root, file), text);
  return root;
}

async function scan(root: string, opts: Partial<LibraryOptions>): Promise<Library> {
  const lib = await Library.open({ root, dataDir: mkdtempSync(join(base, 'data-')), ...opts });
  await lib.close();
  return lib;
}

/** Versions by path and the grouping into articles (article ids depend on first-seen clock ticks). */
function comparable(articles: Article[]): { versions: string; groups: string[][] } {
  const versions = articles.flatMap((a) => a.versions).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { versions: JSON.stringify(versions), groups: articles.map((a) => a.versions.map((v) => v.path)) };
}

describe('parsing in worker threads', { timeout: 120_000 }, () => {
  it('gives the same articles and skips as in-thread parsing (sample library and fixtures)', async () => {
    // Four copies, so more than 32 files need parsing and the pool is used.
    const root = join(base, 'fixtures');
    for (let copy = 1; copy <= 4; copy++) {
      cpSync(join(REPO, 'resources/sample-library'), join(root, `copy-${copy}/sample`), { recursive: true });
      cpSync(join(REPO, 'tests/fixtures/library'), join(root, `copy-${copy}/library`), { recursive: true });
      cpSync(join(REPO, 'tests/fixtures/hostile'), join(root, `copy-${copy}/hostile`), { recursive: true });
    }
    const inThread = await scan(root, { workers: 0 });
    const pooled = await scan(root, { workers: 2 });
    expect(inThread.parseMode()).toBe('in-thread');
    expect(pooled.parseMode()).toBe('workers');
    expect(pooled.articles().length).toBeGreaterThan(40);
    expect(comparable(pooled.articles())).toEqual(comparable(inThread.articles()));
    expect(pooled.status().skipped).toEqual(inThread.status().skipped);
  });

  it('parses even a few files in workers, never on the main thread', async () => {
    const root = join(base, 'few');
    mkdirSync(root);
    writeFileSync(join(root, 'cho.txt'), TEXT(1));
    writeFileSync(join(root, 'trang.html'), `<h1>Chợ nổi</h1><p>${TEXT(2).replace(/\n+/g, '</p><p>')}</p>`);
    writeFileSync(join(root, 'ghi-chu.md'), `# Ghi chú\n\n${TEXT(3)}`);
    const before = mainThreadParses.count;
    const lib = await scan(root, {});
    expect(lib.parseMode()).toBe('workers');
    expect(lib.articles()).toHaveLength(3);
    // The in-thread reference parse below goes through the mock: the counter works.
    expect(mainThreadParses.count).toBe(before);
    await readParsedFile(join(root, 'cho.txt'), 'cho.txt');
    expect(mainThreadParses.count).toBe(before + 1);
  });

  it('parses a folder of new files in workers when the watcher sees it', async () => {
    const root = smallLibrary('watched');
    const lib = await Library.open({ root, dataDir: mkdtempSync(join(base, 'data-')), workers: 2 });
    try {
      // Change sets until all 40 have arrived (a loaded machine may split the burst in two).
      const added: string[] = [];
      let allAdded!: () => void;
      const done = new Promise<void>((resolve) => (allAdded = resolve));
      await lib.watch((c: LibraryChange) => {
        added.push(...c.added);
        if (added.length >= 40) allAdded();
      });
      mkdirSync(join(root, 'moi'));
      for (let i = 40; i < 80; i++) writeFileSync(join(root, 'moi', `cho-${i}.txt`), TEXT(i));
      await done;
      expect(added).toHaveLength(40);
      expect(lib.parseMode()).toBe('workers');
      expect(lib.get('moi/cho-79.txt')?.versions[0]?.title).toBe('Chợ nổi Cái Răng số 79');
    } finally {
      await lib.close();
    }
  });

  it('skips a file over its time budget as too-slow and finishes the scan', async () => {
    // Budget and page are far apart (a short text parses in milliseconds, this page in seconds
    // even on an idle machine), so a loaded machine does not change which file is over.
    const root = smallLibrary('slow', { 'mua-nuoc-noi.html': bigPage(12 * 2 ** 20) });
    const lib = await scan(root, { workers: 2, parseTimeoutMs: 1_000 });
    expect(lib.parseMode()).toBe('workers');
    expect(lib.status().skipped).toEqual([{ path: 'mua-nuoc-noi.html', reason: 'too-slow', message: 'File took too long to parse (over 1 s)' }]);
    expect(lib.articles()).toHaveLength(40);
  });

  it('gives a file a base budget plus a share per MiB, since parsing is linear in size', () => {
    expect(parseBudgetMs(0, 20_000, 10_000)).toBe(20_000);
    expect(parseBudgetMs(2 ** 20, 20_000, 10_000)).toBe(30_000);
    expect(parseBudgetMs(10 * 2 ** 20, 20_000, 10_000)).toBe(120_000);
    expect(parseBudgetMs(10 * 2 ** 20, 1_000, 0)).toBe(1_000);
  });

  it('skips a file whose worker runs out of memory, replaces the worker and finishes the scan', async () => {
    // Sorted first, so the worker that dies holds other files too: they are parsed again.
    const root = smallLibrary('oom', { 'a-mua-nuoc-noi.html': bigPage(2 * 2 ** 20) });
    const lib = await scan(root, { workers: 1, workerHeapMb: 48 });
    expect(lib.parseMode()).toBe('workers');
    const [skip, ...rest] = lib.status().skipped;
    expect(rest).toEqual([]);
    expect(skip).toMatchObject({ path: 'a-mua-nuoc-noi.html', reason: 'parse-error' });
    expect(skip?.message).toMatch(/memory/);
    expect(lib.articles()).toHaveLength(40);
  });

  it('gives a 2 MB page the in-thread result, from a worker', async () => {
    const file = join(base, 'big.html');
    writeFileSync(file, bigPage(2 * 2 ** 20));
    const pool = new ParsePool({ size: 1, timeoutMs: 60_000 });
    try {
      const before = mainThreadParses.count;
      const pooled = await pool.parse(file, 'big.html', {});
      expect(pool.inThread).toBe(false);
      expect(mainThreadParses.count).toBe(before);
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(await readParsedFile(file, 'big.html', {})));
    } finally {
      await pool.close();
    }
  });
});
