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
