import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, pairVersions } from '../../../src-main/core/library/index';
import { langFromPath } from '../../../src-main/core/library/read-file';
import { parseMarkdown } from '../../../src-main/core/library/parse/markdown';

const VI = 'Chợ quê sáng mùng một\n\nMỗi sáng mùng một, chợ quê họp sớm hơn thường lệ, người đi chợ mua hoa, mua trầu cau và những thức quà nhỏ để cúng đầu tháng.\n\nNhững gánh hàng rong từ các xóm xa cũng về đây, tiếng chào mời rộn ràng cả một góc đình làng.\n';
const EN = 'A village market on the first of the month\n\nOn the first morning of each lunar month the village market opens earlier than usual, and people buy flowers, betel and small treats for the offering.\n\nStreet vendors from distant hamlets come too, and their calls fill a whole corner of the communal house yard.\n';

const dirs: string[] = [];
const libs: Library[] = [];
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('pairing conventions', () => {
  it('pairs -en/-vi/_en/_vi suffixes with each other and with the bare base name', () => {
    const groups = pairVersions([
      { path: 'cho-que.txt', lang: 'vi' },
      { path: 'cho-que-en.txt', lang: 'en' },
      { path: 'notes/river_vi.md', lang: 'vi' },
      { path: 'notes/river_en.md', lang: 'en' },
      { path: 'hue.md', lang: 'en' },
      { path: 'hue_vi.md', lang: 'vi' },
      { path: 'lone-en.txt', lang: 'en' },
      { path: 'review.txt', lang: 'en' },
    ]);
    expect(groups).toEqual([
      ['cho-que.txt', 'cho-que-en.txt'],
      ['hue_vi.md', 'hue.md'],
      ['lone-en.txt'],
      ['notes/river_vi.md', 'notes/river_en.md'],
      ['review.txt'],
    ]);
  });

  it('does not pair a suffixed file with a base of the same language, nor an ambiguous base', () => {
    expect(pairVersions([{ path: 'a.txt', lang: 'en' }, { path: 'a-en.txt', lang: 'en' }])).toEqual([['a-en.txt'], ['a.txt']]);
    expect(pairVersions([{ path: 'b.txt', lang: 'vi' }, { path: 'b.md', lang: 'vi' }, { path: 'b-en.txt', lang: 'en' }])).toHaveLength(3);
  });

  it('pairs two files sharing a front-matter id in different languages, never three', () => {
    expect(pairVersions([
      { path: 'x/one.md', lang: 'en', pairId: 'market-01' },
      { path: 'y/mot.md', lang: 'vi', pairId: 'market-01' },
      { path: 'p.md', lang: 'vi', pairId: 'dup' },
      { path: 'q.md', lang: 'en', pairId: 'dup' },
      { path: 'r.md', lang: 'en', pairId: 'dup' },
    ])).toEqual([['p.md'], ['q.md'], ['r.md'], ['y/mot.md', 'x/one.md']]);
  });

  it('reads translation_of:, id: and lang: from front matter, and suffixes as a language hint', () => {
    const md = parseMarkdown('---\ntitle: Chợ quê\nlang: vi\nid: market-01\ntranslation_of: "[[market.en]]"\n---\nMột đoạn.\n');
    expect(md.meta.translation).toBe('market.en');
    expect(md.meta.pairId).toBe('market-01');
    expect(md.meta.lang).toBe('vi');
    expect(langFromPath('a/cho-que-en.txt')).toBe('en');
    expect(langFromPath('a/cho_que_vi.md')).toBe('vi');
    expect(langFromPath('a/review.txt')).toBeNull();
  });

  it('a library pairs by suffix beside the base, by translation_of: and by shared id', async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-pair-'));
    const data = mkdtempSync(join(tmpdir(), 'folio-pair-data-'));
    dirs.push(root, data);
    writeFileSync(join(root, 'cho-que.txt'), VI);
    writeFileSync(join(root, 'cho-que-en.txt'), EN);
    mkdirSync(join(root, 'goc'));
    writeFileSync(join(root, 'goc', 'bai.md'), `---\ntitle: Chợ quê\n---\n${VI}`);
    writeFileSync(join(root, 'goc', 'english.md'), `---\ntitle: Village market\ntranslation_of: bai.md\n---\n${EN}`);
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'a', 'one.md'), `---\nid: cho-01\nlang: vi\n---\n${VI}`);
    writeFileSync(join(root, 'b', 'two.md'), `---\nid: cho-01\nlang: en\n---\n${EN}`);
    const lib = await Library.open({ root, dataDir: data, workers: 0 });
    libs.push(lib);
    expect(lib.status().pairCount).toBe(3);
    for (const p of ['cho-que-en.txt', 'goc/english.md', 'b/two.md']) expect(lib.get(p)?.versions.map((v) => v.lang)).toEqual(['vi', 'en']);
  });
});
