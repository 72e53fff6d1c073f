import { describe, expect, it } from 'vitest';
import { buildArticleModel, markerOffset, type ModelBlock, type ModelRow } from '../../../../src-main/core/export/pdf/document-model';
import { TRANSLATION_COLOR } from '../../../../src-main/core/export/pdf/styles';
import { renderedVersions } from '../../../../src-main/core/export/pdf/versions';
import type { ArticleVersion } from '../../../../src-main/shared/types';
import { articleNote, highlight, mekongArticle, orphan, version } from '../../../fixtures/export-pdf/articles';

const article = mekongArticle();
const [VI, EN] = article.versions as [ArticleVersion, ArticleVersion];
const blocksOf = (rows: ModelRow[]): ModelBlock[] => rows.flatMap((r) => (r.kind === 'full' ? r.blocks : [...r.left, ...r.right]));

describe('renderedVersions', () => {
  it('prints the requested language, falls back to the one present, and pairs vi before en', () => {
    expect(renderedVersions(article, 'en')).toEqual([EN]);
    expect(renderedVersions({ id: 'a', versions: [EN] }, 'vi')).toEqual([EN]);
    expect(renderedVersions({ id: 'a', versions: [EN, VI] }, 'both')).toEqual([VI, EN]);
    expect(renderedVersions({ id: 'a', versions: [VI] }, 'both')).toEqual([VI]);
  });
});

describe('buildArticleModel', () => {
  const annotations = [
    highlight(article.id, EN, 'steadier incomes', 'purple', 'EN note'),
    highlight(article.id, VI, 'nước mặn đã lấn sâu', 'yellow', 'VI note'),
    highlight(article.id, VI, 'sầu riêng', 'green'),
    orphan(article.id, 'vi', 'câu cũ', 'lost note'),
    articleNote(article.id, 'vi', 'Ghi chú\n\nchung'),
  ];

  it('numbers noted highlights in reading order, orphans last, with a marker after each highlight', () => {
    const blocks = blocksOf(buildArticleModel({ article, annotations }, 'both').rows);
    const notes = blocks.filter((b) => b.bullet).map((b) => `${b.bullet} ${b.text}`);
    expect(notes).toEqual(['1. “nước mặn đã lấn sâu” — VI note', '2. “steadier incomes” — EN note', '3. “câu cũ” — lost note (not found in the current text)']);
    const first = blocks.find((b) => b.text === VI.paragraphs[0]?.text);
    expect(first?.markers).toEqual([{ at: (VI.paragraphs[0]?.text.indexOf('nước mặn đã lấn sâu') ?? 0) + 'nước mặn đã lấn sâu'.length, label: '1', id: 'mekong:1' }]);
    expect(first?.spans.map((s) => s.color)).toEqual(['yellow']);
    expect(blocks.some((b) => b.text === 'Note: Ghi chú\nchung')).toBe(true);
  });

  it('keeps only the printed version’s highlights (orphans included)', () => {
    const blocks = blocksOf(buildArticleModel({ article, annotations }, 'en').rows);
    expect(blocks.flatMap((b) => b.spans).map((s) => s.color)).toEqual(['purple']);
    expect(blocks.filter((b) => b.bullet).map((b) => b.text)).toEqual(['“steadier incomes” — EN note']);
  });

  it('pairs beads in side-by-side rows and sets translations light and italic when interleaved', () => {
    const sbs = buildArticleModel({ article, annotations: [] }, 'both', 'side-by-side');
    const pairs = sbs.rows.filter((r) => r.kind === 'pair');
    expect(pairs).toHaveLength(1 + VI.paragraphs.length);
    const inter = buildArticleModel({ article, annotations: [] }, 'both', 'interleaved');
    const blocks = blocksOf(inter.rows);
    const k = blocks.findIndex((b) => b.text === VI.paragraphs[0]?.text);
    expect(blocks[k + 1]?.text).toBe(EN.paragraphs[0]?.text);
    expect(blocks[k + 1]?.style).toMatchObject({ font: 'italic', color: TRANSLATION_COLOR });
  });

  it('prints control characters as spaces without shifting offsets', () => {
    const v = version('vi', 'Tab', ['cột một\tcột hai\r']);
    const [block] = blocksOf(buildArticleModel({ article: { id: 't', versions: [v] }, annotations: [] }, 'vi').rows).slice(-1);
    expect(block?.text).toBe('cột một cột hai ');
  });
});

describe('labels', () => {
  it('prints the PDF’s own words in Vietnamese when asked', async () => {
    const { buildArticleModel, PDF_LABELS } = await import('../../../../src-main/core/export/pdf/document-model');
    const article = {
      id: 'a',
      versions: [{ fileId: 'a', lang: 'vi' as const, path: 'a.md', format: 'md' as const, encoding: 'utf-8', title: 'Tựa', date: null, author: null, source: null, tags: [], captions: [], paragraphs: [{ index: 0, kind: 'paragraph' as const, text: 'Một câu.' }], size: 1, mtimeMs: 1, contentHash: 'x' }],
    };
    const note = { id: 'n', articleId: 'a', lang: 'vi' as const, kind: 'note' as const, target: null, color: 'yellow' as const, note: 'Chung', tags: [], created: '2024-01-01T00:00:00Z', updated: '2024-01-01T00:00:00Z', orphaned: false };
    const model = buildArticleModel({ article, annotations: [note] }, 'vi', 'side-by-side', PDF_LABELS.vi);
    const texts = JSON.stringify(model);
    expect(texts).toContain('Ghi chú: Chung');
  });
});

describe('markerOffset', () => {
  it('moves a note number to the end of the word and its punctuation, never inside a word', () => {
    const text = 'Mình tới mặt nước, rồi về.';
    expect(markerOffset(text, 2)).toBe(4); // "Mi|nh" → after "Mình"
    expect(markerOffset(text, 6)).toBe(8); // "t|ới" → after "tới"
    expect(markerOffset(text, text.indexOf('nước') + 4)).toBe(text.indexOf(',') + 1); // after "nước,"
    expect(markerOffset(text, text.indexOf(' rồi') + 1)).toBe(text.indexOf(',') + 1); // trailing space pulled back
    expect(markerOffset(text, text.length)).toBe(text.length);
  });
});
