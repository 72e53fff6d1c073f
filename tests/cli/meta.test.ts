/** `folio meta`: hand edits of metadata and pairing, seen by list, search and Markdown export. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { folio } from './run-cli';

let tmp: string;
let lib: string;
let data: string;
const VI = 'Chợ quê sáng mùng một\n\nMỗi sáng mùng một, chợ quê họp sớm hơn thường lệ, người đi chợ mua hoa, mua trầu cau và những thức quà nhỏ để cúng đầu tháng.\n\nNhững gánh hàng rong từ các xóm xa cũng về đây, tiếng chào mời rộn ràng cả một góc đình làng.\n';
const EN = 'A village market on the first of the month\n\nOn the first morning of each lunar month the village market opens earlier than usual, and people buy flowers, betel and small treats for the offering.\n\nStreet vendors from distant hamlets come too, and their calls fill a whole corner of the communal house yard.\n';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-meta-cli-'));
  lib = path.join(tmp, 'library');
  data = path.join(tmp, 'data');
  await mkdir(lib);
  await writeFile(path.join(lib, 'cho.txt'), VI);
  await writeFile(path.join(lib, 'market.txt'), EN);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

interface Row { id: string; title: string; date: string | null; author: string | null; langs: string[]; tags: string[] }
async function list(): Promise<Row[]> {
  const r = await folio(['list', lib, '--data', data, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Row[];
}

describe('folio meta', () => {
  it('edits title, date, author and tags; list, search and Markdown export use them; the file is unchanged', async () => {
    const r = await folio(['meta', lib, 'cho.txt', '--title', 'Phiên chợ đầu tháng', '--date', '2025-03-01T06:30', '--author', 'Lê Hoa', '--tags', 'chợ,quê', '--data', data, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const row = (await list()).find((x) => x.title === 'Phiên chợ đầu tháng');
    expect(row).toMatchObject({ date: '2025-03-01T06:30:00', author: 'Lê Hoa', tags: ['chợ', 'quê'] });
    const s = await folio(['search', lib, 'phien cho dau thang', '--data', data, '--json']);
    expect((JSON.parse(s.stdout) as { title: string }[])[0]?.title).toBe('Phiên chợ đầu tháng');
    const md = path.join(tmp, 'notes.md');
    expect((await folio(['export', lib, row!.id, '--md', md, '--data', data])).code).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('Phiên chợ đầu tháng');
    expect(await readFile(path.join(lib, 'cho.txt'), 'utf8')).toBe(VI);
  });

  it('pairs two articles, unpairs them, and resets the edits', async () => {
    expect((await folio(['meta', lib, 'cho.txt', '--pair', 'market.txt', '--data', data])).code).toBe(0);
    expect((await list()).filter((x) => x.langs.join('+') === 'vi+en')).toHaveLength(1);
    expect((await folio(['meta', lib, 'cho.txt', '--unpair', '--data', data])).code).toBe(0);
    expect(await list()).toHaveLength(2);
    expect((await folio(['meta', lib, 'cho.txt', '--reset', '--data', data])).code).toBe(0);
    expect((await list()).map((x) => x.title)).toContain('Chợ quê sáng mùng một');
  });

  it('refuses a bad date with a one-line message and changes nothing', async () => {
    const r = await folio(['meta', lib, 'cho.txt', '--date', '31/12/2020', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--date: date must be YYYY-MM-DD/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
