import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';

/** Near-homographs that differ only by marks, old and new tone placement, and codes. */
function library() {
  return [
    makeArticle('ca-fish', { title: 'Chợ sáng', paragraphs: ['Mẹ mua một con cá tươi ở chợ.'] }),
    makeArticle('ca-all', { title: 'Buổi chiều', paragraphs: ['Cả nhà cùng ăn cơm chiều.'] }),
    makeArticle('cac', { title: 'Tin vắn', paragraphs: ['Các bạn nhỏ đến trường sớm.'] }),
    makeArticle('ca-song', { title: 'Bài ca', paragraphs: ['Ca sĩ hát một bài ca dao.'] }),
    makeArticle('ca-hoi', { title: 'Bữa tối', paragraphs: ['Món cá hồi nướng rất ngon.'] }),
    makeArticle('ca-hoi-other', { title: 'Họp mặt', paragraphs: ['Cả hội đồng đều có mặt.'] }),
    makeArticle('hoa-old', { title: 'Hoà giải', paragraphs: ['Hai bên đã hoà giải xong.'] }),
    makeArticle('hoa-new', { title: 'Hòa bình', paragraphs: ['Mong ước hòa bình lâu dài.'] }),
    makeArticle('code', { title: 'Văn kiện', paragraphs: ['Theo Báo cáo số 08-BC/TU ngày 15-10-1930 của Tỉnh ủy.'] }),
    makeArticle('code-parts', { title: 'Ghi chép', paragraphs: ['Từ 08 giờ, tư liệu năm 1930 được đọc, ngày 15 tháng 10.'] }),
    makeArticle('dan', { title: 'Dân vận', paragraphs: ['Công tác dân vận khéo.'] }),
    makeArticle('da', { title: 'Đá cuội', paragraphs: ['Hòn đá nằm bên suối.'] }),
  ];
}

describe('precise matching (issue 16, point 4)', () => {
  let index: SearchIndex;
  const ids = (q: string, prefix = false) => index.search(q, { prefix, limit: 50 }).map((h) => h.id);
  beforeAll(async () => {
    index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-precise-')), fingerprint: 'p', workers: 0 });
    await index.reconcile(library(), () => undefined);
  });

  it('a word typed with diacritics matches that spelling only', () => {
    expect(ids('cá').sort()).toEqual(['ca-fish', 'ca-hoi']);
    expect(ids('cá', true).sort()).toEqual(['ca-fish', 'ca-hoi']);
    expect(ids('cả').sort()).toEqual(['ca-all', 'ca-hoi-other']);
    expect(ids('các')).toEqual(['cac']);
  });

  it('treats old and new tone placement as one spelling', () => {
    expect(ids('hoà').sort()).toEqual(['hoa-new', 'hoa-old']);
    expect(ids('hòa').sort()).toEqual(['hoa-new', 'hoa-old']);
  });

  it('a word typed without diacritics matches every spelling, the typed one first', () => {
    const hits = ids('ca');
    expect(hits[0]).toBe('ca-song');
    expect(new Set(hits)).toEqual(new Set(['ca-song', 'ca-fish', 'ca-all', 'ca-hoi', 'ca-hoi-other']));
    expect(hits).not.toContain('cac');
  });

  it('decides per word in a mixed query', () => {
    const hits = ids('cá hoi');
    expect(hits[0]).toBe('ca-hoi');
    // "hoi" without marks matches hội; "cá" does not match cả.
    expect(hits).toContain('ca-hoi-other');
    expect(hits.indexOf('ca-hoi-other')).toBeGreaterThan(0);
    expect(hits).not.toContain('ca-all');
  });

  it('matches codes and dates as one unit', () => {
    expect(ids('08-BC/TU')).toEqual(['code']);
    expect(ids('08-bc/tu', true)).toEqual(['code']);
    expect(ids('15-10-1930')).toEqual(['code']);
    // Their parts still find both articles.
    expect(ids('1930').sort()).toEqual(['code', 'code-parts']);
  });

  it('completes a word typed with quality marks only to spellings that carry them', () => {
    expect(ids('dâ', true)).toEqual(['dan']);
    expect(ids('da', true)).toEqual(expect.arrayContaining(['dan', 'da']));
  });
});
