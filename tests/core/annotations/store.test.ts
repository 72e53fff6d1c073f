import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, isAnnotationError } from '../../../src-main/core/annotations/index';
import { EN, VI, rangeOf, tempDataDir } from './helpers';

describe('AnnotationStore basics', () => {
  it('creates a highlight with W3C selectors, a UUID and timestamps, and persists it', async () => {
    const dir = await tempDataDir();
    const { store, report } = await AnnotationStore.open(dir);
    expect(report).toEqual({ invalidRecords: 0 });
    const a = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa'), note: 'Who is she?', tags: [' people ', 'People', 'flood'] });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.target?.quote.exact).toBe('Mrs. Hoa');
    expect(a.target?.paragraph).toBe(3);
    expect(a.color).toBe('yellow');
    expect(a.tags).toEqual(['people', 'flood']);
    expect(a.created).toBe(a.updated);
    // Acknowledged = one fsynced journal line; compaction folds it into annotations.json.
    const journal = (await readFile(path.join(dir, 'annotations.journal'), 'utf8')).trim().split('\n');
    expect(journal).toHaveLength(2);
    expect(JSON.parse(journal[1]!.split('\t')[0]!)).toEqual({ g: 1, ops: [{ put: a }] });
    await store.compact();
    await store.close();
    const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
    expect(disk.schemaVersion).toBe(1);
    expect(disk.generation).toBe(1);
    expect(disk.annotations).toEqual([a]);
    const { store: again } = await AnnotationStore.open(dir);
    expect(again.get(a.id)).toEqual(a);
    await again.close();
  });

  it('creates article-level notes and refuses empty ones', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const n = await store.createNote({ articleId: 'lua', lang: 'vi', note: 'Đọc lại phần **lũ**.' });
    expect(n.kind).toBe('note');
    expect(n.target).toBeNull();
    await expect(store.createNote({ articleId: 'lua', lang: 'vi', note: '  ' })).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('throws coded errors: invalid-range for bad ranges, not-found for unknown ids', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    await expect(store.createHighlight({ articleId: 'r', lang: 'en', text: EN, start: 10, end: 5 })).rejects.toMatchObject({ code: 'invalid-range' });
    await expect(store.createHighlight({ articleId: 'r', lang: 'en', text: EN, start: 0, end: EN.length + 3 })).rejects.toMatchObject({ code: 'invalid-range' });
    await expect(store.update('nope', { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    try {
      await store.delete('nope');
      expect.unreachable();
    } catch (e) {
      expect(isAnnotationError(e, 'not-found')).toBe(true);
    }
  });

  it('updates only the fields given and bumps `updated`; deletes leave a tombstone', async () => {
    const dir = await tempDataDir();
    let t = Date.parse('2026-11-25T08:00:00Z');
    const { store } = await AnnotationStore.open(dir, { now: () => new Date((t += 1000)) });
    const a = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'blue line'), note: 'n', color: 'blue' });
    const u = await store.update(a.id, { tags: ['water'] });
    expect(u).toMatchObject({ note: 'n', color: 'blue', tags: ['water'] });
    expect(Date.parse(u.updated)).toBeGreaterThan(Date.parse(a.updated));
    await store.delete(a.id);
    expect(store.get(a.id)).toBeUndefined();
    await store.compact();
    const disk = JSON.parse(await readFile(path.join(dir, 'annotations.json'), 'utf8'));
    expect(disk.deleted).toEqual([{ id: a.id, at: expect.any(String), g: 3 }]);
  });

  it('lists by article, tag and colour, and finds text case- and diacritic-insensitively', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const h1 = await store.createHighlight({ articleId: 'lua', lang: 'vi', text: VI, ...rangeOf(VI, 'Nước mặn thì lúa chết'), color: 'pink', tags: ['Mặn'] });
    const h2 = await store.createHighlight({ articleId: 'lua', lang: 'vi', text: VI, ...rangeOf(VI, 'bà Tư đạp xe'), note: 'Bà đi sớm' });
    const h3 = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'red line'), note: 'Đường đỏ' });
    expect(store.list({ articleId: 'lua' }).map((a) => a.id)).toEqual([h2.id, h1.id]);
    expect(store.list({ text: 'nuoc man' }).map((a) => a.id)).toEqual([h1.id]);
    expect(store.list({ text: 'DUONG DO' }).map((a) => a.id)).toEqual([h3.id]);
    expect(store.list({ text: 'BA DI' }).map((a) => a.id)).toEqual([h2.id]);
    expect(store.list({ tag: 'mặn' }).map((a) => a.id)).toEqual([h1.id]);
    expect(store.list({ color: 'pink' }).map((a) => a.id)).toEqual([h1.id]);
    expect(store.list()).toHaveLength(3);
  });

  it('serialises racing writes in one process: no lost update', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.createHighlight({ articleId: 'r', lang: 'en', text: EN, start: i * 10, end: i * 10 + 8 })),
    );
    const target = created[0]!;
    await Promise.all([store.update(target.id, { note: 'a' }), store.update(target.id, { color: 'green' }), store.update(target.id, { tags: ['t'] })]);
    expect(store.get(target.id)).toMatchObject({ note: 'a', color: 'green', tags: ['t'] });
    expect(store.list()).toHaveLength(30);
    const { store: fresh } = await AnnotationStore.open(store.dataDir);
    expect(fresh.list()).toHaveLength(30);
    expect(fresh.get(target.id)).toMatchObject({ note: 'a', color: 'green', tags: ['t'] });
  });

  it('two stores on one data dir merge instead of clobbering, and deletes are not resurrected', async () => {
    const dir = await tempDataDir();
    const { store: app } = await AnnotationStore.open(dir);
    const { store: serve } = await AnnotationStore.open(dir);
    const a = await app.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') });
    const b = await serve.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'rice sacks') });
    expect(serve.get(a.id)).toBeDefined(); // re-read under the lock before writing
    await serve.delete(a.id);
    await app.update(b.id, { note: 'edited in the app' }); // app's copy still has `a`
    expect(app.get(a.id)).toBeUndefined();
    const changed: string[][] = [];
    serve.onChange((ids) => changed.push(ids));
    expect(await serve.reload()).toBe(true);
    expect(serve.get(b.id)?.note).toBe('edited in the app');
    expect(changed).toEqual([['r']]);
    expect(await serve.reload()).toBe(false);
    await expect(app.update(a.id, { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('tells listeners which articles changed', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const seen: string[][] = [];
    const off = store.onChange((ids) => seen.push(ids));
    const a = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, start: 0, end: 9 });
    await store.createNote({ articleId: 'lua', lang: 'vi', note: 'ghi chú' });
    off();
    await store.delete(a.id);
    expect(seen).toEqual([['river'], ['lua']]);
  });

  it('saves re-anchored positions without an undo step or a new `updated`, keeping concurrent note edits', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const { store: other } = await AnnotationStore.open(dir);
    const a = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa') });
    await other.update(a.id, { note: 'from the other process' });
    const shifted = { ...a, target: { ...a.target!, position: { type: 'TextPositionSelector' as const, start: a.target!.position.start + 7, end: a.target!.position.end + 7 } } };
    await store.savePositions([shifted]);
    const saved = store.get(a.id)!;
    expect(saved.target?.position.start).toBe(a.target!.position.start + 7);
    expect(saved.note).toBe('from the other process');
    expect(await store.undo()).toEqual({ undone: 'create highlight "Mrs. Hoa"', articleId: 'r' });
  });

  it('refuses writes after close', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    await store.close();
    await expect(store.createNote({ articleId: 'a', lang: 'en', note: 'x' })).rejects.toMatchObject({ code: 'io-error' });
  });
});
