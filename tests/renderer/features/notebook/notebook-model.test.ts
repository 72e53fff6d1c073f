import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/types';
import { EMPTY_FILTER, filterNotebook, matchesText, notebookMarkdown, sortNotebook, tagCounts } from '../../../../src-renderer/features/notebook/notebook-model';

function ann(id: string, over: Partial<Annotation> & { quote?: string; start?: number }): Annotation {
  const { quote, start, ...rest } = over;
  return {
    id,
    articleId: 'ben',
    lang: 'vi',
    kind: quote === undefined ? 'note' : 'highlight',
    target: quote === undefined ? null : { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: start ?? 0, end: (start ?? 0) + quote.length }, paragraph: 0 },
    color: 'yellow',
    note: '',
    tags: [],
    created: '2024-03-02T08:00:00.000Z',
    updated: '2024-03-02T08:00:00.000Z',
    ...rest,
  };
}

const titles = new Map([['ben', 'Bến sông buổi sáng'], ['gom', 'Làng gốm bên kênh']]);
const all = [
  ann('a', { quote: 'Bà Năm bán bánh canh', start: 40, color: 'green', tags: ['chợ', 'người'], created: '2024-03-05T10:00:00Z' }),
  ann('b', { quote: 'Trời chưa sáng hẳn', start: 0, tags: ['chợ'] }),
  ann('c', { articleId: 'gom', quote: 'Đất sét được chở từ thượng nguồn', color: 'blue', lang: 'vi', created: '2024-04-01T00:00:00Z' }),
  ann('d', { articleId: 'gom', note: 'Hỏi thêm về lò nung', tags: ['người'], lang: 'en', created: '2024-02-01T00:00:00Z' }),
];

describe('notebook model', () => {
  it('matches text with diacritics optional: plain queries fold, marked queries match that spelling', () => {
    expect(matchesText('Đất sét được chở', 'dat set')).toBe(true);
    expect(matchesText('Đất sét được chở', 'đất')).toBe(true);
    expect(matchesText('Dat set', 'đất')).toBe(false);
  });

  it('filters by colour, tag, language, article, date range and text', () => {
    const ids = (f: Partial<typeof EMPTY_FILTER>) => filterNotebook(all, { ...EMPTY_FILTER, ...f }, titles).map((a) => a.id);
    expect(ids({ color: 'green' })).toEqual(['a']);
    expect(ids({ tag: 'CHỢ' })).toEqual(['a', 'b']);
    expect(ids({ lang: 'en' })).toEqual(['d']);
    expect(ids({ articleId: 'gom' })).toEqual(['c', 'd']);
    expect(ids({ from: '2024-03-03', to: '2024-03-31' })).toEqual(['a']);
    expect(ids({ text: 'lo nung' })).toEqual(['d']);
    expect(ids({ text: 'lang gom' })).toEqual(['c', 'd']);
  });

  it('sorts by article title then position (notes first), or newest first', () => {
    expect(sortNotebook(all, 'article', titles, 'vi').map((a) => a.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(sortNotebook(all, 'date', titles, 'vi').map((a) => a.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(all)).toEqual([{ tag: 'chợ', count: 2 }, { tag: 'người', count: 2 }]);
  });

  it('writes Markdown with a section per article, quotes, notes, tags and the other language', () => {
    const md = notebookMarkdown(sortNotebook(all, 'article', titles, 'vi'), titles, { heading: 'Sổ tay', articleNote: 'Ghi chú cho bài', tags: 'Thẻ', translation: 'Bản dịch' }, new Map([['a', 'Mrs Nam has sold noodle soup']]));
    expect(md).toContain('# Sổ tay\n\n## Bến sông buổi sáng\n\n> Trời chưa sáng hẳn\n');
    expect(md).toContain('> Bà Năm bán bánh canh\n>\n> *Bản dịch:* Mrs Nam has sold noodle soup\n\n*green · VI · 2024-03-05 · Thẻ: chợ, người*');
    expect(md).toContain('## Làng gốm bên kênh\n\n*Ghi chú cho bài · EN · 2024-02-01 · Thẻ: người*\n\nHỏi thêm về lò nung');
  });
});
