import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, appendFileSync, unlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library, encode, type LibraryChange } from '../../../src-main/core/library/index';

const dirs: string[] = [];
const libs: Library[] = [];
function tmp(): { root: string; data: string } {
  const base = mkdtempSync(join(tmpdir(), 'folio-lib-'));
  dirs.push(base);
  const root = join(base, 'library');
  mkdirSync(root);
  return { root, data: join(base, 'data') };
}
async function open(root: string, data: string, extra: Partial<Parameters<typeof Library.open>[0]> = {}): Promise<Library> {
  const lib = await Library.open({ root, dataDir: data, ...extra });
  libs.push(lib);
  return lib;
}
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
  for (const d of dirs.splice(0)) { try { chmodSync(join(d, 'library', 'locked.txt'), 0o644); } catch { /* none */ } rmSync(d, { recursive: true, force: true }); }
});

const VI_TEXT = 'Lớp học đêm ở xóm chài\n\n20/11/2021 - 19:30\n\nMỗi tối thứ ba và thứ năm, căn phòng nhỏ cạnh bến cá lại sáng đèn để các ngư dân lớn tuổi học đọc, học viết những chữ đầu tiên trong đời mình.\n\nCô giáo về hưu dạy lớp không lấy tiền, chỉ mong mọi người đọc được tin nhắn của con cháu và tự ký tên vào giấy tờ.\n\nHải Yến\n';
const EN_TEXT = 'Night class in the fishing hamlet\n\nNovember 20, 2021\n\nEvery Tuesday and Thursday evening the small room by the fish landing lights up so that older fishermen can learn to read and write their first words.\n\nA retired teacher runs the class for free, hoping everyone will be able to read messages from their grandchildren.\n';

