import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '@shared/types';
import { groupForPanel } from '../../../../src-renderer/features/annotations/reading-order';

const base = { articleId: 'x', color: 'yellow' as const, note: '', tags: [], updated: '2024-01-01T00:00:00Z' };
const hl = (id: string, lang: 'vi' | 'en', start: number, created: string, orphaned = false): AnchoredAnnotation => ({
  ...base,
  id,
  lang,
  kind: 'highlight',
  created,
  orphaned,
  target: { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 1 }, paragraph: 0 },
});
const note = (id: string, created: string): AnchoredAnnotation => ({ ...base, id, lang: 'vi', kind: 'note', target: null, created, orphaned: false });

describe('groupForPanel', () => {
  it('puts article notes first by creation, highlights by language order then position, orphans last', () => {
    const groups = groupForPanel(
      [hl('en-early', 'en', 5, '2024-01-01'), hl('vi-late', 'vi', 90, '2024-01-01'), note('n2', '2024-02-02'), hl('gone', 'vi', 1, '2024-01-03', true), hl('vi-early', 'vi', 10, '2024-03-01'), note('n1', '2024-01-01')],
      ['vi', 'en'],
    );
    expect(groups.notes.map((a) => a.id)).toEqual(['n1', 'n2']);
    expect(groups.highlights.map((a) => a.id)).toEqual(['vi-early', 'vi-late', 'en-early']);
    expect(groups.orphaned.map((a) => a.id)).toEqual(['gone']);
  });
});
