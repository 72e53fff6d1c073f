import { describe, expect, it } from 'vitest';
import { AnnotationStore, fromMarkdown, fromW3C, reanchorAll, toMarkdown, toW3C } from '../../../src-main/core/annotations/index';
import type { Annotation, Article, ArticleVersion } from '../../../src-main/shared/types';
import { EN, VI, rangeOf, tempDataDir } from './helpers';

function version(lang: 'en' | 'vi', text: string, title: string, extra: Partial<ArticleVersion> = {}): ArticleVersion {
  return {
    fileId: `f-${lang}`,
    lang,
    path: `river/${lang}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    title,
    date: '2026-03-14',
    author: null,
    source: null,
    tags: [],
    captions: [],
    paragraphs: text.split('\n\n').map((t, index) => ({ index, kind: 'paragraph', text: t })),
    size: text.length,
    mtimeMs: 0,
    contentHash: 'x',
    ...extra,
  };
}

/** A store with a varied set of records: notes with Markdown and "--", tags, colours, two languages. */
async function populated(): Promise<{ store: AnnotationStore; records: Annotation[] }> {
  const { store } = await AnnotationStore.open(await tempDataDir());
  await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'keeps a notebook of every flood since 1978'), note: 'Ask for a copy -- and *scan* it.\n\n> quoted <!-- tricky -->', tags: ['sources', 'oral history'], color: 'purple' });
  await store.createHighlight({ articleId: 'river', lang: 'en', text: EN, ...rangeOf(EN, 'the pillars are what people look at'), color: 'green' });
  await store.createHighlight({ articleId: 'lua', lang: 'vi', text: VI, ...rangeOf(VI, 'Nước mặn thì lúa chết'), note: 'Câu hay.', tags: ['mặn'] });
  await store.createNote({ articleId: 'river', lang: 'en', note: 'Whole-article thought.', tags: ['todo'] });
  return { store, records: store.list() };
}

describe('W3C Web Annotation JSON-LD', () => {
  it('exports an AnnotationCollection with quote and position selectors, bodies for notes and tags', async () => {
    const { records } = await populated();
    type Item = { id: string; motivation: string; target: { source: string; selector: Array<{ type: string }> }; body: unknown[]; 'folio:color': string };
    const doc = toW3C(records, (a) => `folio:article/${a.articleId}/${a.lang}`) as { '@context': unknown[]; type: string; total: number; first: { items: Item[] } };
    expect(doc['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    const hl = doc.first.items.find((i) => i['folio:color'] === 'purple')!;
    expect(hl).toMatchObject({ type: 'Annotation', motivation: 'highlighting', id: expect.stringMatching(/^urn:uuid:/) });
    expect(hl.target.source).toBe('folio:article/river/en');
    expect(hl.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(hl.body).toEqual([
      { type: 'TextualBody', value: expect.stringContaining('Ask for a copy'), format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'sources', purpose: 'tagging' },
      { type: 'TextualBody', value: 'oral history', purpose: 'tagging' },
    ]);
    const note = doc.first.items.find((i) => i.motivation === 'commenting')!;
    expect(note.target).toEqual({ source: 'folio:article/river/en' });
  });

  it('round-trips into an empty store with identical records, and a second import changes nothing', async () => {
    const { records } = await populated();
    const json = JSON.parse(JSON.stringify(toW3C(records, (a) => `folio:article/${a.articleId}`)));
    const { annotations, errors } = fromW3C(json);
    expect(errors).toEqual([]);
    const { store: empty } = await AnnotationStore.open(await tempDataDir());
    expect(await empty.importAnnotations(annotations)).toEqual({ added: 4, updated: 0, unchanged: 0, skipped: 0 });
    expect(empty.list()).toEqual(records);
    expect(await empty.importAnnotations(fromW3C(json).annotations)).toEqual({ added: 0, updated: 0, unchanged: 4, skipped: 0 });
    expect(empty.list()).toEqual(records);
  });

  it('import upserts newer versions and does not resurrect records deleted after the export', async () => {
    const { store, records } = await populated();
    const exported = fromW3C(toW3C(records, () => 'x')).annotations;
    const [first, second] = records;
    await store.delete(first!.id);
    const edited = { ...second!, note: 'newer elsewhere', updated: new Date(Date.now() + 60_000).toISOString() };
    expect(await store.importAnnotations([...exported, edited])).toEqual({ added: 0, updated: 1, unchanged: 3, skipped: 1 });
    expect(store.get(first!.id)).toBeUndefined();
    expect(store.get(second!.id)?.note).toBe('newer elsewhere');
  });

  it('reports unusable items instead of throwing, and accepts a single annotation or an array', () => {
    const { annotations, errors } = fromW3C([
      { type: 'Annotation', target: 'http://example.org/page' },
      { type: 'Note', target: 'x' },
      {
        id: 'urn:uuid:7a1c1f8e-2f55-4f3a-9a55-3c1b2d7e9f00',
        type: 'Annotation',
        target: { source: 'folio:article/river', selector: { type: 'TextQuoteSelector', exact: 'Ben Lam' } },
        'folio:articleId': 'river',
        created: '2026-01-02T03:04:05Z',
      },
    ]);
    expect(errors).toEqual([expect.stringMatching(/^item 1: no folio:articleId/), expect.stringMatching(/^item 2: not a W3C annotation/)]);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ id: '7a1c1f8e-2f55-4f3a-9a55-3c1b2d7e9f00', kind: 'highlight', lang: 'und', color: 'yellow' });
    expect(fromW3C({ type: 'Annotation', target: 'a', 'folio:articleId': 'a', body: { value: 'hi', type: 'TextualBody' } }).annotations[0]).toMatchObject({ kind: 'note', note: 'hi' });
  });
});

describe('Markdown export', () => {
  it('writes title, source, date, quotes with notes and #tags, grouped by article', async () => {
    const { records } = await populated();
    const river: Article = { id: 'river', versions: [version('en', EN, 'The River Town That Learned to Read Its Floods', { source: 'https://example.org/river', author: 'T. Nguyen' })] };
    const lua: Article = { id: 'lua', versions: [version('vi', VI, 'Làng lúa ven sông Hậu'), version('en', EN, 'Rice village')] };
    const edited = EN.replace('The readings are useful, but the pillars are what people look at, and the', 'The');
    const md = toMarkdown([
      { article: river, annotations: reanchorAll(edited, records.filter((a) => a.articleId === 'river')).anchored },
      { article: lua, annotations: reanchorAll(VI, records.filter((a) => a.articleId === 'lua')).anchored },
    ]);
    expect(md).toContain('# The River Town That Learned to Read Its Floods\n\n- Source: https://example.org/river\n- Author: T. Nguyen\n- Date: 14 Mar 2026');
    expect(md).toContain('## Notes\n\nWhole-article thought.\n\n#todo');
    expect(md).toContain('> keeps a notebook of every flood since 1978\n\nAsk for a copy -- and *scan* it.');
    expect(md).toContain('#sources #oral-history · Colour: purple');
    expect(md).toContain('> the pillars are what people look at\n\nColour: green · Not found in the current text');
    expect(md).toContain('\n---\n\n# Làng lúa ven sông Hậu');
    // In a pair, the aligned sentence of the other version sits between the quote and the note.
    expect(md).toMatch(/> Nước mặn thì lúa chết\n\nTranslation \(en\):\n\n> [^\n]+\n\nCâu hay\.\n\n#mặn · Colour: yellow · Language: vi/);
    expect(md.indexOf('# The River')).toBeLessThan(md.indexOf('# Làng lúa'));
  });

  it('writes every article’s date in one format, with or without a time of day (QA: a saved page showed raw ISO)', () => {
    const page: Article = { id: 'page', versions: [version('en', EN, 'A saved page', { format: 'html', date: '2022-09-20T08:00:00' })] };
    const text: Article = { id: 'text', versions: [version('vi', VI, 'Một tệp văn bản', { date: '2024-03-12' })] };
    const md = toMarkdown([
      { article: page, annotations: [] },
      { article: text, annotations: [] },
    ]);
    expect(md.split('\n').filter((l) => l.startsWith('- Date:'))).toEqual(['- Date: 20 Sept 2022, 08:00', '- Date: 12 Mar 2024']);
  });

  it('embeds each record so the Markdown re-imports into an empty store, idempotently', async () => {
    const { records } = await populated();
    const md = toMarkdown([
      { article: { id: 'river', versions: [version('en', EN, 'River')] }, annotations: records.filter((a) => a.articleId === 'river').map((a) => ({ ...a, orphaned: false })) },
      { article: { id: 'lua', versions: [version('vi', VI, 'Lúa')] }, annotations: records.filter((a) => a.articleId === 'lua').map((a) => ({ ...a, orphaned: false })) },
    ]);
    expect(md).not.toMatch(/<!-- folio-annotation [^\n]*--[^>][^\n]*-->/);
    const { annotations, errors } = fromMarkdown(md);
    expect(errors).toEqual([]);
    const { store: empty } = await AnnotationStore.open(await tempDataDir());
    await empty.importAnnotations(annotations);
    expect(empty.list()).toEqual(records);
    expect(await empty.importAnnotations(fromMarkdown(md).annotations)).toMatchObject({ added: 0, unchanged: 4 });
  });
});

describe('Markdown export of a translation pair', () => {
  it('carries the aligned sentence of the other version under each highlight, both ways', async () => {
    const vi = 'Mùa lũ năm nay đến sớm. Nước dâng nhanh trong một đêm.\n\nNgười dân đưa trâu bò lên gò cao. Trường học tạm nghỉ ba ngày.';
    const en = 'The flood season came early this year. The water rose quickly in one night.\n\nPeople moved their cattle to high mounds. Schools closed for three days.';
    const article: Article = { id: 'lu', versions: [version('vi', vi, 'Mùa lũ'), version('en', en, 'Flood season')] } as Article;
    const { store } = await AnnotationStore.open(await tempDataDir());
    await store.createHighlight({ articleId: 'lu', lang: 'vi', text: vi, ...rangeOf(vi, 'đưa trâu bò lên gò cao') });
    await store.createHighlight({ articleId: 'lu', lang: 'en', text: en, ...rangeOf(en, 'Schools closed') });
    const anchored = [
      ...reanchorAll(vi, store.list().filter((a) => a.lang === 'vi')).anchored,
      ...reanchorAll(en, store.list().filter((a) => a.lang === 'en')).anchored,
    ];
    const md = toMarkdown([{ article, annotations: anchored }]);
    expect(md).toContain('> đưa trâu bò lên gò cao\n\nTranslation (en):\n\n> People moved their cattle to high mounds.');
    expect(md).toContain('> Schools closed\n\nTranslation (vi):\n\n> Trường học tạm nghỉ ba ngày.');
    // The records still round-trip: the translation is presentation only.
    expect(fromMarkdown(md).annotations.map((a) => a.id).sort()).toEqual(store.list().map((a) => a.id).sort());
  });
});
