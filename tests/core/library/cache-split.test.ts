/**
 * The two-part library cache: a warm open equals a full (cold) open while reading no article's
 * paragraphs; damaged or truncated parts are read again with a message; an unchanged library
 * writes nothing; the single-file format 5 is migrated without losing hand edits.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../../src-main/core/library/library';
import { paragraphsLoaded } from '../../../src-main/core/library/lazy-version';
import type { Article } from '../../../src-main/shared/types';

const dirs: string[] = [];
const libs: Library[] = [];
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function open(root: string, dataDir: string): Promise<Library> {
  const lib = await Library.open({ root, dataDir, workers: 0 });
  libs.push(lib);
  return lib;
}

/** A small library: a site folder with furniture, a translation pair, Markdown and HTML. */
function makeLibrary(): { root: string; data: string; fresh: string } {
  const base = mkdtempSync(join(tmpdir(), 'folio-cache-split-'));
  dirs.push(base);
  const root = join(base, 'library');
  mkdirSync(join(root, 'site'), { recursive: true });
  const slogan = 'Báo Làng Chài - tin tức mỗi ngày';
  const bodies = [
    'Mùa cá cơm năm nay đến sớm, thuyền về bến từ lúc trời chưa sáng.',
    'Hợp tác xã mở thêm lớp dạy bơi cho trẻ em vùng biển vào dịp hè.',
    'Con đường ven đê được trải nhựa, xe chở cá không còn sa lầy.',
    'Thư viện xã nhận thêm hai trăm đầu sách do người dân quyên góp.',
  ];
  const tails = ['Bà con mừng vì giá cá ổn định.', 'Các em háo hức chờ ngày khai giảng lớp.', 'Chợ phiên cuối tuần đông vui hơn hẳn.', 'Trẻ nhỏ đến đọc truyện mỗi chiều.'];
  bodies.forEach((b, i) => writeFileSync(join(root, 'site', `tin-${i}.txt`), `Tin làng ${'ABCD'[i]}\n\n${slogan}\n\n${b}\n\n${tails[i]}\n\n${slogan}\n`));
  writeFileSync(join(root, 'dem.vi.txt'), 'Lớp học đêm ở xóm chài\n\nMỗi tối thứ ba và thứ năm, căn phòng nhỏ cạnh bến cá lại sáng đèn để các ngư dân lớn tuổi học đọc, học viết.\n\nCô giáo về hưu dạy lớp không lấy tiền, chỉ mong mọi người đọc được tin nhắn của con cháu.\n');
  writeFileSync(join(root, 'dem.en.txt'), 'Night class in the fishing hamlet\n\nEvery Tuesday and Thursday evening the small room by the fish landing lights up so that older fishermen can learn to read and write.\n\nA retired teacher runs the class for free, hoping everyone will read messages from their grandchildren.\n');
  writeFileSync(join(root, 'ghi-chu.md'), '---\ntitle: Ghi chép về nghề lưới\ntags: [biển, nghề]\n---\n\n# Nghề lưới\n\nNgười già trong làng vẫn *đan lưới* bằng tay.\n\n- sợi gai\n- sợi cước\n');
  writeFileSync(join(root, 'trang.html'), '<html><head><title>Chợ cá sáng sớm</title></head><body><article><h1>Chợ cá sáng sớm</h1><p>Chợ họp từ bốn giờ sáng, tiếng rao vang cả bãi.</p><p>Cá tươi được bán hết trước khi mặt trời lên.</p></article></body></html>');
  return { root, data: join(base, 'data'), fresh: join(base, 'fresh') };
}

const plain = (articles: readonly Article[]): unknown => JSON.parse(JSON.stringify(articles));

