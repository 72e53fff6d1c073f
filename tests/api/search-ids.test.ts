/**
 * `searchIds`, behind "export the search results": every match in rank order (not a page), the
 * true total, and at most EXPORT_MAX_ARTICLES ids with the full count when a search matches more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call, dispatch, type Handlers } from '../../src-main/api/dispatch';
import { EXPORT_MAX_ARTICLES } from '../../src-main/shared/api';

const MANY = EXPORT_MAX_ARTICLES + 12;
const FEW = 73;
let tmp: string;
let session: FolioSession;
let h: Handlers;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-search-ids-'));
  const lib = path.join(tmp, 'lib');
  await mkdir(lib);
  for (let i = 0; i < MANY; i++) {
    const extra = i < FEW ? ` Đò ngang ${'qua '.repeat(i % 5)}bến.` : '';
    await writeFile(path.join(lib, `bai-${i}.txt`), `Phiên chợ số ${i}\n\nBuổi sáng ở chợ phiên thứ ${i}, người bán rau gọi nhau í ới bên bờ sông.${extra}\n`);
  }
  session = await FolioSession.open({ libraryRoot: lib, dataDir: path.join(tmp, 'data') });
  await session.searchReady;
  h = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
}, 120_000);
afterAll(async () => {
  await session?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('searchIds', () => {
  it('gives every match in the order of the result pages, past the pages a list loads', async () => {
    const all = await call(h, 'searchIds', { query: 'đò ngang' });
    expect(all.total).toBe(FEW);
    expect(all.ids).toHaveLength(FEW);
    const paged: string[] = [];
    for (let offset = 0; offset < FEW; offset += 50) paged.push(...(await call(h, 'searchPage', { query: 'đò ngang', limit: 50, offset })).hits.map((x) => x.id));
    expect(all.ids).toEqual(paged);
  });

  it('cuts a huge result set at the export limit and says how many match', async () => {
    const huge = await call(h, 'searchIds', { query: 'rau' });
    expect(huge.total).toBe(MANY);
    expect(huge.ids).toHaveLength(EXPORT_MAX_ARTICLES);
    expect(new Set(huge.ids).size).toBe(EXPORT_MAX_ARTICLES);
  });

  it('refuses paging options (it is the whole set) with a bad-request error', async () => {
    const r = await dispatch(h, 'searchIds', { query: 'rau', limit: 10 });
    expect(r.ok).toBe(false);
  });
});
