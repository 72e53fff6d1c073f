/**
 * The parse worker as electron-vite ships it: the pool bundled into one file and the worker its
 * own entry next to it (`parse-worker.js`), found without tsx; without that entry, the pool
 * parses in-thread with the same results.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readParsedFile } from '../../../src-main/core/library/index';

type PoolModule = typeof import('../../../src-main/core/library/parse-pool');

const REPO = join(__dirname, '../../..');
const SRC = join(REPO, 'src-main/core/library');
const out = mkdtempSync(join(tmpdir(), 'folio-parse-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function bundle(dir: string, withWorker: boolean): Promise<PoolModule> {
  const outdir = join(out, dir);
  await build({
    entryPoints: { main: join(SRC, 'parse-pool.ts'), ...(withWorker ? { 'parse-worker': join(SRC, 'parse-worker.ts') } : {}) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  writeFileSync(join(outdir, 'package.json'), '{"type":"module"}');
  // The bundle's dependencies resolve from the repository, as out/main's do.
  symlinkSync(join(REPO, 'node_modules'), join(outdir, 'node_modules'));
  return (await import(pathToFileURL(join(outdir, 'main.js')).href)) as PoolModule;
}

const FILES = ['coffee-cooperative.html', 'mekong-delta-rice.vi.md', 'thu-vien-lang.txt'];

async function parseAll(mod: PoolModule): Promise<{ results: string[]; inThread: boolean }> {
  const pool = new mod.ParsePool({ size: 1, timeoutMs: 20_000 });
  try {
    const results = await Promise.all(FILES.map(async (f) => JSON.stringify(await pool.parse(join(REPO, 'resources/sample-library', f), f, {}))));
    return { results, inThread: pool.inThread };
  } finally {
    await pool.close();
  }
}

describe('parse worker when bundled', () => {
  it('is found as ./parse-worker.js next to the bundle and gives in-thread results', async () => {
    const mod = await bundle('with-worker', true);
    expect(mod.parseWorkerLocation()).toEqual({ url: pathToFileURL(join(out, 'with-worker', 'parse-worker.js')), viaTsx: false });
    const expected = await Promise.all(FILES.map(async (f) => JSON.stringify(await readParsedFile(join(REPO, 'resources/sample-library', f), f))));
    expect(await parseAll(mod)).toEqual({ results: expected, inThread: false });
  });

  it('falls back to in-thread parsing when the worker entry is missing', async () => {
    const mod = await bundle('without-worker', false);
    expect(mod.parseWorkerLocation()).toBeNull();
    const expected = await Promise.all(FILES.map(async (f) => JSON.stringify(await readParsedFile(join(REPO, 'resources/sample-library', f), f))));
    expect(await parseAll(mod)).toEqual({ results: expected, inThread: true });
  });
});
