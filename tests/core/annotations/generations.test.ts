/**
 * Content, not names or clocks, decides (issue 15, finding 5): the backup restored is the one with
 * the highest generation; tombstones survive a clock that jumped a month ahead.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { pruneTombstones } from '../../../src-main/core/annotations/record-ops';
import { emptyFile } from '../../../src-main/core/annotations/schema';
import { clock, EN, rangeOf, tempDataDir } from './helpers';

describe('backups are chosen by content', () => {
  it('a backup named with a future date holding 3 records does not replace a 40-record one', async () => {
    const dir = await tempDataDir();
    const c = clock('2026-11-20T09:00:00');
    const { store } = await AnnotationStore.open(dir, { now: c.now });
    for (let i = 0; i < 3; i++) await store.createNote({ articleId: 'a', lang: 'vi', note: `ghi chú ${i}` });
    // One write while the clock was wrong: snapshots the 3-record state as "2099-01-01".
    c.set('2099-01-01T09:00:00');
    await store.createNote({ articleId: 'a', lang: 'vi', note: 'ghi chú 3' });
    c.set('2026-11-21T09:00:00');
    for (let i = 4; i < 40; i++) {
      if (i === 30) c.set('2026-11-22T09:00:00'); // snapshots the 30-record state
      await store.createNote({ articleId: 'a', lang: 'vi', note: `ghi chú ${i}` });
    }
    c.set('2026-11-23T09:00:00');
    await store.createNote({ articleId: 'a', lang: 'vi', note: 'ghi chú 40' }); // snapshots the 40-record state
    await store.compact();
    await store.close();
    const backups = (await readdir(path.join(dir, 'backups'))).sort();
    expect(backups).toEqual(['annotations-2026-11-21.json', 'annotations-2026-11-22.json', 'annotations-2026-11-23.json', 'annotations-2099-01-01.json']);
    const future = JSON.parse(await readFile(path.join(dir, 'backups', 'annotations-2099-01-01.json'), 'utf8'));
    expect(future.annotations).toHaveLength(3);
    await writeFile(path.join(dir, 'annotations.json'), '{"schemaVersion":1,"annot');
    const { store: again, report } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-23T12:00:00') });
    expect(report.restoredFrom).toBe('backups/annotations-2026-11-23.json');
    expect(again.list()).toHaveLength(40);
  });

  it('keeps the snapshots with the highest generations, whatever their names', async () => {
    const dir = await tempDataDir();
    const c = clock('2099-12-31T09:00:00');
    const { store } = await AnnotationStore.open(dir, { now: c.now, backups: 2 });
    await store.createNote({ articleId: 'a', lang: 'en', note: 'one' });
    c.set('2099-12-31T10:00:00');
    await store.createNote({ articleId: 'a', lang: 'en', note: 'two' }); // same "day": no snapshot
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
      c.set(`${day}T09:00:00`);
      await store.createNote({ articleId: 'a', lang: 'en', note: day });
    }
    // The future-named one holds the oldest state, so it is the one pruned.
    expect((await readdir(path.join(dir, 'backups'))).sort()).toEqual(['annotations-2026-11-02.json', 'annotations-2026-11-03.json']);
  });
});

describe('tombstones and clocks', () => {
  it('one write with the clock 31 days ahead does not let an import resurrect a deleted annotation', async () => {
    const dir = await tempDataDir();
    const c = clock('2026-11-25T09:00:00Z');
    // Compact on every write, so pruning runs on each one.
    const { store } = await AnnotationStore.open(dir, { now: c.now, compactBytes: 0 });
    const h = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa'), note: 'cũ' });
    const exported = store.get(h.id)!;
    await store.delete(h.id);
    c.set('2026-12-26T09:00:00Z');
    await store.createNote({ articleId: 'r', lang: 'en', note: 'written by a machine whose clock ran ahead' });
    c.set('2026-11-25T10:00:00Z');
    const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
    expect(disk.deleted.map((t: { id: string }) => t.id)).toEqual([h.id]);
    expect(await store.importAnnotations([exported])).toEqual({ added: 0, updated: 0, unchanged: 0, skipped: 1 });
    expect(store.get(h.id)).toBeUndefined();
  });

  it('forgets a tombstone only when it is both 30 days and 1,000 generations old', () => {
    const f = { ...emptyFile(), generation: 2000 };
    f.deleted = [
      { id: 'old-both', at: '2026-01-01T00:00:00Z', g: 900 },
      { id: 'old-by-date-only', at: '2026-01-01T00:00:00Z', g: 1500 },
      { id: 'old-by-generation-only', at: '2026-11-20T00:00:00Z', g: 10 },
    ];
    pruneTombstones(f, new Date('2026-11-25T00:00:00Z'));
    expect(f.deleted.map((t) => t.id)).toEqual(['old-by-date-only', 'old-by-generation-only']);
  });

  it('counts generations across processes: each commit one more, never reused', async () => {
    const dir = await tempDataDir();
    const { store: a } = await AnnotationStore.open(dir);
    const { store: b } = await AnnotationStore.open(dir);
    for (let i = 0; i < 5; i++) {
      await a.createNote({ articleId: 'x', lang: 'en', note: `a${i}` });
      await b.createNote({ articleId: 'x', lang: 'en', note: `b${i}` });
    }
    const lines = (await readFile(path.join(dir, 'annotations.journal'), 'utf8')).trim().split('\n').slice(1);
    expect(lines.map((l) => JSON.parse(l.split('\t')[0]!).g)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await b.compact();
    expect(JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8')).generation).toBe(10);
  });
});
