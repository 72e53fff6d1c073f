/**
 * A one-shot command loads only what it needs: listing, showing or annotating never loads the
 * parsers (markdown-it, linkedom, Readability, mammoth), the PDF libraries, the search engine,
 * the worker pools or the watcher; a search loads the engine but still no parser or PDF library.
 * Checked by recording every module the process resolves.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copySampleLibrarySync } from '../support/sample-library';
import { folio, REPO } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'folio-start-up-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PARSERS = ['markdown-it', 'linkedom', '@mozilla/readability', 'mammoth', 'iconv-lite', 'fflate', 'yaml'];
const PDF = ['pdf-lib', '@pdf-lib/fontkit', 'pdfjs-dist'];
const SEARCH = ['minisearch', 'piscina'];
const WATCH = ['chokidar'];

/** The npm packages a `folio ...args` process loaded. */
async function packagesLoaded(args: string[], n: number): Promise<Set<string>> {
  const log = join(tmp, `imports-${n}.log`);
  const hook = pathToFileURL(join(REPO, 'tests/support/import-log.mjs')).href;
  const r = await folio(args, { env: { FOLIO_IMPORT_LOG: log, NODE_OPTIONS: `--import=${hook}` } });
  expect(r.code, r.stderr).toBe(0);
  const out = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m?.[1]) out.add(m[1]);
  }
  return out;
}

describe('start-up imports', { timeout: 180_000 }, () => {
  const lib = join(tmp, 'lib');
  copySampleLibrarySync(lib);

  it('list, show and annotations load no parser, PDF library, search engine or watcher; search loads no parser', async () => {
    expect((await folio(['index', lib])).code).toBe(0);
    const rows = JSON.parse((await folio(['list', lib, '--json'])).stdout) as { id: string }[];
    const id = rows[0]?.id ?? '';
    let n = 0;
    for (const args of [['list', lib], ['show', lib, id], ['annotations', lib]]) {
      const loaded = await packagesLoaded(args, n++);
      // The check can fail: zod is always loaded, so the log is not empty.
      expect(loaded.has('zod'), args.join(' ')).toBe(true);
      expect([...loaded].filter((p) => [...PARSERS, ...PDF, ...SEARCH, ...WATCH].includes(p)), args.join(' ')).toEqual([]);
    }
    const search = await packagesLoaded(['search', lib, 'lúa'], n++);
    expect(search.has('minisearch')).toBe(true);
    expect([...search].filter((p) => [...PARSERS, ...PDF, ...WATCH].includes(p))).toEqual([]);
  });
});
