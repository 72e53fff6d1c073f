import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { clock, EN, rangeOf, tempDataDir } from './helpers';

/**
 * Three days of work: the first write of the 24th snapshots the 23rd's file and the first write
 * of the 25th snapshots the 24th's, so `backups/annotations-2026-11-25.json` holds the 24th's work.
 */
async function threeDaysOfWork(dir: string): Promise<{ yesterdayIds: string[] }> {
  const c = clock('2026-11-23T10:00:00');
  const { store } = await AnnotationStore.open(dir, { now: c.now });
  const ids = [(await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') })).id];
  c.set('2026-11-24T10:00:00');
  ids.push((await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa') })).id);
  ids.push((await store.createNote({ articleId: 'r', lang: 'en', note: 'Compare with the district report.' })).id);
  c.set('2026-11-25T10:00:00'); // first write today snapshots yesterday's file
  await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'red line') });
  await store.compact(); // everything in annotations.json, the journal empty
  await store.close();
  return { yesterdayIds: ids };
}

describe('damaged annotations.json at start', () => {
  for (const [what, bytes] of [
    ['truncated JSON', '{"schemaVersion":1,"annotations":[{"id":"x",'],
    ['an empty file', ''],
    ['a zero-filled file (power loss)', '\0'.repeat(4096)],
    ['JSON that is not an annotations file', '{"hello":"world"}'],
  ] as const) {
    it(`moves ${what} aside, restores the newest good backup, and says so in English and Vietnamese`, async () => {
      const dir = await tempDataDir();
      const { yesterdayIds } = await threeDaysOfWork(dir);
      expect(await readdir(path.join(dir, 'backups'))).toEqual(['annotations-2026-11-24.json', 'annotations-2026-11-25.json']);
      await writeFile(path.join(dir, 'annotations.json'), bytes);
      const { store, report } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-25T12:00:00Z') });
      expect(report.movedAside).toBe('annotations.corrupt-2026-11-25T12-00-00-000Z.json');
      expect(report.restoredFrom).toBe('backups/annotations-2026-11-25.json');
      expect(await readFile(path.join(dir, report.movedAside!), 'utf8')).toBe(bytes);
      expect(store.list().map((a) => a.id).sort()).toEqual([...yesterdayIds].sort());
      expect(report.message?.en).toBe(
        'annotations.json was damaged; it was kept as annotations.corrupt-2026-11-25T12-00-00-000Z.json and your annotations from the backup of 2026-11-25 were restored (2 highlights, 1 note).',
      );
      expect(report.message?.vi).toContain('bản sao lưu ngày 2026-11-25 đã được khôi phục (2 đoạn tô sáng, 1 ghi chú)');
      // The restored file is good on disk: opening again reports nothing.
      await store.close();
      expect((await AnnotationStore.open(dir)).report).toEqual({ invalidRecords: 0 });
    });
  }

  it('skips a damaged backup and never overwrites an earlier moved-aside file', async () => {
    const dir = await tempDataDir();
    await threeDaysOfWork(dir);
    await writeFile(path.join(dir, 'backups', 'annotations-2026-11-25.json'), '{broken');
    const now = () => new Date('2026-11-25T12:00:00Z');
    await writeFile(path.join(dir, 'annotations.json'), 'garbage 1');
    const first = await AnnotationStore.open(dir, { now });
    expect(first.report.restoredFrom).toBe('backups/annotations-2026-11-24.json');
    expect(first.store.list()).toHaveLength(1);
    await first.store.close();
    await writeFile(path.join(dir, 'annotations.json'), 'garbage 2');
    const second = await AnnotationStore.open(dir, { now });
    expect(second.report.movedAside).toBe('annotations.corrupt-2026-11-25T12-00-00-000Z-1.json');
    expect(await readFile(path.join(dir, 'annotations.corrupt-2026-11-25T12-00-00-000Z.json'), 'utf8')).toBe('garbage 1');
  });

  it('starts empty with a clear message when no backup exists', async () => {
    const dir = await tempDataDir();
    await writeFile(path.join(dir, 'annotations.json'), '[{');
    const { store, report } = await AnnotationStore.open(dir);
    expect(store.list()).toEqual([]);
    expect(report.restoredFrom).toBeUndefined();
    expect(report.message?.en).toMatch(/No usable backup was found/);
    expect(report.message?.vi).toMatch(/Không tìm thấy bản sao lưu/);
  });
});

describe('invalid records', () => {
  it('keeps invalid and duplicate records aside in the file, reports them, and shows the rest', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const good = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') });
    await store.compact();
    await store.close();
    const file = path.join(dir, 'annotations.json');
    const disk = JSON.parse(await readFile(file, 'utf8'));
    disk.annotations.push({ ...good, color: 'orange' }, { ...good, id: 'x2', target: null }, good, 'not even an object');
    await writeFile(file, JSON.stringify(disk));
    const { store: again, report } = await AnnotationStore.open(dir);
    expect(report.invalidRecords).toBe(4);
    expect(report.message?.en).toMatch(/^4 annotation records could not be read; they were kept aside/);
    expect(again.list().map((a) => a.id)).toEqual([good.id]);
    const reasons = again.quarantined().map((q) => q.reason);
    expect(reasons).toEqual([expect.stringMatching(/^color: /), expect.stringMatching(/highlight needs a target/), expect.stringMatching(/duplicate id/), expect.any(String)]);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.quarantine.map((q: { record: unknown }) => q.record)).toEqual([{ ...good, color: 'orange' }, { ...good, id: 'x2', target: null }, good, 'not even an object']);
    // Writes keep the quarantine.
    await again.createNote({ articleId: 'r', lang: 'en', note: 'still here?' });
    await again.compact();
    expect(JSON.parse(await readFile(file, 'utf8')).quarantine).toHaveLength(4);
  });
});

describe('backups and housekeeping', () => {
  it('takes one snapshot per day before the first write and keeps only the newest N', async () => {
    const dir = await tempDataDir();
    const c = clock('2026-11-01T09:00:00');
    const { store } = await AnnotationStore.open(dir, { now: c.now, backups: 3 });
    for (let day = 1; day <= 6; day++) {
      c.set(`2026-11-0${day}T09:00:00`);
      await store.createNote({ articleId: 'a', lang: 'en', note: `day ${day} first` });
      c.advance(3600_000);
      await store.createNote({ articleId: 'a', lang: 'en', note: `day ${day} second` });
    }
    expect(await readdir(path.join(dir, 'backups'))).toEqual(['annotations-2026-11-04.json', 'annotations-2026-11-05.json', 'annotations-2026-11-06.json']);
    // The snapshot of the 6th holds the state before the first write of the 6th.
    const snap = JSON.parse(await readFile(path.join(dir, 'backups', 'annotations-2026-11-06.json'), 'utf8'));
    expect(snap.annotations.map((a: { note: string }) => a.note).at(-1)).toBe('day 5 second');
  });

  it('removes temp files of interrupted writes at start', async () => {
    const dir = await tempDataDir();
    await mkdir(path.join(dir, 'backups'));
    await writeFile(path.join(dir, 'annotations.json.4242.abcdef.tmp'), '{"half');
    await writeFile(path.join(dir, 'annotations.journal.4242.abcdef.tmp'), '');
    await writeFile(path.join(dir, 'backups', 'annotations-2026-11-20.json.4242.abcdef.tmp'), '');
    await writeFile(path.join(dir, 'notes.txt.tmp'), 'not ours');
    const { report } = await AnnotationStore.open(dir);
    expect(report.removedTempFiles).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(['backups', 'notes.txt.tmp']);
  });
});
