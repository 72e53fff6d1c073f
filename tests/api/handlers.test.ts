/**
 * The API handlers on a real session over a copy of the sample library: the same code both
 * transports call. Covers articles, search, annotations with undo/redo, settings, events and the
 * capabilities the web bridge refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call, dispatch, type Handlers } from '../../src-main/api/dispatch';
import { articleText } from '../../src-main/shared/text';
import type { FolioEvent } from '../../src-main/shared/api';
import { forwardEvents } from '../../src-main/api/events';
import { copySampleLibrary } from '../support/sample-library';

let tmp: string;
let session: FolioSession;
let h: Handlers;
const events: FolioEvent[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-api-'));
  await copySampleLibrary(path.join(tmp, 'lib'));
  session = await FolioSession.open({ libraryRoot: path.join(tmp, 'lib'), dataDir: path.join(tmp, 'data'), watch: true });
  forwardEvents(session.events, (e) => events.push(e));
  h = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
  await session.searchReady;
});
afterAll(async () => {
  await session?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('articles', () => {
  it('lists summaries and returns a pair with both versions', async () => {
    const list = await call(h, 'listArticles', {});
    expect(list).toHaveLength(4);
    const pair = list.find((a) => a.langs.join() === 'vi,en')!;
    const article = await call(h, 'getArticle', { id: pair.id });
    expect(article.versions.map((v) => v.lang)).toEqual(['vi', 'en']);
    const byEnglishFile = await call(h, 'getArticle', { id: article.versions[1]!.fileId });
    expect(byEnglishFile.id).toBe(article.id);
  });
  it('answers article-not-found (with the id) for an unknown id, and path-like ids never read files', async () => {
    for (const id of ['nope', '../../etc/passwd', '/etc/passwd']) {
      const r = await dispatch(h, 'getArticle', { id });
      expect(r).toMatchObject({ ok: false, error: { code: 'article-not-found', params: { id } } });
    }
  });
  it('returns the raw file text', async () => {
    const list = await call(h, 'listArticles', {});
    const scraped = list.find((a) => a.path === 'thu-vien-lang.txt')!;
    const raw = await call(h, 'getRawText', { id: scraped.id });
    const article = await call(h, 'getArticle', { id: scraped.id });
    expect(raw.text.length).toBeGreaterThan(articleText(article.versions[0]!.paragraphs).length);
  });
});

describe('annotations through the API', () => {
  it('creates, edits, deletes, undoes and redoes; refuses an out-of-range highlight', async () => {
    const list = await call(h, 'listArticles', {});
    const id = list.find((a) => a.langs.length === 2)!.id;
    const article = await call(h, 'getArticle', { id });
    const en = article.versions.find((v) => v.lang === 'en')!;
    const text = articleText(en.paragraphs);
    const bad = await dispatch(h, 'createHighlight', { articleId: id, lang: 'en', start: 10, end: text.length + 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-range' } });

    const made = await call(h, 'createHighlight', { articleId: id, lang: 'en', start: 0, end: 12, color: 'pink', note: 'first' });
    expect(made.target?.quote.exact).toBe(text.slice(0, 12));
    await call(h, 'updateAnnotation', { id: made.id, note: 'edited', tags: ['x'] });
    expect((await call(h, 'listAnnotations', { articleId: id })).find((a) => a.id === made.id)).toMatchObject({ note: 'edited', tags: ['x'], orphaned: false });

    await call(h, 'deleteAnnotation', { id: made.id });
    expect((await call(h, 'listAnnotations', { articleId: id })).some((a) => a.id === made.id)).toBe(false);
    expect(await call(h, 'undo', {})).not.toBeNull();
    expect((await call(h, 'listAnnotations', { articleId: id })).find((a) => a.id === made.id)?.note).toBe('edited');
    expect(await call(h, 'redo', {})).not.toBeNull();
    expect((await call(h, 'listAnnotations', { articleId: id })).some((a) => a.id === made.id)).toBe(false);
    expect(events.some((e) => e.name === 'annotationsChanged' && e.payload.articleIds.includes(id))).toBe(true);
  });

  it('scoped undo (an Undo button) refuses to revert another record; plain undo still works', async () => {
    const list = await call(h, 'listArticles', {});
    const id = list.find((a) => a.langs.length === 2)!.id;
    const a = await call(h, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 10 });
    const b = await call(h, 'createHighlight', { articleId: id, lang: 'vi', start: 20, end: 30 });
    await call(h, 'updateAnnotation', { id: a.id, tags: ['lũ', 'sinh thái'] });
    await call(h, 'deleteAnnotation', { id: b.id });
    expect(await call(h, 'undo', { id: b.id })).not.toBeNull();
    // B's delete is undone; the next undo would be A's tag edit: B's Undo must not reach it.
    const refused = await dispatch(h, 'undo', { id: b.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'undo-superseded', params: { id: b.id } } });
    expect((await call(h, 'listAnnotations', { articleId: id })).find((x) => x.id === a.id)?.tags).toEqual(['lũ', 'sinh thái']);
    expect(await dispatch(h, 'redo', { id: a.id })).toMatchObject({ ok: false, error: { code: 'undo-superseded' } });
    expect(await call(h, 'redo', { id: b.id })).not.toBeNull();
    expect((await call(h, 'listAnnotations', { articleId: id })).some((x) => x.id === b.id)).toBe(false);
    await call(h, 'deleteAnnotation', { id: a.id });
  });

  it('answers annotation-not-found with the id for an unknown annotation', async () => {
    expect(await dispatch(h, 'updateAnnotation', { id: 'gone', note: 'x' })).toMatchObject({ ok: false, error: { code: 'annotation-not-found', params: { id: 'gone' } } });
    expect(await dispatch(h, 'deleteAnnotation', { id: 'gone' })).toMatchObject({ ok: false, error: { code: 'annotation-not-found' } });
  });

  it('renames a tag everywhere, and merges it into an existing tag without duplicates', async () => {
    const list = await call(h, 'listArticles', {});
    const id = list.find((a) => a.langs.length === 2)!.id;
    const a = await call(h, 'createHighlight', { articleId: id, lang: 'vi', start: 0, end: 8, tags: ['lu', 'đồng bằng'] });
    const b = await call(h, 'createHighlight', { articleId: id, lang: 'vi', start: 10, end: 18, tags: ['lũ'] });
    expect(await call(h, 'renameTag', { from: 'lu', to: 'lũ' })).toEqual({ updated: 1 });
    const tagsOf = async (x: string) => (await call(h, 'listAnnotations', { articleId: id })).find((r) => r.id === x)?.tags;
    expect(await tagsOf(a.id)).toEqual(['lũ', 'đồng bằng']);
    expect(await call(h, 'renameTag', { from: 'đồng bằng', to: 'lũ' })).toEqual({ updated: 1 });
    expect(await tagsOf(a.id)).toEqual(['lũ']);
    expect(await tagsOf(b.id)).toEqual(['lũ']);
    expect(await dispatch(h, 'renameTag', { from: 'lũ', to: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await call(h, 'deleteAnnotation', { id: a.id });
    await call(h, 'deleteAnnotation', { id: b.id });
  });

  it('makes an article findable by the words of a note', async () => {
    const list = await call(h, 'listArticles', {});
    const id = list.find((a) => a.path === 'coffee-cooperative.html')!.id;
    await call(h, 'createNote', { articleId: id, lang: 'en', note: 'xylophonic marmalade' });
    await expect.poll(async () => (await call(h, 'search', { query: 'xylophonic' })).map((r) => r.id), { timeout: 30_000 }).toContain(id);
    const byAnnotation = await call(h, 'search', { query: 'xylophonic', filters: { hasAnnotations: true } });
    expect(byAnnotation.map((r) => r.id)).toEqual([id]);
  });
});

describe('search filters', () => {
  it('filters by language', async () => {
    const en = await call(h, 'search', { query: 'coffee', filters: { lang: 'en' } });
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((r) => r.lang === 'en')).toBe(true);
    const vi = await call(h, 'search', { query: 'coffee', filters: { lang: 'vi' } });
    expect(vi.every((r) => r.lang === 'vi')).toBe(true);
  });
});

describe('settings', () => {
  it('persists patches and reading positions', async () => {
    const s = await call(h, 'updateSettings', { theme: 'dark', fontSize: 22, position: { id: 'abc', paragraph: 7 } });
    expect(s).toMatchObject({ theme: 'dark', fontSize: 22 });
    expect(s.positions.abc).toBe(7);
    expect(s.lastRead.abc).toBeGreaterThan(0);
    const bad = await dispatch(h, 'updateSettings', { fontSize: 500 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('capabilities of the web transport', () => {
  it('refuses revealing files and opening other libraries', async () => {
    const id = (await call(h, 'listArticles', {}))[0]!.id;
    expect(await dispatch(h, 'revealInFolder', { id })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(h, 'openLibraryPath', { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(h, 'openLibraryDialog', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const info = await call(h, 'getAppInfo', {});
    expect(info.capabilities).toEqual({ revealInFolder: false, openLibrary: false });
  });
});

describe('watching', () => {
  it('picks up a new file and makes it searchable, as an event', async () => {
    await writeFile(path.join(tmp, 'lib', 'moi.txt'), 'Chợ nổi Cái Răng\n\n01/03/2024 - 06:15\n\nNhững chiếc ghe chở đầy bí đỏ và khóm neo sát nhau từ lúc trời còn tối.\n\nMinh Khoa\n');
    await expect.poll(() => events.some((e) => e.name === 'libraryChanged' && e.payload.added.length > 0), { timeout: 30_000 }).toBe(true);
    const hits = await call(h, 'search', { query: 'cho noi cai rang' });
    expect(hits[0]?.title).toBe('Chợ nổi Cái Răng');
  });
});
