import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';
import type { SearchHit } from '../../../src-main/shared/types';

function library() {
  return [
    makeArticle('cong-dong', {
      title: 'Sinh hoạt khu phố',
      paragraphs: ['Cộng đồng dân cư họp bàn công việc, hoạt động đủ cả, cộng đồng đồng lòng.'],
    }),
    makeArticle('dan-van', { title: 'Ghi chép', paragraphs: ['Làm tốt công tác dân vận, dân chủ và vận động quần chúng.'] }),
    makeArticle('title-only', { title: 'Ngọn hải đăng', paragraphs: ['Bài viết về biển đảo quê hương.'] }),
  ];
}

/** The marked substrings of a hit's snippets. */
const marked = (hit: SearchHit | undefined) => (hit?.snippets ?? []).flatMap((s) => s.ranges.map(([a, b]) => s.text.slice(a, b)));

describe('marks show the match (issue 16, point 5)', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-marks-')), fingerprint: 'm', workers: 0 });
    await index.reconcile(library(), () => undefined);
  });

  it('marks the typed spelling only when it has diacritics', () => {
    const hit = index.search('cộng đồng', { prefix: false })[0];
    expect(hit?.id).toBe('cong-dong');
    expect(new Set(marked(hit))).toEqual(new Set(['Cộng', 'đồng', 'cộng']));
    expect(marked(hit)).not.toContain('công');
    expect(marked(hit)).not.toContain('động');
    expect(marked(hit)).not.toContain('đủ');
  });

  it('marks every spelling found for a word typed without diacritics', () => {
    expect(new Set(marked(index.search('cong', { prefix: false })[0]))).toEqual(new Set(['Cộng', 'công', 'cộng']));
  });

  it('marks a quoted phrase as one span, not its words elsewhere', () => {
    const hit = index.search('"dân vận"')[0];
    expect(hit?.id).toBe('dan-van');
    expect(marked(hit)).toEqual(['dân vận']);
    expect(index.search('"dan van"')[0]?.snippets[0]?.ranges).toHaveLength(1);
  });

  it('marks matches in the title, also when only the title matched', () => {
    const hit = index.search('hải đăng')[0];
    expect(hit?.id).toBe('title-only');
    expect(hit?.titleRanges?.map(([a, b]) => hit.title.slice(a, b))).toEqual(['hải', 'đăng']);
    expect(marked(hit)).toEqual([]);
    expect(index.search('khu phố')[0]?.titleRanges).toEqual([[10, 13], [14, 17]]);
  });
});
