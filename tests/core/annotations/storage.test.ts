/**
 * A full disk and a read-only folder, with the kernel's own errors: a full disk refuses the write
 * as 'disk-full' and loses nothing; a read-only library opens for reading and refuses writes as
 * 'read-only'. The tmpfs tests mount small file systems and are skipped where mounting is not
 * allowed (they need root); the /dev/full test runs on any Linux.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { tempDataDir } from './helpers';

const mounts: string[] = [];
afterEach(async () => {
  for (const m of mounts.splice(0)) {
    try {
      execFileSync('umount', [m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
    await rm(m, { recursive: true, force: true });
  }
});

/** Mounts a tmpfs of `size` (e.g. "256k"); null where mounting is not permitted. */
async function tmpfs(size: string): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-fs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}

/** Fills the file system holding `dir` until the kernel says ENOSPC; returns the filler's path. */
async function fill(dir: string): Promise<string> {
  const filler = path.join(dir, 'filler.bin');
  const chunk = Buffer.alloc(4096, 1);
  for (;;) {
    try {
      await writeFile(filler, chunk, { flag: 'a' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return filler;
      throw err;
    }
  }
}

describe('a full disk', () => {
  it('refuses a write as disk-full when the journal append fails, and loses nothing (/dev/full)', async () => {
    if (!existsSync('/dev/full')) return;
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const kept = await store.createNote({ articleId: 'a', lang: 'vi', note: 'đã lưu' });
    await store.compact();
    const journal = path.join(dir, 'annotations.journal');
    const header = await readFile(journal, 'utf8');
    await unlink(journal);
    await symlink('/dev/full', journal); // every append now gets ENOSPC from the kernel
    await expect(store.createNote({ articleId: 'a', lang: 'vi', note: 'không lưu được' })).rejects.toMatchObject({
      code: 'disk-full',
      message: expect.stringMatching(/^The disk is full: the annotation was not saved, and nothing saved before was lost/),
    });
    await expect(store.update(kept.id, { note: 'sửa' })).rejects.toMatchObject({ code: 'disk-full' });
    expect(store.list().map((a) => [a.id, a.note])).toEqual([[kept.id, 'đã lưu']]);
    // Space is back: the next write succeeds and everything is there after a restart.
    await unlink(journal);
    await writeFile(journal, header);
    const later = await store.createNote({ articleId: 'a', lang: 'vi', note: 'lưu sau' });
    const { store: again, report } = await AnnotationStore.open(dir);
    expect(report).toEqual({ invalidRecords: 0 });
    expect(again.list().map((a) => a.id).sort()).toEqual([kept.id, later.id].sort());
  });

  it('on a really full file system: writes fail as disk-full, opening still reads everything, nothing is lost', async () => {
    const mnt = await tmpfs('512k');
    if (!mnt) return; // needs root to mount
    const dir = path.join(mnt, '.folio');
    const { store } = await AnnotationStore.open(dir);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.createNote({ articleId: 'a', lang: 'en', note: `note ${i}` })).id);
    const filler = await fill(mnt);
    // A note bigger than a page needs new blocks: the kernel refuses them.
    await expect(store.createNote({ articleId: 'a', lang: 'en', note: 'x'.repeat(20_000) })).rejects.toMatchObject({ code: 'disk-full' });
    expect(store.list()).toHaveLength(5);
    const { store: reader, report } = await AnnotationStore.open(dir);
    expect(reader.list().map((a) => a.id).sort()).toEqual([...ids].sort());
    if (report.storageProblem) expect(report.message?.en).toMatch(/^The disk is full/);
    await rm(filler);
    const more = await store.createNote({ articleId: 'a', lang: 'en', note: 'y'.repeat(20_000) });
    const { store: after, report: r2 } = await AnnotationStore.open(dir);
    expect(r2.storageProblem).toBeUndefined();
    expect(after.list().map((a) => a.id).sort()).toEqual([...ids, more.id].sort());
  });
});

describe('a read-only library', () => {
  it('opens for reading and refuses writes as read-only (EROFS), writing nothing', async () => {
    const mnt = await tmpfs('1m');
    if (!mnt) return; // needs root to mount
    const dir = path.join(mnt, '.folio');
    await mkdir(dir);
    const { store } = await AnnotationStore.open(dir);
    const a = await store.createNote({ articleId: 'a', lang: 'vi', note: 'đọc được' });
    await store.compact();
    const b = await store.createNote({ articleId: 'a', lang: 'vi', note: 'trong nhật ký' });
    await store.close();
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    const { store: ro, report } = await AnnotationStore.open(dir);
    expect(report.storageProblem).toBe('read-only');
    expect(report.message?.en).toMatch(/^This library folder is read-only/);
    expect(report.message?.vi).toMatch(/^Thư mục thư viện này chỉ đọc/);
    expect(ro.list().map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    await expect(ro.createNote({ articleId: 'a', lang: 'vi', note: 'không được' })).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringContaining('--data DIR'),
    });
    expect(ro.list()).toHaveLength(2);
  });
});
