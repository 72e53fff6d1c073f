/** The renderer store: race guards (article, search, settings), optimistic settings, a vanished article. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/settings';
import type { Article, ArticleSummary } from '@shared/types';
import * as fake from '../support/fake-api';

vi.mock('../../../src-renderer/lib/api', () => import('../support/fake-api'));
const { useFolio, FIRST_LIST_PAGE, LIST_PAGE } = await import('../../../src-renderer/app/store');
// No reader here: background steps need not wait for a quiet moment after input.
(await import('../../../src-renderer/app/background')).setQuietPeriod(0);

const article = (id: string): Article => ({
  id,
  versions: [{ fileId: id, lang: 'vi', path: `${id}.md`, format: 'md', encoding: 'utf-8', title: id, date: null, author: null, source: null, tags: [], captions: [], paragraphs: [{ index: 0, kind: 'paragraph', text: `Bài ${id}.` }], size: 1, mtimeMs: 1, contentHash: `h-${id}` }],
});
const summary = (id: string): ArticleSummary => ({ id, title: id, date: null, source: null, author: null, langs: ['vi'], tags: [], path: `${id}.md`, annotationCount: 0, lastReadAt: null });

/** Lets a macrotask turn (background work's idle wait) pass, then queued promise callbacks run. */
const settleTask = async () => {
  await fake.settle();
  await new Promise((r) => setTimeout(r, 1));
  await fake.settle();
};

beforeEach(() => {
  fake.reset();
  useFolio.setState({ settings: defaultSettings(), article: null, selectedId: null, hits: null, articleError: null, lostArticle: null, annotations: [] });
  fake.autoReplies.set('updateSettings', () => useFolio.getState().settings);
});

