/**
 * Links out of the library, created while a watching session runs (issue 15, finding 1): the
 * watcher's incremental path, the raw view and every read the app serves must refuse them, and
 * nothing of the outside text may reach `.folio/`. Links that stay inside are followed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolioSession } from '../../../src-main/core/session';
import { createHandlers } from '../../../src-main/api/handlers';
import { call, dispatch, type Handlers } from '../../../src-main/api/dispatch';

/** A word that appears only in the outside files. */
const SECRET = 'Quokkazanzibar';
const OUTSIDE_TEXT = `${SECRET} mật khẩu\n\nDòng này nằm ngoài thư viện, trong một tệp riêng của người dùng: ${SECRET} không bao giờ được hiện ra trong Folio, dù liên kết được tạo lúc nào.\n`;
const INSIDE_TEXT = 'Chợ phiên vùng cao\n\nSáng chủ nhật, người dân các bản xuống chợ bán rau rừng, mật ong, gà đồi và vải thổ cẩm tự dệt, rồi ở lại uống rượu ngô.\n\nBuổi chợ tan trước trưa, ai về nhà nấy theo những con đường mòn quanh co trên núi.\n';
const OTHER_TEXT = 'Mùa gặt\n\nCánh đồng sau làng vàng rực, cả xóm cùng ra gặt lúa từ sáng sớm, trẻ con mang cơm nước ra đồng cho cha mẹ.\n\nTối đến, sân đình phơi đầy thóc mới.\n';

const dirs: string[] = [];
const sessions: FolioSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('symlinks created while the library is watched', () => {
  it('never serve, index, export or cache outside text; links inside are followed', async () => {
    const base = mkdtempSync(join(tmpdir(), 'folio-links-'));
    dirs.push(base);
    const root = join(base, 'lib');
    const data = join(root, '.folio');
    const outside = join(base, 'outside');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(join(outside, 'folder'), { recursive: true });
    writeFileSync(join(outside, 'secret.txt'), OUTSIDE_TEXT);
    writeFileSync(join(outside, 'folder', 'notes.md'), `# ${SECRET}\n\n${OUTSIDE_TEXT}`);
    writeFileSync(join(root, 'cho.txt'), INSIDE_TEXT);
    writeFileSync(join(root, 'sub', 'mua-gat.txt'), OTHER_TEXT);
    writeFileSync(join(root, 'swap.txt'), OTHER_TEXT.replace('Mùa gặt', 'Mùa cấy'));

    const session = await FolioSession.open({ libraryRoot: root, dataDir: data, watch: true });
    sessions.push(session);
    const h: Handlers = createHandlers(() => session, { transport: 'web', version: 'test' });
    await session.searchReady;
    const swapId = session.library.get('swap.txt')?.id ?? '';
    expect(swapId).not.toBe('');

    // A file swapped for a link out: the raw view refuses it at once (before the watcher runs).
    renameSync(join(root, 'swap.txt'), join(base, 'swap-moved.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'swap.txt'));
    const raw = await dispatch(h, 'getRawText', { id: swapId });
    expect(raw).toMatchObject({ ok: false, error: { code: 'outside-library' } });

    symlinkSync(join(outside, 'secret.txt'), join(root, 'passwd.txt'));
    symlinkSync(join(outside, 'folder'), join(root, 'outdir'));
    symlinkSync(join(outside, 'folder'), join(root, 'sub', 'deeper'));
    // Links that stay inside are followed (once: the folder link does not loop).
    symlinkSync(join(root, 'cho.txt'), join(root, 'alias.txt'));
    symlinkSync(join(root, 'sub'), join(root, 'sub-link'));

    await until('the watcher to apply every link', async () => {
      const skipped = await call(h, 'listSkipped', {});
      const list = await call(h, 'listArticles', {});
      const paths = new Set(list.map((a) => a.path));
      return ['passwd.txt', 'outdir', 'swap.txt'].every((p) => skipped.some((s) => s.path === p))
        && paths.has('alias.txt') && paths.has('sub-link/mua-gat.txt');
    });

    const skipped = await call(h, 'listSkipped', {});
    for (const p of ['passwd.txt', 'outdir', 'swap.txt']) {
      expect(skipped.find((s) => s.path === p)).toMatchObject({ reason: 'outside-library', message: 'Links outside the library' });
    }
    const list = await call(h, 'listArticles', {});
    expect(list.map((a) => a.path).sort()).toEqual(['alias.txt', 'cho.txt', 'sub-link/mua-gat.txt', 'sub/mua-gat.txt']);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    for (const a of list) {
      expect(JSON.stringify(await call(h, 'getArticle', { id: a.id }))).not.toContain(SECRET);
      expect((await call(h, 'getRawText', { id: a.id })).text).not.toContain(SECRET);
    }
    for (const id of ['passwd.txt', 'outdir/notes.md', 'sub/deeper/notes.md', swapId]) {
      expect(await dispatch(h, 'getArticle', { id })).toMatchObject({ ok: false, error: { code: 'article-not-found' } });
    }
    await until('the index to drop the swapped file', async () => (await call(h, 'search', { query: 'cấy' })).length === 0);
    expect(await call(h, 'search', { query: SECRET.toLowerCase() })).toEqual([]);
    expect(await call(h, 'search', { query: '"mật khẩu"' })).toEqual([]);
    expect((await call(h, 'search', { query: 'chợ phiên' })).length).toBeGreaterThan(0);
    const md = await call(h, 'exportMarkdown', { ids: list.map((a) => a.id) });
    expect(Buffer.from(md.base64, 'base64').toString('utf8')).not.toContain(SECRET);

    // Nothing Folio keeps mentions the outside text (the index is saved at close).
    await session.close();
    sessions.splice(0);
    const kept = allFiles(data);
    expect(kept.some((f) => f.endsWith('library-cache.json'))).toBe(true);
    for (const f of kept) {
      if (statSync(f).size > 0) expect(readFileSync(f).toString('latin1'), f).not.toContain(SECRET);
    }
    expect(readFileSync(join(data, 'library-cache.json'), 'utf8')).not.toContain('mật khẩu');
  }, 30_000);
});
