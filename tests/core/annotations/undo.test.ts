import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { EN, rangeOf, tempDataDir } from './helpers';

describe('undo / redo', () => {
  it('undoes and redoes create, edit and delete in order, with descriptions', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    expect(await store.undo()).toBeNull();
    const a = await store.createHighlight({ articleId: 'r', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa'), note: 'first' });
    await store.update(a.id, { note: 'second', color: 'green' });
    await store.delete(a.id);

    expect(await store.undo()).toEqual({ undone: 'delete highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toMatchObject({ note: 'second', color: 'green' });
    expect(await store.undo()).toEqual({ undone: 'edit highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toMatchObject({ note: 'first', color: 'yellow' });
    expect(await store.undo()).toEqual({ undone: 'create highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toBeUndefined();
    expect(await store.undo()).toBeNull();

    expect(await store.redo()).toEqual({ redone: 'create highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toMatchObject({ note: 'first' });
    expect(await store.redo()).toEqual({ redone: 'edit highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toMatchObject({ note: 'second' });
    expect(await store.redo()).toEqual({ redone: 'delete highlight "Mrs. Hoa"', articleId: 'r' });
    expect(store.get(a.id)).toBeUndefined();
    expect(await store.redo()).toBeNull();

    // Undo is persisted, not only in memory.
    await store.undo();
    const { store: fresh } = await AnnotationStore.open(dir);
    expect(fresh.get(a.id)?.note).toBe('second');
  });

  it('a new action clears the redo stack; an undone delete is not re-deleted by a stale tombstone', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const n = await store.createNote({ articleId: 'r', lang: 'en', note: 'keep me' });
    await store.delete(n.id);
    await store.undo();
    expect(store.get(n.id)?.note).toBe('keep me');
    await store.createNote({ articleId: 'r', lang: 'en', note: 'another' });
    expect(await store.redo()).toBeNull();
    // Importing an old copy of the note must not be blocked by the tombstone undo removed.
    expect(await store.importAnnotations([{ ...n, note: 'old', updated: '2000-01-01T00:00:00.000Z' }])).toEqual({ added: 0, updated: 0, unchanged: 1, skipped: 0 });
  });

  it('concurrent undo calls each undo one step', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    for (let i = 0; i < 4; i++) await store.createNote({ articleId: 'r', lang: 'en', note: `n${i}` });
    const results = await Promise.all([store.undo(), store.undo(), store.undo()]);
    expect(results.map((r) => r?.undone)).toEqual(['create note', 'create note', 'create note']);
    expect(store.list().map((a) => a.note)).toEqual(['n0']);
  });
});
