import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { AnnotationStore, reanchorAll } from '../../../src-main/core/annotations/index';
import { EN, fixturePath, tempDataDir, VI } from './helpers';

it('migrates the v0 format (bare array), keeps the old file, quarantines the unreadable record', async () => {
  const dir = await tempDataDir();
  await copyFile(fixturePath('v0-annotations.json'), path.join(dir, 'annotations.json'));
  const { store, report } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-25T09:00:00Z') });
  expect(report.migratedFrom).toBe(0);
  expect(report.invalidRecords).toBe(1);
  expect(report.message?.en).toMatch(/upgraded from an older format \(version 0\); 3 kept/);
  expect(report.message?.en).toMatch(/1 annotation record could not be read; it was kept aside/);
  expect(report.message?.vi).toMatch(/nâng cấp/);

  const first = store.get('h-001');
  expect(first).toMatchObject({
    articleId: 'river-town',
    lang: 'und',
    kind: 'highlight',
    color: 'yellow',
    note: 'Ask to see the notebook.',
    created: new Date(1700000000000).toISOString(),
  });
  expect(first?.target?.position).toEqual({ type: 'TextPositionSelector', start: 572, end: 614 });
  expect(store.get('2')).toMatchObject({ color: 'pink', note: '' });
  expect(store.get('h-003')?.created).toBe('2023-11-20T09:30:00.000Z');

  const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
  expect(disk.schemaVersion).toBe(1);
  expect(disk.quarantine).toHaveLength(1);
  expect(disk.quarantine[0].record.id).toBe('h-004');
  expect(disk.quarantine[0].reason).toMatch(/version 0 record: start/);
  expect(await readdir(path.join(dir, 'backups'))).toContain('annotations.v0-2026-11-25.json');
  await store.close();

  // Opening again: nothing left to migrate or report, the quarantined record is still kept.
  const { store: again, report: second } = await AnnotationStore.open(dir);
  expect(second).toEqual({ invalidRecords: 0 });
  expect(again.quarantined()).toHaveLength(1);
});

it('re-anchoring migrated records fills their missing context and fixes stale offsets', async () => {
  const dir = await tempDataDir();
  await copyFile(fixturePath('v0-annotations.json'), path.join(dir, 'annotations.json'));
  const { store } = await AnnotationStore.open(dir);
  const { anchored, moved } = reanchorAll(EN, store.list({ articleId: 'river-town' }));
  expect(anchored.every((a) => !a.orphaned)).toBe(true);
  const pillars = anchored.find((a) => a.id === '2')!;
  expect(EN.slice(pillars.target!.position.start, pillars.target!.position.end)).toBe('the pillars are what children learn to read first');
  expect(moved.map((m) => m.id).sort()).toEqual(['2', 'h-001']);
  expect(moved.every((m) => m.target!.quote.prefix.length > 0)).toBe(true);
  await store.savePositions(moved);
  expect(reanchorAll(EN, store.list({ articleId: 'river-town' })).moved).toEqual([]);
  expect(reanchorAll(VI, store.list({ articleId: 'lang-lua' })).anchored[0]?.orphaned).toBe(false);
});

it('refuses a file written by a newer Folio and leaves it untouched', async () => {
  const dir = await tempDataDir();
  const newer = JSON.stringify({ schemaVersion: 99, annotations: [] });
  await writeFile(path.join(dir, 'annotations.json'), newer);
  await expect(AnnotationStore.open(dir)).rejects.toMatchObject({ code: 'unsupported' });
  expect(await readFile(path.join(dir, 'annotations.json'), 'utf8')).toBe(newer);
  expect(await readdir(dir)).toEqual(['annotations.json']);
});
