import { describe, expect, it } from 'vitest';
import { placeHighlights } from '../../../../src-main/core/export/pdf/highlight-spans';
import { highlight, version } from '../../../fixtures/export-pdf/articles';

const v = version('vi', 'Thử', ['Câu thứ nhất ở đây.', 'Đoạn hai có chữ đặc biệt.', 'Đoạn ba.']);

describe('placeHighlights', () => {
  it('cuts a highlight crossing paragraphs into local spans, marker after its last glyph', () => {
    const a = highlight('x', v, 'ở đây.\n\nĐoạn hai', 'green', 'ghi chú');
    const { placed, orphaned } = placeHighlights(v, [a]);
    expect(orphaned).toEqual([]);
    const spans = placed[0]?.spans;
    expect(spans?.get(0)).toMatchObject({ start: 13, end: 19 });
    expect(v.paragraphs[0]?.text.slice(13, 19)).toBe('ở đây.');
    expect(spans?.get(1)).toMatchObject({ start: 0, end: 8 });
    expect(placed[0]?.end).toEqual({ paragraph: 1, offset: 8 });
  });

  it('treats flagged, empty or out-of-range highlights as orphaned instead of dropping them', () => {
    const ok = highlight('x', v, 'Đoạn ba', 'blue');
    const flagged = { ...highlight('x', v, 'chữ', 'blue'), orphaned: true };
    const outside = highlight('x', v, 'Đoạn ba', 'blue');
    if (outside.target) outside.target.position = { type: 'TextPositionSelector', start: 500, end: 520 };
    const { placed, orphaned } = placeHighlights(v, [ok, flagged, outside]);
    expect(placed.map((p) => p.annotation.id)).toEqual([ok.id]);
    expect(orphaned.map((a) => a.id).sort()).toEqual([flagged.id, outside.id].sort());
  });
});