describe('Library scan', () => {
  it('gives identical articles for NFC and NFD copies of a file', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'nfc.txt'), VI_TEXT.normalize('NFC'));
    writeFileSync(join(root, 'nfd.txt'), VI_TEXT.normalize('NFD'));
    const lib = await open(root, data);
    const [a, b] = [lib.get('nfc.txt')?.versions[0], lib.get('nfd.txt')?.versions[0]];
    expect(a?.paragraphs).toEqual(b?.paragraphs);
    expect({ ...a, fileId: '', path: '', size: 0, mtimeMs: 0 }).toEqual({ ...b, fileId: '', path: '', size: 0, mtimeMs: 0 });
    expect(a?.title).toBe('Lớp học đêm ở xóm chài');
    expect(a?.lang).toBe('vi');
  });

  it('reads every encoding from disk and records it', async () => {
    const { root, data } = tmp();
    for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'] as const) writeFileSync(join(root, `${enc}.txt`), encode(VI_TEXT, enc));
    const lib = await open(root, data);
    for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni']) {
      const v = lib.get(`${enc}.txt`)?.versions[0];
      expect(v?.encoding).toBe(enc);
      expect(v?.title).toBe('Lớp học đêm ở xóm chài');
      expect(await lib.rawText(`${enc}.txt`)).toBe(VI_TEXT);
    }
  });

  it('scans a folder of broken files completely and reports each', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'good.txt'), VI_TEXT);
    writeFileSync(join(root, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    writeFileSync(join(root, 'empty.md'), '');
    writeFileSync(join(root, 'big.txt'), 'a'.repeat(5000));
    writeFileSync(join(root, 'locked.txt'), VI_TEXT);
    chmodSync(join(root, 'locked.txt'), 0o000);
    mkdirSync(join(root, 'loop'));
    symlinkSync(join(root, 'loop'), join(root, 'loop', 'again'));
    const outside = mkdtempSync(join(tmpdir(), 'folio-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.txt'), EN_TEXT);
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    mkdirSync(join(root, '.folio'));
    writeFileSync(join(root, '.folio', 'hidden.txt'), VI_TEXT);
    writeFileSync(join(root, 'photo.jpg'), 'not an article');
    // A file that vanishes between listing and reading.
    for (let i = 0; i < 60; i++) writeFileSync(join(root, `filler-${String(i).padStart(2, '0')}.txt`), EN_TEXT.replace('Night', `Night ${i}`));
    writeFileSync(join(root, 'zz-vanish.txt'), EN_TEXT);
    const lib = await open(root, data, {
      maxFileBytes: 4000,
      onProgress: (p) => { if (p.phase === 'scanning' && p.done >= 50 && existsSync(join(root, 'zz-vanish.txt'))) unlinkSync(join(root, 'zz-vanish.txt')); },
    });
    const reasons = Object.fromEntries(lib.status().skipped.map((s) => [s.path, s.reason]));
    expect(reasons['binary.txt']).toBe('binary');
    expect(reasons['empty.md']).toBe('empty');
    expect(reasons['big.txt']).toBe('too-large');
    expect(reasons['loop/again']).toBe('unreadable');
    expect(reasons['escape.txt']).toBe('outside-library');
    expect(lib.status().skipped.find((s) => s.path === 'escape.txt')?.message).toMatch(/outside the library/);
    expect(reasons['zz-vanish.txt']).toBe('vanished');
    if (process.getuid?.() !== 0) expect(reasons['locked.txt']).toBe('unreadable');
    expect(lib.get('good.txt')).toBeDefined();
    expect(lib.articles().some((a) => a.versions[0]?.path.startsWith('.folio'))).toBe(false);
    expect(lib.status().articleCount).toBeGreaterThanOrEqual(61);
    expect(lib.status().progress.phase).toBe('ready');
    chmodSync(join(root, 'locked.txt'), 0o644);
  });

  it('reports files beyond maxFiles as limit-reached', async () => {
    const { root, data } = tmp();
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `f${i}.txt`), EN_TEXT);
    const lib = await open(root, data, { maxFiles: 3 });
    expect(lib.articles()).toHaveLength(3);
    expect(lib.status().skipped.filter((s) => s.reason === 'limit-reached')).toHaveLength(2);
  });

  it('pairs translations by name, by folder and by front-matter link, vi first', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'night.en.txt'), EN_TEXT);
    writeFileSync(join(root, 'night.vi.txt'), VI_TEXT);
    mkdirSync(join(root, 'x', 'vi'), { recursive: true });
    mkdirSync(join(root, 'x', 'en'), { recursive: true });
    writeFileSync(join(root, 'x', 'vi', 'class.txt'), VI_TEXT);
    writeFileSync(join(root, 'x', 'en', 'class.txt'), EN_TEXT);
    writeFileSync(join(root, 'goc.md'), `---\ntitle: Lớp học đêm\ntranslation: dich/english.md\n---\n${VI_TEXT}`);
    mkdirSync(join(root, 'dich'));
    writeFileSync(join(root, 'dich', 'english.md'), `---\ntitle: Night class\nlang: en\n---\n${EN_TEXT}`);
    const lib = await open(root, data);
    expect(lib.status().pairCount).toBe(3);
    for (const p of ['night.vi.txt', 'x/en/class.txt', 'dich/english.md']) {
      const a = lib.get(p);
      expect(a?.versions.map((v) => v.lang)).toEqual(['vi', 'en']);
      for (const v of a?.versions ?? []) expect(lib.get(v.fileId)).toBe(a);
    }
  });

  it('removes lines repeated across pages of the same site (furniture pass)', async () => {
    const { root, data } = tmp();
    const page = (n: number): string => `Bản tin Xóm Chài - tiếng nói của làng biển\n\nTin số ${n}: thuyền về bến an toàn\n\n01/0${n}/2021\n\nĐoàn thuyền số ${n} của hợp tác xã đã cập bến an toàn sau chuyến đi biển kéo dài mười ngày, mang về nhiều cá thu và mực.\n\nCác gia đình ra bến đón người thân từ sáng sớm, không khí rộn ràng như ngày hội.\n\nMời bạn đọc gửi tin bài về tòa soạn\n`;
    for (let n = 1; n <= 3; n++) writeFileSync(join(root, `tin-${n}.txt`), page(n));
    const lib = await open(root, data);
    for (const a of lib.articles()) {
      const texts = a.versions[0]?.paragraphs.map((p) => p.text) ?? [];
      expect(texts).toHaveLength(2);
      expect(texts.join(' ')).not.toMatch(/Mời bạn đọc|tiếng nói của làng biển/);
    }
  });
});

