import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/index';
import { copySampleLibrarySync } from '../../support/sample-library';

describe('resources/sample-library', () => {
  it('opens as four articles, two of them translation pairs, with metadata and no chrome', async () => {
    const data = mkdtempSync(join(tmpdir(), 'folio-sample-'));
    const lib = await Library.open({ root: copySampleLibrarySync(join(data, 'sample')), dataDir: join(data, 'state') });
    try {
      expect(lib.status()).toMatchObject({ articleCount: 4, pairCount: 2, skipped: [] });
      const rice = lib.get('mekong-delta-rice.en.md');
      expect(rice?.versions.map((v) => [v.lang, v.paragraphs.length])).toEqual([['vi', 7], ['en', 6]]);
      expect(lib.get('en/hoi-an-lanterns.txt')?.versions.map((v) => v.path)).toEqual(['vi/hoi-an-lanterns.txt', 'en/hoi-an-lanterns.txt']);
      const village = lib.get('thu-vien-lang.txt')?.versions[0];
      expect(village).toMatchObject({ title: 'Thư viện nhỏ trong ngôi nhà cổ ở làng An Thạnh', date: '2022-09-08T07:45:00', author: 'Ngọc Trâm' });
      expect(village?.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/Chia sẻ|Bình luận|Tin liên quan|Bản quyền|Đường dây nóng|Lượt truy cập/);
      const html = lib.get('coffee-cooperative.html')?.versions[0];
      expect(html).toMatchObject({ title: 'Highland growers share one roaster', author: 'Mai Nguyen', date: '2023-04-22T06:30:00', lang: 'en' });
      expect(html?.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/Subscribe|Privacy|All rights reserved|Pepper prices/);
    } finally {
      await lib.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