describe('store race guards', () => {
  it('shows the article opened last even when an earlier one answers later', async () => {
    const s = useFolio.getState();
    void s.openArticle('a');
    void s.openArticle('b');
    const [a, aAnn] = [fake.next('getArticle'), fake.next('listAnnotations')];
    fake.next('getArticle').resolve(article('b'));
    fake.next('listAnnotations').resolve([]);
    await fake.settle();
    expect(useFolio.getState().article?.id).toBe('b');
    a.resolve(article('a'));
    aAnn.resolve([]);
    await fake.settle();
    expect(useFolio.getState().article?.id).toBe('b');
    expect(useFolio.getState().selectedId).toBe('b');
  });

  it('keeps the results of the newest query when an older search answers last', async () => {
    const s = useFolio.getState();
    void s.runSearch('ben');
    void s.runSearch('ben song');
    const older = fake.next('searchPage');
    fake.next('searchPage').resolve({ hits: [{ id: 'new', title: 'new', date: null, score: 1, lang: 'vi', snippets: [] }], total: 1 });
    await fake.settle();
    older.resolve({ hits: [{ id: 'old', title: 'old', date: null, score: 1, lang: 'vi', snippets: [] }], total: 1 });
    await fake.settle();
    expect(useFolio.getState().hits?.map((h) => h.id)).toEqual(['new']);
  });

  it('re-runs a search after a file change without dropping the results "more results" loaded', async () => {
    const hit = (id: string) => ({ id, title: id, date: null, score: 1, lang: 'vi' as const, snippets: [] });
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `b${from + i}`);
    const s = useFolio.getState();
    s.setQuery('bài');
    void s.runSearch('bài');
    fake.next('searchPage').resolve({ hits: ids(0, 50).map(hit), total: 200 });
    await fake.settle();
    void useFolio.getState().loadMoreResults();
    fake.next('searchPage').resolve({ hits: ids(50, 50).map(hit), total: 200 });
    await fake.settle();
    expect(useFolio.getState().hits).toHaveLength(100);
    void useFolio.getState().refreshSearch();
    const again = fake.next('searchPage');
    expect(again.req).toMatchObject({ query: 'bài', limit: 100 });
    again.resolve({ hits: ids(0, 100).map(hit), total: 230 });
    await fake.settle();
    expect(useFolio.getState().hits).toHaveLength(100);
    expect(useFolio.getState().searchTotal).toBe(230);
  });

  it('applies a settings change at once, and an older reply never undoes a newer change', async () => {
    fake.autoReplies.delete('updateSettings');
    const s = useFolio.getState();
    void s.updateSettings({ panesCollapsed: { library: true, annotations: false } });
    expect(useFolio.getState().settings?.panesCollapsed).toEqual({ library: true, annotations: false });
    void s.updateSettings({ panesCollapsed: { library: true, annotations: true } });
    const first = fake.next('updateSettings');
    const second = fake.next('updateSettings');
    first.resolve({ ...defaultSettings(), panesCollapsed: { library: true, annotations: false } });
    await fake.settle();
    expect(useFolio.getState().settings?.panesCollapsed).toEqual({ library: true, annotations: true });
    second.resolve({ ...defaultSettings(), panesCollapsed: { library: true, annotations: true }, fontSize: 22 });
    await fake.settle();
    // The saved settings (as the server persisted them) replace the optimistic copy.
    expect(useFolio.getState().settings?.fontSize).toBe(22);
  });

  it('persists every settings change through the API, and keeps a reading position out of the optimistic copy', async () => {
    fake.autoReplies.delete('updateSettings');
    const s = useFolio.getState();
    void s.updateSettings({ theme: 'sepia' });
    void s.updateSettings({ position: { id: 'a', paragraph: 7 } });
    expect(useFolio.getState().settings?.theme).toBe('sepia');
    expect(useFolio.getState().settings?.positions).toEqual({});
    expect(fake.next('updateSettings').req).toEqual({ theme: 'sepia' });
    const position = fake.next('updateSettings');
    expect(position.req).toEqual({ position: { id: 'a', paragraph: 7 } });
    position.resolve({ ...defaultSettings(), theme: 'sepia', positions: { a: 7 }, lastRead: { a: 1 } });
    await fake.settle();
    expect(useFolio.getState().settings?.positions).toEqual({ a: 7 });
  });

  it('says the open article is gone (a code, not a sentence) and remembers it when its file vanishes', async () => {
    useFolio.setState({ selectedId: 'a', article: article('a') });
    void useFolio.getState().loadLibrary();
    await settleTask();
    fake.next('getAppInfo').resolve({ version: '0', transport: 'web', libraryRoot: '/l', dataDir: '/d', capabilities: { revealInFolder: false, openLibrary: false }, recovery: null });
    fake.next('getLibraryStatus').resolve({ root: '/l', dataDir: '/d', progress: { phase: 'ready', done: 1, total: 1 }, articleCount: 1, pairCount: 0, skipped: [] });
    fake.next('listArticles').resolve([summary('b')]);
    await fake.settle();
    const st = useFolio.getState();
    expect(st.article).toBeNull();
    expect(st.articleError).toEqual({ code: 'article-not-found', params: { id: 'a' } });
    expect(st.lostArticle?.id).toBe('a');
  });

  it('keeps the error code of a failed open', async () => {
    void useFolio.getState().openArticle('zz');
    fake.next('getArticle').reject('article-not-found');
    fake.next('listAnnotations').resolve([]);
    await fake.settle();
    expect(useFolio.getState().articleError?.code).toBe('article-not-found');
  });
});

