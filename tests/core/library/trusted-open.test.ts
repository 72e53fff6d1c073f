/**
 * Commands about a few articles open the library from its cache's summary and check only those
 * articles' files (issue 16 point 3, issue 18): an unchanged library gives what a full open
 * gives and writes nothing; a changed file of the named article is read again and equals a full
 * open; files not named are not even looked at (their change shows only at the next full open).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/library';
import { FolioSession } from '../../../src-main/core/session';
import type { Article } from '../../../src-main/shared/types';
import { folio } from '../../cli/run-cli';
import { countLoopTurns } from '../../support/event-loop';

const dirs: string[] = [];
const libs: Library[] = [];
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(root: string, dataDir: string, trustCache = false): Promise<Library> {
  const lib = await Library.open({ root, dataDir, workers: 0, trustCache });
  libs.push(lib);
  return lib;
}

const slogan = 'Tin Bến Đò - cập nhật hằng ngày';
const titles = ['Tin làng: chuyến đò sớm', 'Tin làng: cây cầu mới', 'Tin làng: phiên chợ rằm'];
/** A page of the site folder: its title, the slogan (furniture) around a body and a closing line. */
function site(i: number, body: string): string {
  return `${titles[i]}\n\n${slogan}\n\n${body}\n\nBà con trong xóm ai cũng vui vẻ kể lại chuyện này.\n\n${slogan}\n`;
}

function makeLibrary(): { root: string; data: string } {
  const base = mkdtempSync(join(tmpdir(), 'folio-trusted-'));
  dirs.push(base);
  const root = join(base, 'library');
  mkdirSync(join(root, 'site'), { recursive: true });
  const bodies = ['Đò ngang chở khách qua sông từ sáng sớm, người lái đò đã làm nghề này ba mươi năm.', 'Cầu mới sắp khánh thành ở đầu làng, bà con mong ngày đi chợ không còn phải chờ đò.', 'Chợ quê họp mỗi sáng ngày rằm, người bán mang rau, cá và gạo mới từ các xóm ven sông.'];
  bodies.forEach((b, i) => writeFileSync(join(root, 'site', `bai-${i}.txt`), site(i, b)));
  writeFileSync(join(root, 'song.vi.txt'), 'Dòng sông quê sau mùa mưa\n\nNước sông dâng cao sau mấy ngày mưa lớn, ruộng ven bờ ngập trắng và thuyền phải neo sát chân đê.\n\nNgười già trong xóm kể rằng đã lâu lắm rồi mới thấy nước lên nhanh như vậy.\n');
  writeFileSync(join(root, 'song.en.txt'), 'The home river after the rains\n\nThe river rose after several days of heavy rain, the riverside fields flooded and the boats moored close to the dyke.\n\nThe old people of the hamlet say they have not seen the water rise so fast in a long time.\n');
  return { root, data: join(base, 'data') };
}

const plain = (a: Article | readonly Article[] | undefined): unknown => JSON.parse(JSON.stringify(a));

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((n) => { const s = statSync(join(dir, n)); return [n, `${s.size}:${s.mtimeMs}`]; }));
}

/** Rewrites a file with new text and an mtime clearly after the cached one. */
function rewrite(path: string, text: string): void {
  writeFileSync(path, text);
  const t = new Date(Date.now() + 5000);
  utimesSync(path, t, t);
}

