/**
 * Read-only commands and requests never rewrite Folio's state (issue 16, point 3): after a first
 * `folio index`, `list`, `show`, `search` and a session's read requests leave every file under
 * `.folio/` with the same size and mtime.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { copySampleLibrarySync } from '../support/sample-library';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioSession } from '../../src-main/core/session';
import { createHandlers } from '../../src-main/api/handlers';
import { call } from '../../src-main/api/dispatch';
import { folio } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'folio-read-only-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Size and mtime of every file under `dir`, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else { const s = statSync(p); out[`${rel}${e.name}`] = `${s.size} ${s.mtimeMs}`; }
    }
  };
  walk(dir, '');
  return out;
}

describe('read-only commands', { timeout: 180_000 }, () => {
  const lib = join(tmp, 'lib');
  const data = join(lib, '.folio');
  // A user's copy of the sample (without the bundled marker, whose state would go to user data).
  copySampleLibrarySync(lib);

  it('folio list, show, search, annotations and export leave .folio/ untouched', async () => {
    expect((await folio(['index', lib])).code).toBe(0);
    // A search builds and saves the index once; after that it is a read like the others.
    expect((await folio(['search', lib, 'lúa'])).code).toBe(0);
    const before = snapshot(data);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['library-cache.json', 'library-registry.json', 'search-index.json', 'search-index.bin']));
    const rows = JSON.parse((await folio(['list', lib, '--json'])).stdout) as { id: string }[];
    expect(snapshot(data)).toEqual(before);
    for (const args of [['show', lib, rows[0]!.id], ['show', lib, rows[0]!.id, '--raw'], ['search', lib, 'lúa', '--json'], ['search', lib, '"cà phê"'], ['list', lib], ['annotations', lib], ['annotations', lib, rows[0]!.id], ['export', lib, rows[0]!.id, '--pdf', join(tmp, 'one.pdf')], ['export', lib, '--md', join(tmp, 'notes.md')]]) {
      const r = await folio(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(snapshot(data), args.join(' ')).toEqual(before);
    }
  });

  it("the app's read requests leave .folio/ untouched", async () => {
    const session = await FolioSession.open({ libraryRoot: lib, watch: false });
    await session.searchReady;
    const before = snapshot(data);
    const h = createHandlers(() => session, { transport: 'web', version: 'test' });
    const list = await call(h, 'listArticles', {});
    for (const a of list) {
      await call(h, 'getArticle', { id: a.id });
      await call(h, 'getRawText', { id: a.id });
      await call(h, 'listAnnotations', { articleId: a.id });
    }
    await call(h, 'search', { query: 'lua' });
    await call(h, 'getLibraryStatus', {});
    await call(h, 'listSkipped', {});
    await call(h, 'exportMarkdown', { ids: list.map((a) => a.id) });
    await session.close();
    expect(snapshot(data)).toEqual(before);
  });
});
