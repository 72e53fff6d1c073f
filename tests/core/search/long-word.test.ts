/**
 * One file with a 5,000,000-letter word (issue 15, finding 4): it used to make the tokenizer throw
 * RangeError, so the index never finished and every query returned nothing. Through the library
 * and search as the app runs them: the index is ready, the other files are found, and so is the
 * long file by its other words.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioSession } from '../../../src-main/core/session';
import { MAX_WORD_LENGTH, tokenize } from '../../../src-main/core/search/tokenize';

const base = mkdtempSync(join(tmpdir(), 'folio-long-word-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a 5,000,000-letter word', () => {
  it('is cut at the word limit by the tokenizer, the words around it kept', () => {
    const { words } = tokenize(`Mở đầu ${'a'.repeat(5_000_000)} kết thúc`);
    expect(words.map((w) => w.exact)).toEqual(['mở', 'đầu', 'a'.repeat(MAX_WORD_LENGTH), 'kết', 'thúc']);
    const code = tokenize('mã 08-BC/TU ngày 15-10-1930');
    expect(code.compounds.map((c) => c.key)).toEqual(['08-bc/tu', '15-10-1930']);
  });

  it('does not stop the library from being indexed and searched', async () => {
    const root = join(base, 'lib');
    mkdirSync(root);
    writeFileSync(join(root, 'cho-noi.txt'), 'Chợ nổi Cái Răng\n\nMỗi sáng, ghe thuyền chở trái cây từ các vườn ven sông về chợ nổi từ lúc trời chưa sáng, người mua kẻ bán gọi nhau.\n');
    writeFileSync(join(root, 'mua-gat.txt'), 'Mùa gặt\n\nCánh đồng sau làng vàng rực, cả xóm cùng ra gặt lúa từ sáng sớm, trẻ con mang cơm nước ra đồng cho cha mẹ.\n');
    writeFileSync(join(root, 'tu-dai.txt'), `Một từ rất dài\n\nĐoạn văn này có một từ dài bất thường ngay sau dấu hai chấm: ${'a'.repeat(5_000_000)} và câu vẫn tiếp tục bình thường sau đó.\n`);
    const session = await FolioSession.open({ libraryRoot: root, dataDir: join(base, 'data'), search: true });
    try {
      await session.searchReady;
      const index = await session.search();
      expect(index).not.toBeNull();
      expect(session.scanProgress()).toMatchObject({ phase: 'ready', done: 3, total: 3 });
      const titles = (q: string): string[] => (index?.search(q, { limit: 10 }) ?? []).map((h) => h.title);
      expect(titles('chợ nổi')[0]).toBe('Chợ nổi Cái Răng');
      expect(titles('gặt lúa')[0]).toBe('Mùa gặt');
      expect(titles('"bình thường"')).toEqual(['Một từ rất dài']);
      expect(session.library.status().skipped).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
