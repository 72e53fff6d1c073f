/**
 * A whole session on a library whose data folder refuses writes (a read-only medium): it opens,
 * lists, searches, reads and exports; annotations are refused with a coded 'read-only' error and
 * nothing is lost or half-written. Uses a folder under /sys, which refuses writes even for root
 * (chmod does not stop root); skipped where /sys accepts writes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call, dispatch } from '../../src-main/api/dispatch';
import { refusesWrites } from '../support/unwritable';

const UNWRITABLE = '/sys/folio-read-only-session-test';

const base = mkdtempSync(join(tmpdir(), 'folio-ro-session-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe.skipIf(!refusesWrites(UNWRITABLE))('a session whose data folder refuses writes', () => {
  it('opens read-only: lists, searches, reads and exports; refuses annotations with read-only', async () => {
    const root = join(base, 'lib');
    mkdirSync(root);
    writeFileSync(join(root, 'cho-noi.txt'), 'Chợ nổi Cái Răng\n\nMỗi sáng, ghe thuyền chở trái cây từ các vườn ven sông về chợ nổi từ lúc trời chưa sáng.\n');
    const session = await FolioSession.open({ libraryRoot: root, dataDir: UNWRITABLE, watch: false });
    try {
      await session.searchReady;
      const h = createHandlers(() => session, { transport: 'web', version: 'test' });
      const [article] = await call(h, 'listArticles', {});
      expect(article?.title).toBe('Chợ nổi Cái Răng');
      expect((await call(h, 'search', { query: 'cho noi' })).map((x) => x.id)).toEqual([article!.id]);
      expect((await call(h, 'getArticle', { id: article!.id })).versions[0]?.paragraphs).toHaveLength(1);
      const md = await call(h, 'exportMarkdown', { ids: [article!.id] });
      expect(Buffer.from(md.base64, 'base64').toString('utf8')).toContain('# Chợ nổi Cái Răng');
      expect(await dispatch(h, 'createNote', { articleId: article!.id, lang: 'vi', note: 'Ghi chú' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
      expect(await call(h, 'listAnnotations', { articleId: article!.id })).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