describe('progressive list loading', () => {
  const info = { version: '0', transport: 'web' as const, libraryRoot: '/l', dataDir: '/d', capabilities: { revealInFolder: false, openLibrary: false }, recovery: null };
  const status = (count: number) => ({ root: '/l', dataDir: '/d', progress: { phase: 'ready' as const, done: count, total: count }, articleCount: count, pairCount: 0, skipped: [] });
  const summaries = (from: number, n: number) => Array.from({ length: n }, (_, i) => summary(`s${from + i}`));
  // The language filters' first rows are known (their fetching has a test of its own below).
  beforeEach(() => useFolio.setState({ filterHeads: { pair: [], vi: [], en: [] } }));
  const answerState = (count: number) => {
    fake.next('getAppInfo').resolve(info);
    fake.next('getLibraryStatus').resolve(status(count));
  };

  it('shows the first page at once, then the rest page by page, and settles when all is in', async () => {
    const total = FIRST_LIST_PAGE + LIST_PAGE + 3;
    let settled = false;
    void useFolio.getState().loadLibrary({ progressive: true }).then(() => (settled = true));
    answerState(total);
    const first = fake.next('listArticles');
    expect(first.req).toEqual({ offset: 0, limit: FIRST_LIST_PAGE });
    first.resolve(summaries(0, FIRST_LIST_PAGE));
    await fake.settle();
    expect(useFolio.getState().articles).toHaveLength(FIRST_LIST_PAGE);
    expect(useFolio.getState().listComplete).toBe(false);
    expect(settled).toBe(false);
    await settleTask();
    const second = fake.next('listArticles');
    expect(second.req).toEqual({ offset: FIRST_LIST_PAGE, limit: LIST_PAGE });
    second.resolve(summaries(FIRST_LIST_PAGE, LIST_PAGE));
    await settleTask();
    expect(useFolio.getState().articles).toHaveLength(FIRST_LIST_PAGE);
    const third = fake.next('listArticles');
    expect(third.req).toEqual({ offset: FIRST_LIST_PAGE + LIST_PAGE, limit: LIST_PAGE });
    third.resolve(summaries(FIRST_LIST_PAGE + LIST_PAGE, 3));
    await fake.settle();
    const st = useFolio.getState();
    expect(st.articles.map((a) => a.id)).toEqual(summaries(0, total).map((a) => a.id));
    expect(st.listComplete).toBe(true);
    expect(settled).toBe(true);
  });

  it('calls onFirstRows once the first page is in, before the rest of the list (the window resumes the last article then)', async () => {
    let firstRows = 0;
    void useFolio.getState().loadLibrary({ progressive: true, onFirstRows: () => firstRows++ });
    answerState(FIRST_LIST_PAGE + 1);
    fake.next('listArticles').resolve(summaries(0, FIRST_LIST_PAGE));
    await settleTask();
    expect(firstRows).toBe(1);
    expect(useFolio.getState().listComplete).toBe(false);
    fake.next('listArticles').resolve(summaries(FIRST_LIST_PAGE, 1));
    await settleTask();
    expect(useFolio.getState().listComplete).toBe(true);
    expect(firstRows).toBe(1);
  });

  it('a small library is complete after its first page (no second request)', async () => {
    void useFolio.getState().loadLibrary({ progressive: true });
    answerState(2);
    fake.next('listArticles').resolve(summaries(0, 2));
    await fake.settle();
    expect(useFolio.getState().articles).toHaveLength(2);
    expect(useFolio.getState().listComplete).toBe(true);
    expect(fake.calls.filter((c) => c.method === 'listArticles')).toHaveLength(0);
  });

  it('a newer load (a library change) wins over pages still arriving, and the older load settles with it', async () => {
    let olderSettled = false;
    void useFolio.getState().loadLibrary({ progressive: true }).then(() => (olderSettled = true));
    answerState(FIRST_LIST_PAGE + 5);
    fake.next('listArticles').resolve(summaries(0, FIRST_LIST_PAGE));
    await settleTask();
    const stale = fake.next('listArticles');
    void useFolio.getState().loadLibrary();
    await settleTask();
    answerState(2);
    const whole = fake.next('listArticles');
    expect(whole.req).toEqual({ offset: 0, limit: FIRST_LIST_PAGE });
    stale.resolve(summaries(FIRST_LIST_PAGE, 5));
    await fake.settle();
    expect(olderSettled).toBe(false);
    whole.resolve([summary('x'), summary('y')]);
    await fake.settle();
    expect(useFolio.getState().articles.map((a) => a.id)).toEqual(['x', 'y']);
    expect(useFolio.getState().listComplete).toBe(true);
    expect(olderSettled).toBe(true);
  });

  it('an article opened while the rest of the list loads is fetched first; the list waits for it', async () => {
    void useFolio.getState().loadLibrary({ progressive: true });
    answerState(FIRST_LIST_PAGE + 5);
    fake.next('listArticles').resolve(summaries(0, FIRST_LIST_PAGE));
    await fake.settle();
    void useFolio.getState().openArticle('s3');
    await settleTask();
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['getArticle', 'listAnnotations']);
    fake.next('getArticle').resolve(article('s3'));
    fake.next('listAnnotations').resolve([]);
    await settleTask();
    expect(useFolio.getState().article?.id).toBe('s3');
    fake.next('listArticles').resolve(summaries(FIRST_LIST_PAGE, 5));
    await settleTask();
    expect(useFolio.getState().articles).toHaveLength(FIRST_LIST_PAGE + 5);
  });

  it('a reload (a file event) comes in pages too, and waits while the reader fetches an article or a search', async () => {
    useFolio.setState({ articles: summaries(0, 3), listComplete: true });
    void useFolio.getState().openArticle('s1');
    void useFolio.getState().runSearch('làng');
    let settled = false;
    void useFolio.getState().loadLibrary().then(() => (settled = true));
    await settleTask();
    // Nothing of the reload is asked for while the article and the search are in flight.
    expect(fake.calls.map((c) => c.method).sort()).toEqual(['getArticle', 'listAnnotations', 'searchPage']);
    fake.next('getArticle').resolve(article('s1'));
    fake.next('listAnnotations').resolve([]);
    await settleTask();
    expect(fake.calls.map((c) => c.method)).toEqual(['searchPage']);
    fake.next('searchPage').resolve({ hits: [], total: 0 });
    await settleTask();
    answerState(FIRST_LIST_PAGE + 2);
    const first = fake.next('listArticles');
    expect(first.req).toEqual({ offset: 0, limit: FIRST_LIST_PAGE });
    first.resolve(summaries(0, FIRST_LIST_PAGE));
    await settleTask();
    // The old list stays on screen until the new one is whole.
    expect(useFolio.getState().articles).toHaveLength(3);
    const second = fake.next('listArticles');
    expect(second.req).toEqual({ offset: FIRST_LIST_PAGE, limit: LIST_PAGE });
    expect(settled).toBe(false);
    second.resolve(summaries(FIRST_LIST_PAGE, 2));
    await settleTask();
    expect(useFolio.getState().articles).toHaveLength(FIRST_LIST_PAGE + 2);
    expect(settled).toBe(true);
  });

  it('a page that repeats a row (the library changed between two pages) keeps one row per article', async () => {
    void useFolio.getState().loadLibrary({ progressive: true });
    answerState(FIRST_LIST_PAGE + 2);
    fake.next('listArticles').resolve(summaries(0, FIRST_LIST_PAGE));
    await settleTask();
    // A new article moved every row down by one: the last row of page one comes again.
    fake.next('listArticles').resolve([summary(`s${FIRST_LIST_PAGE - 1}`), ...summaries(FIRST_LIST_PAGE, 2)]);
    await settleTask();
    const ids = useFolio.getState().articles.map((a) => a.id);
    expect(ids).toHaveLength(FIRST_LIST_PAGE + 2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a filter chosen while the list loads', () => {
  it('asks the server for the first rows of that language, and drops them once the whole list is in', async () => {
    useFolio.setState({ articles: [summary('a')], listComplete: false, filter: { lang: null, tag: null }, filterHeads: {} });
    useFolio.getState().setFilter({ lang: 'pair', tag: null });
    const head = fake.next('listArticles');
    expect(head.req).toEqual({ offset: 0, limit: FIRST_LIST_PAGE, lang: 'pair' });
    head.resolve([{ ...summary('p'), langs: ['vi', 'en'] }]);
    await settleTask();
    expect(useFolio.getState().filterHeads.pair?.map((r) => r.id)).toEqual(['p']);
    // Asked once: back and forth needs no new request.
    useFolio.getState().setFilter({ lang: null, tag: null });
    useFolio.getState().setFilter({ lang: 'pair', tag: null });
    expect(fake.calls).toHaveLength(0);
    // A complete list filters itself: no request.
    useFolio.setState({ listComplete: true, filterHeads: {} });
    useFolio.getState().setFilter({ lang: 'en', tag: null });
    expect(fake.calls).toHaveLength(0);
  });

  it('a large list asks for each language filter\'s first rows right after its own first rows, before the rest', async () => {
    useFolio.setState({ filterHeads: {} });
    void useFolio.getState().loadLibrary({ progressive: true });
    fake.next('getAppInfo').resolve({ version: '0', transport: 'web', libraryRoot: '/l', dataDir: '/d', capabilities: { revealInFolder: false, openLibrary: false }, recovery: null });
    fake.next('getLibraryStatus').resolve({ root: '/l', dataDir: '/d', progress: { phase: 'ready', done: 1, total: 1 }, articleCount: FIRST_LIST_PAGE + 1, pairCount: 0, skipped: [] });
    fake.next('listArticles').resolve(Array.from({ length: FIRST_LIST_PAGE }, (_, i) => summary(`s${i}`)));
    const asked: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await settleTask();
      const call = fake.next('listArticles');
      asked.push(call.req);
      call.resolve(i < 3 ? [summary(`h${i}`)] : [summary('last')]);
    }
    await settleTask();
    expect(asked).toEqual([
      { offset: 0, limit: FIRST_LIST_PAGE, lang: 'pair' },
      { offset: 0, limit: FIRST_LIST_PAGE, lang: 'vi' },
      { offset: 0, limit: FIRST_LIST_PAGE, lang: 'en' },
      { offset: FIRST_LIST_PAGE, limit: LIST_PAGE },
    ]);
    expect(useFolio.getState().listComplete).toBe(true);
    expect(useFolio.getState().filterHeads).toEqual({});
  });
});

describe('annotation counts of articles not on screen', () => {
  it('updates the list row of another article whose annotations changed (an undo there)', async () => {
    const a = { ...summary('a'), annotationCount: 1 };
    useFolio.setState({ articles: [a, summary('b')], article: article('b'), selectedId: 'b' });
    void useFolio.getState().refreshCounts(['a', 'b', 'gone']);
    await settleTask();
    // Only the article not open (and still listed) is asked about; the open one has its own refresh.
    const call = fake.next('listAnnotations');
    expect(call.req).toEqual({ articleId: 'a' });
    call.resolve([]);
    await settleTask();
    expect(fake.calls).toHaveLength(0);
    expect(useFolio.getState().articles.find((x) => x.id === 'a')?.annotationCount).toBe(0);
    expect(useFolio.getState().articles.find((x) => x.id === 'b')?.annotationCount).toBe(0);
  });

  it('asks once per article for a burst of events, one request at a time', async () => {
    useFolio.setState({ articles: [summary('a'), summary('c'), summary('b')], article: article('b'), selectedId: 'b' });
    for (const id of ['a', 'c', 'a', 'a', 'c']) void useFolio.getState().refreshCounts([id]);
    await settleTask();
    expect(fake.calls.map((c) => c.req)).toEqual([{ articleId: 'a' }]);
    fake.next('listAnnotations').resolve([{}, {}]);
    await settleTask();
    expect(fake.calls.map((c) => c.req)).toEqual([{ articleId: 'c' }]);
    fake.next('listAnnotations').resolve([{}]);
    await settleTask();
    expect(fake.calls).toHaveLength(0);
    expect(useFolio.getState().articles.map((x) => x.annotationCount)).toEqual([2, 1, 0]);
  });
});
