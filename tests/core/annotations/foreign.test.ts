/**
 * An annotations.json copied in from another library is noticed, never adopted silently; merging
 * it is the user's choice and goes by annotation id.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { EN, rangeOf, tempDataDir } from './helpers';

/** Library A with two highlights (one deleted later in A) and one note, all in annotations.json. */
async function libraryA(): Promise<{ dir: string; ids: string[]; deletedInA: string }> {
  const dir = await tempDataDir();
  const { store } = await AnnotationStore.open(dir);
  const h = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam'), note: 'from A' });
  const n = await store.createNote({ articleId: 'river', lang: 'en', note: 'A note' });
  const gone = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'red line') });
  await store.delete(gone.id);
  await store.compact();
  await store.close();
  return { dir, ids: [h.id, n.id], deletedInA: gone.id };
}

describe('a store copied in from another library', () => {
  it('is not adopted: own annotations stay visible, saving is refused with a coded error, the file is untouched', async () => {
    const a = await libraryA();
    const b = await tempDataDir();
    const { store: first } = await AnnotationStore.open(b);
    const mine = await first.createNote({ articleId: 'lua', lang: 'vi', note: 'của thư viện B' });
    await first.close();
    await copyFile(path.join(a.dir, 'annotations.json'), path.join(b, 'annotations.json'));
    const copied = await readFile(path.join(b, 'annotations.json'), 'utf8');

    const { store, report } = await AnnotationStore.open(b);
    expect(report.foreignStore).toEqual({ libraryId: JSON.parse(copied).libraryId, annotations: 2 });
    expect(report.message?.en).toMatch(/^The annotations.json in this library comes from another library \(2 annotations\)\. Folio did not adopt it/);
    expect(report.message?.vi).toMatch(/đến từ một thư viện khác/);
    expect(store.list().map((x) => x.id)).toEqual([mine.id]);
    expect(store.foreignStore()).toEqual(report.foreignStore);
    await expect(store.createNote({ articleId: 'lua', lang: 'vi', note: 'không lưu' })).rejects.toMatchObject({ code: 'foreign-store' });
    await expect(store.update(mine.id, { note: 'sửa' })).rejects.toMatchObject({ code: 'foreign-store' });
    expect(await readFile(path.join(b, 'annotations.json'), 'utf8')).toBe(copied);
    expect(await store.reload()).toBe(false);
    expect(store.list().map((x) => x.id)).toEqual([mine.id]);
  });

  it('merges by annotation id with consent, keeps the copied bytes aside, and is writable afterwards', async () => {
    const a = await libraryA();
    const b = await tempDataDir();
    const { store: first } = await AnnotationStore.open(b);
    const mine = await first.createNote({ articleId: 'lua', lang: 'vi', note: 'của thư viện B' });
    await first.close();
    await copyFile(path.join(a.dir, 'annotations.json'), path.join(b, 'annotations.json'));
    const copied = await readFile(path.join(b, 'annotations.json'), 'utf8');
    const { store } = await AnnotationStore.open(b, { now: () => new Date('2026-11-25T10:00:00Z') });
    const changed: string[][] = [];
    store.onChange((ids) => changed.push(ids));

    const result = await store.mergeForeignStore();
    expect(result).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 0, keptAs: 'annotations.foreign-2026-11-25T10-00-00-000Z.json' });
    expect(await readFile(path.join(b, result.keptAs), 'utf8')).toBe(copied);
    expect(store.foreignStore()).toBeNull();
    expect(store.list().map((x) => x.id).sort()).toEqual([mine.id, ...a.ids].sort());
    expect(changed).toEqual([['river']]);
    // A's delete travels too: an old copy of that highlight cannot come back.
    const later = await store.createNote({ articleId: 'lua', lang: 'vi', note: 'sau khi gộp' });
    await expect(store.mergeForeignStore()).rejects.toMatchObject({ code: 'not-found' });

    const { store: again, report } = await AnnotationStore.open(b);
    expect(report).toEqual({ invalidRecords: 0 });
    expect(again.list().map((x) => x.id).sort()).toEqual([mine.id, later.id, ...a.ids].sort());
    const disk = JSON.parse(await readFile(path.join(b, 'annotations.json'), 'utf8'));
    expect(disk.deleted.map((t: { id: string }) => t.id)).toContain(a.deletedInA);
    expect(disk.libraryId).toBe(JSON.parse(await readFile(path.join(b, 'library-id.json'), 'utf8')).libraryId);
    expect(disk.libraryId).not.toBe(JSON.parse(copied).libraryId);
  });

  it('adopts a file from before library ids existed, and stamps it with this library\'s id at the first write (not on open)', async () => {
    const dir = await tempDataDir();
    const legacy = { schemaVersion: 1, annotations: [], deleted: [{ id: 'old', at: '2026-11-01T00:00:00.000Z' }], quarantine: [] };
    await writeFile(path.join(dir, 'annotations.json'), JSON.stringify(legacy));
    const { store, report } = await AnnotationStore.open(dir);
    expect(report).toEqual({ invalidRecords: 0 });
    expect(store.foreignStore()).toBeNull();
    expect(await readdir(dir)).toEqual(['annotations.json']); // opening wrote nothing
    await store.createNote({ articleId: 'a', lang: 'en', note: 'first write' });
    const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
    const identity = JSON.parse(await readFile(path.join(dir, 'library-id.json'), 'utf8'));
    expect(disk.libraryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(disk.libraryId).toBe(identity.libraryId);
    expect(disk.deleted).toEqual([{ id: 'old', at: '2026-11-01T00:00:00.000Z', g: 0 }]);
  });

  it('is noticed in a library that has no identity yet (a fresh library given a copied file)', async () => {
    const a = await libraryA();
    const fresh = await tempDataDir();
    await copyFile(path.join(a.dir, 'annotations.json'), path.join(fresh, 'annotations.json'));
    const { store, report } = await AnnotationStore.open(fresh);
    expect(report.foreignStore?.annotations).toBe(2);
    expect(store.list()).toEqual([]);
    await expect(store.createNote({ articleId: 'x', lang: 'en', note: 'x' })).rejects.toMatchObject({ code: 'foreign-store' });
    expect((await store.mergeForeignStore()).added).toBe(2);
    expect(store.list()).toHaveLength(2);
  });
});
