/** annotations.json travels with shared libraries: hostile nesting and size must not make it unopenable. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { jsonDepth, parseBoundedJson } from '../../../src-main/core/annotations/bounded-json';
import { clock, EN, rangeOf, tempDataDir } from './helpers';

const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe('bounded JSON parsing', () => {
  it('measures depth without recursion, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth(nested(1_000_000))).toBe(1_000_000);
    expect(() => parseBoundedJson(nested(5000), { maxBytes: 1e6, maxDepth: 64 })).toThrow(/nested too deeply/);
    expect(() => parseBoundedJson('[1,2,3]', { maxBytes: 4, maxDepth: 64 })).toThrow(/too large/);
    expect(parseBoundedJson('{"a":[1]}', { maxBytes: 100, maxDepth: 2 })).toEqual({ a: [1] });
  });
});

describe('a deeply nested record in annotations.json', () => {
  it('moves the file aside and restores the newest good backup, with a message (no stack overflow)', async () => {
    const dir = await tempDataDir();
    const c = clock('2026-11-24T10:00:00');
    const { store } = await AnnotationStore.open(dir, { now: c.now });
    const kept = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') });
    c.set('2026-11-25T10:00:00'); // the first write of the 25th snapshots the file holding `kept`
    await store.createNote({ articleId: 'r', lang: 'en', note: 'hôm nay' });
    await store.compact();
    await store.close();
    const file = path.join(dir, 'annotations.json');
    const disk = await readFile(file, 'utf8');
    const hostile = disk.replace('"annotations": [', `"annotations": [{"id":"deep","x":${nested(5000)}},`);
    expect(hostile).not.toBe(disk);
    await writeFile(file, hostile);
    const { store: again, report } = await AnnotationStore.open(dir, { now: () => new Date('2026-11-25T12:00:00Z') });
    expect(report.movedAside).toBe('annotations.corrupt-2026-11-25T12-00-00-000Z.json');
    expect(report.restoredFrom).toMatch(/^backups\//);
    expect(report.message?.en).toMatch(/annotations.json was damaged; it was kept as annotations.corrupt-/);
    expect(again.list().map((a) => a.id)).toContain(kept.id);
    expect(await readFile(path.join(dir, report.movedAside!), 'utf8')).toBe(hostile);
    expect(await readdir(dir)).toContain('annotations.json');
  });

  it('keeps a record that is deep but within the limit in quarantine as JSON text, so the file stays openable', async () => {
    const dir = await tempDataDir();
    const file = path.join(dir, 'annotations.json');
    await writeFile(file, `{"schemaVersion":1,"annotations":[{"id":"odd","x":${nested(60)}}],"deleted":[]}`);
    const first = await AnnotationStore.open(dir);
    expect(first.report.invalidRecords).toBe(1);
    expect(first.store.quarantined()[0]?.record).toBe(`{"id":"odd","x":${nested(60)}}`);
    await first.store.close();
    const second = await AnnotationStore.open(dir);
    expect(second.report.movedAside).toBeUndefined();
    expect(second.store.quarantined()).toHaveLength(1);
  });
});
