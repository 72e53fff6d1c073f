import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/index';
import { MetadataEditSchema } from '../../../src-main/core/library/metadata-edits';

const VI = 'Chợ quê sáng mùng một\n\nMỗi sáng mùng một, chợ quê họp sớm hơn thường lệ, người đi chợ mua hoa, mua trầu cau và những thức quà nhỏ để cúng đầu tháng.\n\nNhững gánh hàng rong từ các xóm xa cũng về đây, tiếng chào mời rộn ràng cả một góc đình làng.\n';
const EN = 'A village market on the first of the month\n\nOn the first morning of each lunar month the village market opens earlier than usual, and people buy flowers, betel and small treats for the offering.\n\nStreet vendors from distant hamlets come too, and their calls fill a whole corner of the communal house yard.\n';

const dirs: string[] = [];
const libs: Library[] = [];
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function setup(files: Record<string, string>): Promise<{ root: string; data: string; open: () => Promise<Library> }> {
  const root = mkdtempSync(join(tmpdir(), 'folio-meta-'));
  const data = mkdtempSync(join(tmpdir(), 'folio-meta-data-'));
  dirs.push(root, data);
  for (const [p, t] of Object.entries(files)) writeFileSync(join(root, p), t);
  const open = async (): Promise<Library> => { const l = await Library.open({ root, dataDir: data, workers: 0 }); libs.push(l); return l; };
  return { root, data, open };
}

describe('metadata edits by hand', () => {
  it('override the parsed fields, live in .folio only, and survive a restart and a rename', async () => {
    const { root, data, open } = await setup({ 'cho.txt': VI });
    const lib = await open();
    const id = lib.articles()[0]!.id;
    await lib.editMetadata(id, { title: 'Chợ phiên đầu tháng', date: '2025-03-01T06:30', author: 'Lê Hoa', source: 'Báo Làng', tags: ['chợ', 'tết'] });
    const v = lib.get(id)!.versions[0]!;
    expect([v.title, v.date, v.author, v.source, v.tags]).toEqual(['Chợ phiên đầu tháng', '2025-03-01T06:30:00', 'Lê Hoa', 'Báo Làng', ['chợ', 'tết']]);
    expect(readFileSync(join(root, 'cho.txt'), 'utf8')).toBe(VI);
    expect(existsSync(join(data, 'metadata-edits.json'))).toBe(true);
    await lib.close();
    renameSync(join(root, 'cho.txt'), join(root, 'cho-que.txt'));
    const again = await open();
    const moved = again.get('cho-que.txt')!;
    expect(moved.id).toBe(id);
    expect(moved.versions[0]!.title).toBe('Chợ phiên đầu tháng');
    await again.rescan();
    expect(again.get(id)!.versions[0]!.author).toBe('Lê Hoa');
  });

  it('reset brings back what the parser found', async () => {
    const { open } = await setup({ 'cho.txt': VI });
    const lib = await open();
    const id = lib.articles()[0]!.id;
    const change = await lib.editMetadata(id, { title: 'Khác' });
    expect(change.changed).toEqual([id]);
    await lib.resetMetadata(id);
    expect(lib.get(id)!.versions[0]!.title).toBe('Chợ quê sáng mùng một');
  });

  it('pairs two articles by hand and unpairs a pair, across restarts', async () => {
    const { open } = await setup({ 'mot.txt': VI, 'two.txt': EN, 'cho.vi.txt': VI, 'cho.en.txt': EN.replace('village', 'country') });
    const lib = await open();
    expect(lib.status().pairCount).toBe(1);
    await lib.pairArticles('mot.txt', 'two.txt');
    await lib.unpairArticle('cho.vi.txt');
    expect(lib.get('mot.txt')!.versions.map((v) => v.path)).toEqual(['mot.txt', 'two.txt']);
    expect(lib.get('cho.vi.txt')!.versions).toHaveLength(1);
    await lib.close();
    const again = await open();
    expect(again.status().pairCount).toBe(1);
    expect(again.get('two.txt')!.versions.map((v) => v.lang)).toEqual(['vi', 'en']);
    await expect(again.pairArticles('mot.txt', 'cho.en.txt')).rejects.toThrow(/one language version/);
  });

  it('changing the language of a version re-pairs by the new language', async () => {
    const { open } = await setup({ 'a.txt': VI, 'b.txt': VI.replace('Chợ quê', 'Phiên chợ') });
    const lib = await open();
    await lib.editMetadata('b.txt', { lang: 'en' });
    await lib.pairArticles('a.txt', 'b.txt');
    expect(lib.get('a.txt')!.versions.map((v) => v.lang)).toEqual(['vi', 'en']);
  });

  it('rejects bad values with a clear message', () => {
    expect(MetadataEditSchema.safeParse({ date: '31/12/2020' }).success).toBe(false);
    expect(MetadataEditSchema.safeParse({ lang: 'fr' }).success).toBe(false);
    expect(MetadataEditSchema.safeParse({ title: '  ' }).success).toBe(false);
    expect(MetadataEditSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('a damaged edits file is ignored, then kept aside (never overwritten) at the next edit', async () => {
    const { data, open } = await setup({ 'cho.txt': VI });
    writeFileSync(join(data, 'metadata-edits.json'), '{ not json');
    const lib = await open();
    expect(lib.articles()[0]!.versions[0]!.title).toBe('Chợ quê sáng mùng một');
    expect(readFileSync(join(data, 'metadata-edits.json'), 'utf8')).toBe('{ not json');
    await lib.editMetadata('cho.txt', { title: 'Mới' });
    const aside = readdirSync(data).filter((f) => f.startsWith('metadata-edits.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(data, aside[0]!), 'utf8')).toBe('{ not json');
  });
});