describe('Library identity, cache and watching', () => {
  it('keeps ids across restart, edit in place and rename', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'a.txt'), VI_TEXT);
    writeFileSync(join(root, 'b.txt'), EN_TEXT);
    const first = await open(root, data);
    const idA = first.get('a.txt')?.id;
    const idB = first.get('b.txt')?.id;
    await first.close();
    const second = await open(root, data);
    expect(second.get('a.txt')?.id).toBe(idA);
    await second.close();
    renameSync(join(root, 'a.txt'), join(root, 'moved.txt'));
    appendFileSync(join(root, 'b.txt'), '\nOne more line added by the reader at the very end of the story.\n');
    const third = await open(root, data);
    expect(third.get('moved.txt')?.id).toBe(idA);
    expect(third.get('a.txt')).toBeUndefined();
    expect(third.get('b.txt')?.id).toBe(idB);
    expect(third.get(idA ?? '')?.versions[0]?.path).toBe('moved.txt');
  });

  it('reuses the cache for unchanged files and ignores a corrupt cache', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'a.txt'), VI_TEXT);
    const first = await open(root, data);
    const before = first.articles();
    await first.close();
    const cache = JSON.parse(readFileSync(join(data, 'library-cache.json'), 'utf8')) as { entries: Record<string, { version: { title: string } }> };
    const entry = cache.entries['a.txt'];
    if (entry) entry.version.title = 'FROM CACHE';
    writeFileSync(join(data, 'library-cache.json'), JSON.stringify(cache));
    const warm = await open(root, data);
    expect(warm.get('a.txt')?.versions[0]?.title).toBe('FROM CACHE'); // not re-read: size+mtime match
    await warm.close();
    writeFileSync(join(data, 'library-cache.json'), '{ not json');
    const cold = await open(root, data);
    expect(cold.articles()).toEqual(before);
  });

  it('resolveInside refuses paths that leave the library', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'a.txt'), VI_TEXT);
    symlinkSync(tmpdir(), join(root, 'out'));
    const lib = await open(root, data);
    expect(lib.resolveInside('a.txt')).toBe(join(root, 'a.txt'));
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\0b', '..\\x', 'out/x.txt']) {
      expect(() => lib.resolveInside(bad)).toThrow(expect.objectContaining({ code: 'outside-library' }));
    }
  });

  it('watcher reports add, change and remove, keeping ids', async () => {
    const { root, data } = tmp();
    writeFileSync(join(root, 'a.txt'), VI_TEXT);
    const lib = await open(root, data);
    const idA = lib.get('a.txt')?.id ?? '';
    const changes: LibraryChange[] = [];
    await lib.watch((c) => changes.push(c));
    // A generous wait (not a speed requirement): a busy machine delays file events.
    const next = async (): Promise<LibraryChange> => {
      await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0), { timeout: 30_000, interval: 25 });
      return changes.shift() as LibraryChange;
    };
    writeFileSync(join(root, 'b.txt'), EN_TEXT);
    const added = await next();
    expect(added.added).toHaveLength(1);
    expect(lib.get('b.txt')?.id).toBe(added.added[0]);
    appendFileSync(join(root, 'a.txt'), '\nMột dòng mới được thêm vào cuối bài để thử trình theo dõi thư mục.\n');
    expect(await next()).toEqual({ added: [], changed: [idA], removed: [] });
    expect(lib.get('a.txt')?.id).toBe(idA);
    unlinkSync(join(root, 'b.txt'));
    expect((await next()).removed).toHaveLength(1);
    expect(lib.get('b.txt')).toBeUndefined();
  });
});
