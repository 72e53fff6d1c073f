/**
 * An annotations.json copied in from another library reaches the user as a question, not a
 * silent adoption: the app says so (getAppInfo), refuses new annotations with 'foreign-store',
 * and merges by annotation id only when asked (mergeForeignAnnotations).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call, dispatch } from '../../src-main/api/dispatch';
import { copySampleLibrary } from '../support/sample-library';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function sessionOn(library: string, dataDir: string): Promise<{ session: FolioSession; h: ReturnType<typeof createHandlers> }> {
  const session = await FolioSession.open({ libraryRoot: library, dataDir, watch: false });
  return { session, h: createHandlers(() => session, { transport: 'web', version: 'test' }) };
}

describe('annotations copied in from another library', () => {
  it('are reported, block new writes, and merge only with consent', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-foreign-api-'));
    dirs.push(tmp);
    const library = await copySampleLibrary(path.join(tmp, 'lib'));
    // Library A: two notes of its own.
    const a = await sessionOn(library, path.join(tmp, 'data-a'));
    const [first] = await call(a.h, 'listArticles', {});
    await call(a.h, 'createNote', { articleId: first!.id, lang: first!.langs[0]!, note: 'Ghi chú của thư viện A' });
    await call(a.h, 'createNote', { articleId: first!.id, lang: first!.langs[0]!, note: 'Thêm một ghi chú của A' });
    await a.session.annotations.compact();
    await a.session.close();
    // Library B: one note of its own, then A's file is copied over B's.
    const b1 = await sessionOn(library, path.join(tmp, 'data-b'));
    // (B's note is still in its journal: copying a file over annotations.json cannot erase it.)
    await call(b1.h, 'createNote', { articleId: first!.id, lang: first!.langs[0]!, note: 'Ghi chú của B' });
    await b1.session.close();
    await copyFile(path.join(tmp, 'data-a', 'annotations.json'), path.join(tmp, 'data-b', 'annotations.json'));

    const b = await sessionOn(library, path.join(tmp, 'data-b'));
    try {
      expect((await call(b.h, 'getAppInfo', {})).foreignAnnotations).toEqual({ annotations: 2 });
      expect((await call(b.h, 'listAnnotations', { articleId: first!.id })).map((x) => x.note)).toEqual(['Ghi chú của B']);
      expect(await dispatch(b.h, 'createNote', { articleId: first!.id, lang: first!.langs[0]!, note: 'chưa lưu' })).toMatchObject({ ok: false, error: { code: 'foreign-store' } });

      const merged = await call(b.h, 'mergeForeignAnnotations', {});
      expect(merged.added).toBe(2);
      expect(merged.keptAs).toMatch(/annotations\.foreign/);
      expect((await call(b.h, 'getAppInfo', {})).foreignAnnotations).toBeNull();
      expect((await call(b.h, 'listAnnotations', { articleId: first!.id })).map((x) => x.note).sort()).toEqual(['Ghi chú của thư viện A', 'Ghi chú của B', 'Thêm một ghi chú của A'].sort());
      expect(await dispatch(b.h, 'createNote', { articleId: first!.id, lang: first!.langs[0]!, note: 'giờ thì lưu được' })).toMatchObject({ ok: true });
      expect(await dispatch(b.h, 'mergeForeignAnnotations', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await b.session.close();
    }
  });
});
