/**
 * `h` then `n` on the same paragraph (the walkthrough's "highlight, then add a note"): the note
 * goes on the highlight already there instead of stacking a second, identical highlight.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/settings';
import { paragraphOffsets } from '@shared/text';
import type { AnchoredAnnotation, Article } from '@shared/types';
import * as fake from '../../support/fake-api';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const { useFolio } = await import('../../../../src-renderer/app/store');
const { highlightCurrent } = await import('../../../../src-renderer/features/reader/keyboard-reading');

const article: Article = {
  id: 'tra-sen',
  versions: [
    {
      fileId: 'tra-sen',
      lang: 'vi',
      path: 'tra-sen.md',
      format: 'md',
      encoding: 'utf-8',
      title: 'Trà sen',
      date: null,
      author: null,
      source: null,
      tags: [],
      captions: [],
      paragraphs: [
        { index: 0, kind: 'paragraph', text: 'Trà sen là thức uống quý.' },
        { index: 1, kind: 'paragraph', text: 'Mỗi bông sen ướp chè một đêm.' },
      ],
      size: 1,
      mtimeMs: 1,
      contentHash: 'h',
    },
  ],
} as Article;

const first = 'Trà sen là thức uống quý.';
const existing: AnchoredAnnotation = {
  id: 'hl-1',
  articleId: 'tra-sen',
  lang: 'vi',
  kind: 'highlight',
  target: { quote: { type: 'TextQuoteSelector', exact: first, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: first.length }, paragraph: 0 },
  color: 'yellow',
  note: '',
  tags: [],
  created: '2026-11-30T01:00:00.000Z',
  updated: '2026-11-30T01:00:00.000Z',
  orphaned: false,
};

beforeEach(() => {
  fake.reset();
  useFolio.setState({ settings: { ...defaultSettings(), viewMode: 'vi' }, article, selectedId: 'tra-sen', annotations: [existing], focusedAnnotationId: null, editingId: null, cursor: { lang: 'vi', paragraph: 0 } });
});

describe('highlightCurrent', () => {
  it('opens the note of the paragraph’s existing highlight instead of creating a duplicate', async () => {
    // Not awaited: a createHighlight call would wait for a reply that never comes.
    void highlightCurrent('yellow', true);
    await fake.settle();
    expect(fake.calls.map((c) => c.method)).not.toContain('createHighlight');
    expect(useFolio.getState().editingId).toBe('hl-1');
    expect(useFolio.getState().focusedAnnotationId).toBe('hl-1');
  });

  it('still highlights a paragraph that has no highlight of its own', async () => {
    useFolio.setState({ cursor: { lang: 'vi', paragraph: 1 } });
    void highlightCurrent('green', true);
    await fake.settle();
    const call = fake.next('createHighlight');
    const start = paragraphOffsets(article.versions[0]!.paragraphs)[1]!;
    expect(call.req).toEqual({ articleId: 'tra-sen', lang: 'vi', start, end: start + 'Mỗi bông sen ướp chè một đêm.'.length, color: 'green' });
  });
});
