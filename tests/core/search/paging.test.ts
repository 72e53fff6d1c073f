import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex, type IndexExtras } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';

const N = 73;

function library() {
  return [
    ...Array.from({ length: N }, (_, i) =>
      makeArticle(`nv${i}`, { title: `Báo cáo ${i}`, paragraphs: [`Hoàn thành nhiệm vụ ${'năm '.repeat(i % 7)}được giao.`] }),
    ),
    makeArticle('quiet', { title: 'Ghi chép', paragraphs: ['Buổi sáng yên tĩnh bên hồ.'] }),
  ];
}

const extras = new Map<string, IndexExtras>([
  [
    'quiet',
    {
      annotations: 'nhớ hỏi lại về sen hồng\nyên tĩnh',
      hasAnnotations: true,
      items: [
        { annotationId: 'n1', kind: 'note', text: 'nhớ hỏi lại về sen hồng', paragraph: 0 },
        { annotationId: 'h1', kind: 'highlight', text: 'yên tĩnh', paragraph: 0 },
      ],
    },
  ],
]);

describe('honest result lists (issue 16, point 6)', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-paging-')), fingerprint: 'p', workers: 0 });
    await index.reconcile(library(), (id) => extras.get(id));
  });

  it('reports the true total, beyond the first page', () => {
    const first = index.searchPage('nhiệm vụ', { limit: 20 });
    expect(first.total).toBe(N);
    expect(first.hits).toHaveLength(20);
    expect(index.searchPage('nhiem vu', { limit: 5 }).total).toBe(N);
  });

  it('pages through every match once, in the order of one big page', () => {
    const all = index.searchPage('nhiệm vụ năm', { limit: 500, snippets: false }).hits.map((h) => h.id);
    const paged: string[] = [];
    for (let offset = 0; offset < N + 20; offset += 20) {
      const page = index.searchPage('nhiệm vụ năm', { limit: 20, offset, snippets: false });
      expect(page.offset).toBe(offset);
      paged.push(...page.hits.map((h) => h.id));
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(N);
  });

  it('says when a hit was found through a note or highlight and shows its text', () => {
    const hit = index.search('sen hồng')[0];
    expect(hit?.id).toBe('quiet');
    const first = hit?.snippets[0];
    expect(first?.via).toBe('note');
    expect(first?.annotationId).toBe('n1');
    expect(first?.text).toBe('nhớ hỏi lại về sen hồng');
    expect(first?.ranges.map(([a, b]) => first.text.slice(a, b))).toEqual(['sen', 'hồng']);
    // Found in both the text and a highlight: the highlight is named, the paragraph follows.
    const both = index.search('yên tĩnh')[0];
    expect(both?.snippets.map((s) => s.via)).toEqual(['highlight', undefined]);
    // Found in the text only: no annotation snippet.
    expect(index.search('hoàn thành')[0]?.snippets.every((s) => s.via === undefined)).toBe(true);
  });
});

describe('totals of quoted phrases', () => {
  it('counts candidates as "about" until checked, and pages only true phrase matches', async () => {
    const arts = [
      ...Array.from({ length: 30 }, (_, i) => makeArticle(`in${i}`, { title: 'Dân vận khéo', paragraphs: ['Phong trào dân vận khéo lan rộng.'] })),
      // Every pair adjacent somewhere, never the whole phrase: a candidate the text check rejects.
      ...Array.from({ length: 10 }, (_, i) => makeArticle(`split${i}`, { title: 'b', paragraphs: ['Làm dân vận tốt và vận khéo léo.'] })),
    ];
    const idx = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-phrase-')), fingerprint: 'q', workers: 0 });
    await idx.reconcile(arts, () => undefined);
    const first = idx.searchPage('"dân vận khéo"', { limit: 10 });
    expect(first.hits.every((h) => h.id.startsWith('in'))).toBe(true);
    expect(first.total).toBe(40);
    expect(first.approximate).toBe(true);
    const seen: string[] = [];
    let page = first;
    for (let offset = 0; page.hits.length > 0; offset += 10) {
      page = idx.searchPage('"dân vận khéo"', { limit: 10, offset });
      seen.push(...page.hits.map((h) => h.id));
    }
    expect(seen.sort()).toEqual(arts.slice(0, 30).map((a) => a.id).sort());
    const last = idx.searchPage('"dân vận khéo"', { limit: 10 });
    expect(last.total).toBe(30);
    expect(last.approximate).toBeUndefined();
  });
});
