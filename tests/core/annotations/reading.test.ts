/**
 * Reading never writes (issue 11, point 9): listing an article's annotations anchors them purely;
 * moved positions are saved once when the file changes, never during a read.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, reanchorAll } from '../../../src-main/core/annotations/index';
import { anchoredAnnotations, saveMovedPositions } from '../../../src-main/core/article-annotations';
import type { Article } from '../../../src-main/shared/types';
import { EN, holdLockInChild, rangeOf, tempDataDir } from './helpers';

/** A one-version English article over `text` (paragraphs split on blank lines). */
function article(text: string, hash: string): Article {
  const paragraphs = text.split('\n\n').map((t, index) => ({ index, kind: 'paragraph' as const, text: t }));
  return {
    id: 'river',
    versions: [
      { fileId: 'river', lang: 'en', path: 'river.txt', format: 'txt', encoding: 'utf-8', title: 'River', date: null, author: null, source: null, tags: [], captions: [], paragraphs, size: text.length, mtimeMs: 0, contentHash: hash },
    ],
  };
}

/** Every file in the data dir with its mtime and size. */
async function snapshotDir(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const st = await stat(path.join(dir, name));
    out.push(`${name}:${st.mtimeMs}:${st.size}`);
  }
  return out;
}

describe('listing annotations', () => {
  it('works while another process holds the lock, and listing twice writes no file', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const h = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'Mrs. Hoa'), note: 'ai?' });
    // The file gained a paragraph at the top: every position moved.
    const edited = `Breaking: the river rose again.\n\n${EN}`;
    const a = article(edited, 'v2');
    await holdLockInChild(dir);
    const before = await snapshotDir(dir);
    const first = anchoredAnnotations(store, a);
    const second = anchoredAnnotations(store, a);
    const found = first.find((x) => x.id === h.id);
    expect(found?.orphaned).toBe(false);
    expect(edited.slice(found?.target?.position.start, found?.target?.position.end)).toBe('Mrs. Hoa');
    expect(second).toEqual(first);
    expect(await snapshotDir(dir)).toEqual(before);
    // The stored position is still the old one: only a file change saves it.
    expect(store.get(h.id)?.target?.position.start).toBe(rangeOf(EN, 'Mrs. Hoa').start);
  }, 20_000);

  it('saves moved positions once per file change', async () => {
    const dir = await tempDataDir();
    const { store } = await AnnotationStore.open(dir);
    const h = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'red line') });
    const edited = `Cập nhật: nước lên lại.\n\n${EN}`;
    const a = article(edited, 'v2');
    expect(await saveMovedPositions(store, a)).toBe(1);
    expect(store.get(h.id)?.target?.position.start).toBe(edited.indexOf('red line'));
    const files = await snapshotDir(dir);
    expect(await saveMovedPositions(store, a)).toBe(0);
    expect(await snapshotDir(dir)).toEqual(files);
  });

  it('does not re-anchor the article when only a note changes (autosave)', async () => {
    const { store } = await AnnotationStore.open(await tempDataDir());
    const h = await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'Ben Lam') });
    await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'blue line') });
    let runs = 0;
    const reanchor: typeof reanchorAll = (...args) => {
      runs++;
      return reanchorAll(...args);
    };
    const a = article(EN, 'v1');
    anchoredAnnotations(store, a, { reanchor });
    for (const note of ['B', 'Bế', 'Bến Lâm là đâu?']) {
      await store.update(h.id, { note, tags: ['địa danh'] });
      const listed = anchoredAnnotations(store, a, { reanchor });
      expect(listed.find((x) => x.id === h.id)).toMatchObject({ note, tags: ['địa danh'], orphaned: false });
    }
    expect(runs).toBe(1);
    // A new highlight or a new file version does re-anchor.
    await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'red line') });
    anchoredAnnotations(store, a, { reanchor });
    anchoredAnnotations(store, article(EN, 'v2'), { reanchor });
    expect(runs).toBe(3);
  });
});
