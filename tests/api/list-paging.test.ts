/**
 * Optional paging of `listArticles`: pages run newest first, never overlap, together make the
 * whole list, and asking without paging still returns the whole list as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call, dispatch, type Handlers } from '../../src-main/api/dispatch';

const COUNT = 37;
let tmp: string;
let session: FolioSession;
let h: Handlers;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-list-paging-'));
  const lib = path.join(tmp, 'lib');
  await mkdir(lib);
  for (let i = 0; i < COUNT; i++) {
    // Dates repeat (ties), and every seventh article has no date line.
    const date = i % 7 === 3 ? '' : `${String(1 + (i % 5)).padStart(2, '0')}/0${1 + (i % 9)}/2023 08:00\n\n`;
    await writeFile(path.join(lib, `bai-${i}.txt`), `Phiên chợ quê số ${i}\n\n${date}Buổi sáng ở chợ phiên thứ ${i}, người bán rau gọi nhau í ới bên bờ sông.\n`);
  }
  session = await FolioSession.open({ libraryRoot: lib, dataDir: path.join(tmp, 'data'), search: false });
  h = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
});
afterAll(async () => {
  await session?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('listArticles paging', () => {
  it('pages newest first, without overlap, adding up to the whole list', async () => {
    const whole = await call(h, 'listArticles', {});
    expect(whole).toHaveLength(COUNT);
    const pages = [];
    for (let offset = 0; ; offset += 10) {
      const page = await call(h, 'listArticles', { offset, limit: 10 });
      pages.push(page);
      if (page.length < 10) break;
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 7]);
    const paged = pages.flat();
    expect(new Set(paged.map((a) => a.id)).size).toBe(COUNT);
    expect([...paged.map((a) => a.id)].sort()).toEqual([...whole.map((a) => a.id)].sort());
    const dates = paged.map((a) => a.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(5);
    // The same summaries as the whole list gives.
    const byId = new Map(whole.map((a) => [a.id, a]));
    for (const a of paged) expect(a).toEqual(byId.get(a.id));
  });

  it('answers an empty page past the end, and a limit alone from the top', async () => {
    expect(await call(h, 'listArticles', { offset: COUNT + 5, limit: 10 })).toEqual([]);
    const top = await call(h, 'listArticles', { limit: 3 });
    const first = await call(h, 'listArticles', { offset: 0, limit: 10 });
    expect(top).toEqual(first.slice(0, 3));
  });

  it('refuses a bad page with a clear error', async () => {
    for (const bad of [{ offset: -1 }, { limit: 0 }, { limit: 1.5 }, { offset: '3' }, { page: 2 }]) {
      const r = await dispatch(h, 'listArticles', bad);
      expect(r.ok).toBe(false);
    }
  });
});

describe('listArticles filtered by language (the first rows of a filter while the list loads)', () => {
  let dir: string;
  let s2: FolioSession;
  let h2: Handlers;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'folio-list-lang-'));
    const lib = path.join(dir, 'lib');
    await mkdir(lib);
    for (let i = 0; i < 12; i++) {
      const date = `${String(1 + i).padStart(2, '0')}/03/2024 07:00\n\n`;
      await writeFile(path.join(lib, `cho-${i}${i % 4 === 0 ? '.vi' : ''}.txt`), `Phiên chợ quê số ${i}\n\n${date}Buổi sáng ở chợ phiên thứ ${i}, người bán rau gọi nhau í ới bên bờ sông, bà con mua bán tấp nập.\n`);
      if (i % 4 === 0) await writeFile(path.join(lib, `cho-${i}.en.txt`), `Village market number ${i}\n\nIn the morning at the market, the vegetable sellers call to each other by the river and everyone is busy.\n`);
    }
    s2 = await FolioSession.open({ libraryRoot: lib, dataDir: path.join(dir, 'data'), search: false });
    h2 = createHandlers(() => s2, { transport: 'web', version: '0.0.0-test' });
  });
  afterAll(async () => {
    await s2?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('pages only the articles of that language, or the pairs, in the same newest-first order', async () => {
    const whole = await call(h2, 'listArticles', { offset: 0, limit: 100 });
    expect(whole).toHaveLength(12);
    const pairs = whole.filter((a) => a.langs.length === 2).map((a) => a.id);
    expect(pairs).toHaveLength(3);
    expect((await call(h2, 'listArticles', { offset: 0, limit: 10, lang: 'pair' })).map((a) => a.id)).toEqual(pairs);
    expect((await call(h2, 'listArticles', { offset: 1, limit: 1, lang: 'en' })).map((a) => a.id)).toEqual([pairs[1]]);
    expect(await call(h2, 'listArticles', { offset: 0, limit: 100, lang: 'vi' })).toHaveLength(12);
    expect((await dispatch(h2, 'listArticles', { lang: 'fr' })).ok).toBe(false);
  });
});