/** Name, size and mtime of every file in `dir`. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((n) => { const s = statSync(join(dir, n)); return [n, `${s.size}:${s.mtimeMs}`]; }));
}

function paragraphsFile(data: string): string {
  const name = readdirSync(data).find((n) => n.startsWith('library-paragraphs-'));
  if (!name) throw new Error('no paragraphs file');
  return join(data, name);
}

describe('two-part library cache', () => {
  it('a warm open equals a cold one and reads no paragraphs until asked', async () => {
    const { root, data, fresh } = makeLibrary();
    const cold = await open(root, data);
    const expected = plain(cold.articles());
    // Furniture was found (the slogan), so the warm open must reproduce the cut without reading.
    const siteText = cold.articles().filter((a) => a.id === cold.get('site/tin-0.txt')?.id).flatMap((a) => a.versions[0]?.paragraphs.map((p) => p.text) ?? []);
    expect(siteText.length).toBe(2);
    expect(siteText.join('\n')).not.toContain('Báo Làng Chài');
    await cold.close();
    const warm = await open(root, data);
    const versions = warm.articles().flatMap((a) => a.versions);
    expect(versions.length).toBe(8);
    expect(versions.filter((v) => paragraphsLoaded(v))).toEqual([]);
    const shown = warm.get('site/tin-2.txt');
    expect(shown?.versions[0]?.paragraphs.map((p) => p.text)).toEqual(['Con đường ven đê được trải nhựa, xe chở cá không còn sa lầy.', 'Chợ phiên cuối tuần đông vui hơn hẳn.']);
    expect(versions.filter((v) => paragraphsLoaded(v)).map((v) => v.path)).toEqual(['site/tin-2.txt']);
    expect(plain(warm.articles())).toEqual(expected);
    // And both equal a library opened with no cache at all.
    const other = await open(root, fresh);
    expect(plain(other.articles())).toEqual(expected);
  });

  it('an unchanged library writes nothing on open, reading or rescan', async () => {
    const { root, data } = makeLibrary();
    await (await open(root, data)).close();
    const before = snapshot(data);
    await new Promise((r) => setTimeout(r, 20));
    const warm = await open(root, data);
    for (const a of warm.articles()) for (const v of a.versions) expect(v.paragraphs.length).toBeGreaterThan(0);
    await warm.rescan();
    await warm.close();
    expect(snapshot(data)).toEqual(before);
  });

  it('a damaged summary is rebuilt whole, with a message', async () => {
    const { root, data } = makeLibrary();
    const expected = plain((await open(root, data)).articles());
    writeFileSync(join(data, 'library-cache.json'), '{"format":6,"root":');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lib = await open(root, data);
    expect(plain(lib.articles())).toEqual(expected);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/library cache .* is damaged.*read again/);
    expect((JSON.parse(readFileSync(join(data, 'library-cache.json'), 'utf8')) as { format: number }).format).toBe(6);
  });

  it('a truncated paragraphs file: the articles past the cut are read again, with a message', async () => {
    const { root, data } = makeLibrary();
    const expected = plain((await open(root, data)).articles());
    const file = paragraphsFile(data);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lib = await open(root, data);
    expect(plain(lib.articles())).toEqual(expected);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/cut short: \d+ articles? (is|are) read again/);
    // Saved whole again: the next open needs nothing re-read.
    errors.mockClear();
    const again = await open(root, data);
    expect(plain(again.articles())).toEqual(expected);
    expect(errors).not.toHaveBeenCalled();
  });

  it('a record damaged in place is read from the file again, and the cache repaired', async () => {
    const { root, data } = makeLibrary();
    const expected = plain((await open(root, data)).articles());
    const file = paragraphsFile(data);
    const bytes = readFileSync(file);
    // Same length, different text: only the record's hash can tell.
    const at = bytes.indexOf(Buffer.from('thuyền'));
    expect(at).toBeGreaterThan(0);
    bytes.write('THUYỀN', at);
    writeFileSync(file, bytes);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lib = await open(root, data);
    expect(plain(lib.articles())).toEqual(expected);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/cached text of site\/tin-0\.txt is damaged/);
    await lib.rescan();
    errors.mockClear();
    const again = await open(root, data);
    expect(plain(again.articles())).toEqual(expected);
    expect(errors).not.toHaveBeenCalled();
  });

  it('migrates a format-5 cache: its parses are used, hand edits kept, then saved as format 6', async () => {
    const { root, data } = makeLibrary();
    const first = await open(root, data);
    const id = first.get('dem.vi.txt')?.id ?? '';
    await first.editMetadata(id, { title: 'Lớp học đêm (sửa tay)' }, 'vi');
    await first.close();
    // Build the old single-file cache from the new one: same parses, paragraphs inline.
    const summary = JSON.parse(readFileSync(join(data, 'library-cache.json'), 'utf8')) as { root: string; entries: Record<string, { version: Record<string, unknown>; translation: string | null; pairId?: string | null; at: [number, number, string] }> };
    const text = readFileSync(paragraphsFile(data));
    const entries = Object.fromEntries(Object.entries(summary.entries).map(([rel, e]) => {
      const paragraphs = JSON.parse(text.subarray(e.at[0], e.at[0] + e.at[1]).toString('utf8')) as Array<{ text: string }>;
      // A mark only the cache holds: proves the migrated parse is used, not a re-read.
      if (rel === 'ghi-chu.md' && paragraphs[0]) paragraphs[0].text = 'TỪ BỘ ĐỆM CŨ';
      return [rel, { version: { ...e.version, paragraphs }, translation: e.translation, pairId: e.pairId ?? null }];
    }));
    unlinkSync(paragraphsFile(data));
    writeFileSync(join(data, 'library-cache.json'), JSON.stringify({ format: 5, root: summary.root, entries }));
    const migrated = await open(root, data);
    expect(migrated.get('ghi-chu.md')?.versions[0]?.paragraphs[0]?.text).toBe('TỪ BỘ ĐỆM CŨ');
    expect(migrated.get(id)?.versions.find((v) => v.lang === 'vi')?.title).toBe('Lớp học đêm (sửa tay)');
    await migrated.close();
    expect((JSON.parse(readFileSync(join(data, 'library-cache.json'), 'utf8')) as { format: number }).format).toBe(6);
    const warm = await open(root, data);
    expect(warm.get('ghi-chu.md')?.versions[0]?.paragraphs[0]?.text).toBe('TỪ BỘ ĐỆM CŨ');
    expect(warm.get(id)?.versions.find((v) => v.lang === 'vi')?.title).toBe('Lớp học đêm (sửa tay)');
  });
});
