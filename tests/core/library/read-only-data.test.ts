/**
 * A data folder that refuses writes (read-only medium, no permission, full disk): the library
 * and its search index keep working in memory, the refusal is reported once, and it is never
 * taken for a missing file. Uses a folder under /sys, which refuses writes even for root (the
 * suite may run as root, for which chmod does not); skipped where /sys accepts writes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/index';
import { SearchIndex } from '../../../src-main/core/search/index';
import { refusesWrites } from '../../support/unwritable';
import { isWriteRefused } from '../../../src-main/core/library/persisted-json';

const UNWRITABLE = '/sys/folio-read-only-test';

const base = mkdtempSync(join(tmpdir(), 'folio-ro-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const TEXT = 'Chợ nổi Cái Răng\n\nMỗi sáng, ghe thuyền chở trái cây từ các vườn ven sông về chợ nổi từ lúc trời chưa sáng, người mua kẻ bán gọi nhau í ới.\n';

describe.skipIf(!refusesWrites(UNWRITABLE))('a data folder that refuses writes', () => {
  it('the library scans, reads and rescans, and reports the refusal once', async () => {
    const root = join(base, 'lib');
    mkdirSync(root);
    writeFileSync(join(root, 'cho-noi.txt'), TEXT);
    const refused: Error[] = [];
    const lib = await Library.open({ root, dataDir: UNWRITABLE, onWriteRefused: (e) => refused.push(e) });
    try {
      expect(lib.articles().map((a) => a.versions[0]?.title)).toEqual(['Chợ nổi Cái Răng']);
      expect(await lib.rawText('cho-noi.txt')).toBe(TEXT);
      writeFileSync(join(root, 'mua-gat.txt'), TEXT.replace('Chợ nổi Cái Răng', 'Mùa gặt'));
      await lib.rescan();
      expect(lib.articles()).toHaveLength(2);
      expect(refused).toHaveLength(1);
      expect(isWriteRefused(refused[0])).toBe(true);
      expect((refused[0] as NodeJS.ErrnoException).code).not.toBe('ENOENT');
    } finally {
      await lib.close();
    }
  });

  it('the search index builds and answers in memory; saving is refused with the write error', async () => {
    const root = join(base, 'lib2');
    mkdirSync(root);
    writeFileSync(join(root, 'cho-noi.txt'), TEXT);
    const lib = await Library.open({ root, dataDir: UNWRITABLE, readOnly: true });
    const index = await SearchIndex.open({ dataDir: UNWRITABLE, fingerprint: 'ro', workers: 0 });
    await index.reconcile(lib.articles(), () => undefined);
    expect(index.search('cho noi').map((h) => h.title)).toEqual(['Chợ nổi Cái Răng']);
    await expect(index.save()).rejects.toSatisfy(isWriteRefused);
    await lib.close();
  });
});
