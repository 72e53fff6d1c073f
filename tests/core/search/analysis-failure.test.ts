/**
 * One document whose analysis throws never stops the index, and the user is told which file it
 * is: it is listed with the skipped files ("Listed, but its body could not be indexed"), the
 * others are searchable, and the entry goes away once the file is fixed. The failure is provoked
 * by making the analyzer throw on a marker word (the known cause, an overlong word, is capped).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src-main/core/search/analyzer', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/core/search/analyzer')>();
  return {
    ...real,
    analyzeWithBigrams: (text: string, bigrams: Set<string>) => {
      if (text.includes('KHÔNG-PHÂN-TÍCH-ĐƯỢC')) throw new RangeError('Invalid string length');
      return real.analyzeWithBigrams(text, bigrams);
    },
  };
});
const { FolioSession } = await import('../../../src-main/core/session');
const { createHandlers } = await import('../../../src-main/api/handlers');
const { call } = await import('../../../src-main/api/dispatch');

const base = mkdtempSync(join(tmpdir(), 'folio-analysis-failure-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a document whose analysis fails', () => {
  it('is listed with the skipped files while the rest stays searchable, until it is fixed', async () => {
    const root = join(base, 'lib');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(root);
    writeFileSync(join(root, 'tot.txt'), 'Chợ phiên vùng cao\n\nSáng chủ nhật, người dân các bản xuống chợ phiên bán rau rừng và mật ong.\n');
    writeFileSync(join(root, 'hong.txt'), 'Mùa nước nổi\n\nĐoạn này có một từ KHÔNG-PHÂN-TÍCH-ĐƯỢC giữa câu, nhưng phần còn lại vẫn là văn bản bình thường.\n');
    const session = await FolioSession.open({ libraryRoot: root, dataDir: join(base, 'data'), watch: false });
    try {
      await session.searchReady;
      const h = createHandlers(() => session, { transport: 'web', version: 'test' });
      expect((await call(h, 'listArticles', {})).map((a) => a.path).sort()).toEqual(['hong.txt', 'tot.txt']);
      expect((await call(h, 'search', { query: 'mat ong' })).map((x) => x.title)).toEqual(['Chợ phiên vùng cao']);
      const skipped = (await call(h, 'getLibraryStatus', {})).skipped;
      expect(skipped).toEqual([{ path: 'hong.txt', reason: 'parse-error', message: expect.stringMatching(/^Listed, but its body could not be indexed for search \(Invalid string length\)$/) }]);

      writeFileSync(join(root, 'hong.txt'), 'Mùa nước nổi\n\nĐoạn này đã được sửa lại, chỉ còn văn bản bình thường về mùa nước nổi.\n');
      await call(h, 'rescan', {});
      await session.searchReady;
      await expect.poll(async () => (await call(h, 'getLibraryStatus', {})).skipped).toEqual([]);
      expect((await call(h, 'search', { query: 'nuoc noi' })).map((x) => x.title)).toContain('Mùa nước nổi');
    } finally {
      await session.close();
    }
  });
});
