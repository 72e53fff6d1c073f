/**
 * The append-only journal: one line per commit, a torn or damaged line is never applied and never
 * corrupts the store, and a crash between compaction and journal reset replays nothing twice.
 */
import { appendFile, copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { encodeLine } from '../../../src-main/core/annotations/journal';
import { EN, rangeOf, tempDataDir } from './helpers';

const journalOf = (dir: string): string => path.join(dir, 'annotations.journal');

describe('the annotation journal', () => {
  it('writing a note appends one line and leaves annotations.json untouched', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    await store.createNote({ articleId: 'a', lang: 'vi', note: 'một' });
    await store.compact();
    const snap = await stat(path.join(dir, 'annotations.json'));
    const before = (await readFile(journalOf(dir), 'utf8')).length;
    const n = await store.createNote({ articleId: 'a', lang: 'vi', note: 'hai' });
    const after = await readFile(journalOf(dir), 'utf8');
    expect(after.slice(before).split('\n').filter(Boolean)).toHaveLength(1);
    expect(after.slice(before)).toContain(n.id);
    const snapAfter = await stat(path.join(dir, 'annotations.json'));
    expect([snapAfter.ino, snapAfter.size, snapAfter.mtimeMs]).toEqual([snap.ino, snap.size, snap.mtimeMs]);
  });

  it('ignores a torn last line (a writer killed mid-append), and the next write cuts it off', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const ids = [];
    for (const note of ['một', 'hai', 'ba']) ids.push((await store.createNote({ articleId: 'a', lang: 'vi', note })).id);
    await store.close();
    const torn = encodeLine({ g: 4, ops: [{ put: { ...(await AnnotationStore.open(dir)).store.get(ids[0]!), id: 'torn' } }] });
    await appendFile(journalOf(dir), torn.slice(0, Math.floor(torn.length / 2)));
    const { store: again, report } = await AnnotationStore.open(dir);
    expect(report).toEqual({ invalidRecords: 0 });
    expect(again.list().map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(again.get('torn')).toBeUndefined();
    const four = await again.createNote({ articleId: 'a', lang: 'vi', note: 'bốn' });
    const lines = (await readFile(journalOf(dir), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.filter(Boolean)).toHaveLength(5); // header + 4 entries, no torn bytes left
    const { store: third, report: r3 } = await AnnotationStore.open(dir);
    expect(r3).toEqual({ invalidRecords: 0 });
    expect(third.list().map((a) => a.id).sort()).toEqual([...ids, four.id].sort());
  });

  it('skips a complete line whose checksum fails, keeps the journal\'s bytes aside, and says so', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-25T08:00:00Z') });
    const a = await store.createNote({ articleId: 'a', lang: 'en', note: 'alpha' });
    const b = await store.createNote({ articleId: 'a', lang: 'en', note: 'beta' });
    const c = await store.createNote({ articleId: 'a', lang: 'en', note: 'gamma' });
    await store.close();
    const text = await readFile(journalOf(dir), 'utf8');
    const damaged = text.replace('"note":"beta"', '"note":"bXta"');
    await writeFile(journalOf(dir), damaged);
    const { store: again, report } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-25T09:00:00Z') });
    expect(again.get(a.id)).toBeDefined();
    expect(again.get(b.id)).toBeUndefined();
    expect(again.get(c.id)).toBeDefined();
    expect(report.journalLinesSkipped).toBe(1);
    expect(report.message?.en).toBe(
      '1 line of the annotation journal could not be read and was skipped; the journal was kept as annotations.journal-damaged-2026-11-25T09-00-00-000Z.json.',
    );
    expect(report.message?.vi).toContain('nhật ký chú thích');
    expect(await readFile(path.join(dir, 'annotations.journal-damaged-2026-11-25T09-00-00-000Z.json'), 'utf8')).toBe(damaged);
  });

  it('replays nothing twice after a crash between compaction and journal reset', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const h = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') });
    await store.delete(h.id);
    const n = await store.createNote({ articleId: 'r', lang: 'en', note: 'kept' });
    await copyFile(journalOf(dir), `${journalOf(dir)}.old`);
    await store.compact();
    await store.close();
    // As if killed after annotations.json was replaced but before the journal was reset.
    await copyFile(`${journalOf(dir)}.old`, journalOf(dir));
    const { store: again, report } = await AnnotationStore.open(dir);
    expect(report).toEqual({ invalidRecords: 0 });
    expect(again.list().map((a) => a.id)).toEqual([n.id]);
    expect(again.get(h.id)).toBeUndefined();
    const next = await again.createNote({ articleId: 'r', lang: 'en', note: 'after' });
    const { store: third } = await AnnotationStore.open(dir);
    expect(third.list().map((a) => a.id).sort()).toEqual([n.id, next.id].sort());
  });

  it('a reader sees a line only once it is complete, and catches up by reading only what was appended', async () => {
    const dir = await tempDataDir();
    const { store: writer } = await AnnotationStore.open(dir);
    const { store: reader } = await AnnotationStore.open(dir);
    const first = await writer.createNote({ articleId: 'a', lang: 'en', note: 'first' });
    expect(await reader.reload()).toBe(true);
    expect(reader.get(first.id)?.note).toBe('first');
    const half = encodeLine({ g: 2, ops: [{ put: { ...first, id: 'half', note: 'half' } }] });
    await appendFile(journalOf(dir), half.slice(0, 20));
    expect(await reader.reload()).toBe(false);
    await appendFile(journalOf(dir), half.slice(20));
    expect(await reader.reload()).toBe(true);
    expect(reader.get('half')?.note).toBe('half');
    expect(await readdir(dir)).not.toContain('annotations.json'); // nothing was ever compacted
  });

  it('compacts once the journal outgrows its limit, and keeps every record', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir, { compactBytes: 2000 });
    for (let i = 0; i < 20; i++) await store.createNote({ articleId: 'a', lang: 'en', note: `note ${i} ${'x'.repeat(100)}` });
    expect((await stat(journalOf(dir))).size).toBeLessThanOrEqual(2000 + 400);
    const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
    expect(disk.annotations.length).toBeGreaterThan(10);
    const { store: again } = await AnnotationStore.open(dir);
    expect(again.list()).toHaveLength(20);
  });
});