describe('trusted open (the summary, then the named articles checked)', () => {
  it('an unchanged library: the same articles as a full open, nothing written', async () => {
    const { root, data } = makeLibrary();
    const full = await open(root, data);
    const expected = plain(full.articles());
    await full.close();
    const before = snapshot(data);
    const trusted = await open(root, data, true);
    expect(trusted.isTrusted()).toBe(true);
    const id = trusted.get('site/bai-1.txt')?.id ?? '';
    expect(await trusted.verify([id])).toEqual({ added: [], changed: [], removed: [] });
    expect(plain(trusted.articles())).toEqual(expected);
    await trusted.close();
    expect(snapshot(data)).toEqual(before);
  });

  it("a changed file of the named article is read again and equals a full open; others are not looked at", async () => {
    const { root, data } = makeLibrary();
    const first = await open(root, data);
    const id = first.get('site/bai-1.txt')?.id ?? '';
    const pairBefore = plain(first.get('song.vi.txt'));
    await first.close();
    // The named file changes (its folder's furniture with it); an unrelated pair changes too.
    rewrite(join(root, 'site', 'bai-1.txt'), site(1, 'Cầu mới đã khánh thành, xe qua lại tấp nập suốt ngày và đò ngang chỉ còn chở khách đi chơi.'));
    rewrite(join(root, 'song.en.txt'), 'The home river after the rains\n\nThe water went down again by Sunday and the boats went back to their usual moorings.\n\nThe old people of the hamlet say the fields will be ready for planting soon.\n');
    const trusted = await open(root, data, true);
    const change = await trusted.verify([id]);
    expect(change.changed).toEqual([id]);
    const seen = plain(trusted.get(id));
    expect(JSON.stringify(seen)).toContain('xe qua lại tấp nập');
    // Not named, so not checked: the pair is still what the summary said.
    expect(plain(trusted.get('song.vi.txt'))).toEqual(pairBefore);
    await trusted.close();
    const full = await open(root, data);
    expect(seen).toEqual(plain(full.get(id)));
    expect(JSON.stringify(plain(full.get('song.vi.txt')))).toContain('went down again');
    // Every article of the folder whose furniture was recomputed also equals the full open.
    const trusted2 = await open(root, data, true);
    expect(plain(trusted2.articles())).toEqual(plain(full.articles()));
  });

  it('a named file that was deleted, or added since the summary, is seen', async () => {
    const { root, data } = makeLibrary();
    const first = await open(root, data);
    const gone = first.get('site/bai-2.txt')?.id ?? '';
    await first.close();
    rmSync(join(root, 'site', 'bai-2.txt'));
    writeFileSync(join(root, 'moi.txt'), 'Bài mới về bến đò\n\nMột bài vừa thêm vào thư viện kể chuyện người lái đò cuối cùng của làng và chiếc đò gỗ đã cũ.\n');
    const trusted = await open(root, data, true);
    const change = await trusted.verify([gone, 'moi.txt']);
    expect(change.removed).toContain(gone);
    expect(trusted.get(gone)).toBeUndefined();
    expect(trusted.get('moi.txt')?.versions[0]?.title).toBe('Bài mới về bến đò');
  });

  it('without a usable summary a trusted open scans like a full one', async () => {
    const { root, data } = makeLibrary();
    const trusted = await open(root, data, true);
    expect(trusted.isTrusted()).toBe(false);
    const full = await open(root, join(data, 'elsewhere'));
    expect(full.articles().length).toBe(4);
    expect(plain(trusted.articles())).toEqual(plain(full.articles()));
  });

  it('a search checks its hits: a changed hit is read again before it is shown', async () => {
    const { root, data } = makeLibrary();
    const s1 = await FolioSession.open({ libraryRoot: root, dataDir: data });
    await s1.searchReady;
    await s1.close();
    rewrite(join(root, 'site', 'bai-0.txt'), site(0, 'Đò ngang nghỉ chạy vì nước lũ, khách đi đường vòng qua cầu và người lái đò ở nhà vá lưới.'));
    const s2 = await FolioSession.open({ libraryRoot: root, dataDir: data, trustCache: true });
    const index = await s2.search();
    const hits = index?.search('đò ngang') ?? [];
    expect(hits.length).toBeGreaterThan(0);
    expect(await s2.verifyArticles(hits.map((h) => h.id))).toBe(true);
    const again = (await s2.search())?.search('"vá lưới"') ?? [];
    expect(again.map((h) => h.id)).toEqual([s2.library.get('site/bai-0.txt')?.id]);
    await s2.close();
  });

  it('folio show sees a changed article file and writes nothing when none changed', { timeout: 120_000 }, async () => {
    const { root, data } = makeLibrary();
    expect((await folio(['index', root, '--data', data])).code).toBe(0);
    const before = snapshot(data);
    const shown = await folio(['show', root, 'site/bai-1.txt', '--data', data, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(snapshot(data)).toEqual(before);
    rewrite(join(root, 'site', 'bai-1.txt'), site(1, 'Cầu mới mở cửa đón người đi bộ từ sáng nay, trẻ em rủ nhau ra cầu ngắm sông.'));
    const after = await folio(['show', root, 'site/bai-1.txt', '--data', data, '--json']);
    expect(after.code, after.stderr).toBe(0);
    const fullShow = await folio(['show', root, 'site/bai-1.txt', '--data', `${data}-full`, '--json']);
    // The same as a full open from scratch (ids aside: that one has a registry of its own).
    const { id: _a, ...seen } = JSON.parse(after.stdout) as { id: string; paragraphs: string[] };
    const { id: _b, ...full } = JSON.parse(fullShow.stdout) as { id: string };
    expect(seen).toEqual(full);
    expect(seen.paragraphs).toContain('Cầu mới mở cửa đón người đi bộ từ sáng nay, trẻ em rủ nhau ra cầu ngắm sông.');
  });
});

describe('warm start with the check behind (app and folio serve)', () => {
  it('answers from the summary at once, then the changes arrive as a library event', async () => {
    const { root, data } = makeLibrary();
    const s1 = await FolioSession.open({ libraryRoot: root, dataDir: data });
    await s1.searchReady;
    const oldTwo = s1.library.get('site/bai-2.txt')?.id ?? '';
    await s1.close();
    rewrite(join(root, 'site', 'bai-0.txt'), site(0, 'Đò ngang nghỉ chạy vì nước lũ, khách đi đường vòng qua cầu và người lái đò ở nhà vá lưới.'));
    rmSync(join(root, 'site', 'bai-2.txt'));
    writeFileSync(join(root, 'moi.txt'), 'Bài mới về bến đò\n\nMột bài vừa thêm vào thư viện kể chuyện người lái đò cuối cùng của làng và chiếc đò gỗ đã cũ.\n');

    const session = await FolioSession.open({ libraryRoot: root, dataDir: data, watch: true, reconcileBehind: true });
    const events: unknown[] = [];
    session.events.on('libraryChanged', (c) => events.push(c));
    // The first rows come from the summary: the deleted file is still listed, the new one not yet.
    const first = session.library.articles().map((a) => a.versions[0]?.path);
    expect(first).toContain('site/bai-2.txt');
    expect(first).not.toContain('moi.txt');
    await session.reconciled;
    const id0 = session.library.get('site/bai-0.txt')?.id;
    expect(events).toEqual([{ added: [session.library.get('moi.txt')?.id], changed: [id0], removed: [oldTwo] }]);
    await session.searchReady;
    expect((await session.search())?.search('"vá lưới"').map((h) => h.id)).toEqual([id0]);
    const after = plain(session.library.articles());
    await session.close();
    const full = await open(root, data);
    expect(after).toEqual(plain(full.articles()));
  });

  it('a check that finds every file as cached builds nothing again (the same list, no event)', async () => {
    const { root, data } = makeLibrary();
    await (await open(root, data)).close();
    libs.length = 0;
    const session = await FolioSession.open({ libraryRoot: root, dataDir: data, watch: true, reconcileBehind: true });
    const events: unknown[] = [];
    session.events.on('libraryChanged', (c) => events.push(c));
    const before = session.library.articles();
    await session.reconciled;
    // The very same list object: ids, pairs and furniture were not worked out again.
    expect(session.library.articles()).toBe(before);
    expect(session.library.isTrusted()).toBe(false);
    expect(events).toEqual([{ added: [], changed: [], removed: [] }]);
    await session.close();
  });

  it('rebuilding the list of a large library (an edit) lets requests through: the thread is not held', { timeout: 120_000 }, async () => {
    const base = mkdtempSync(join(tmpdir(), 'folio-rebuild-'));
    dirs.push(base);
    const root = join(base, 'library');
    mkdirSync(root);
    const COUNT = 2_000;
    for (let i = 0; i < COUNT; i++) writeFileSync(join(root, `bai-${i}.md`), `---\ntitle: Bài ${i} về bến đò\nlang: vi\n---\nĐoạn văn số ${i} kể chuyện bến đò và phiên chợ.\n`);
    // Slices of 0 ms: a rebuild that yields at all yields after every article, whatever the machine.
    const lib = await Library.open({ root, dataDir: join(base, 'data'), workers: 0, rebuildSliceMs: 0 });
    libs.push(lib);
    const id = lib.get('bai-7.md')?.id ?? '';
    // A hand edit rebuilds ids, pairs, the list and its signatures for all 2,000 articles (no file
    // is read): a 1 ms timer fires many times while it runs, not once or twice.
    const { value: change, turns } = await countLoopTurns(() => lib.editMetadata(id, { title: 'Bài bảy đã sửa' }));
    expect(change.changed).toEqual([id]);
    expect(lib.get(id)?.versions[0]?.title).toBe('Bài bảy đã sửa');
    expect(lib.articles()).toHaveLength(COUNT);
    // (43 turns here; 4 when the rebuild held the thread, the edit's own file writes.)
    expect(turns).toBeGreaterThan(12);
  });
});
