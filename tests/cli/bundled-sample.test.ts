/**
 * The bundled sample library is never written to: `folio index` and `folio serve` on a copy
 * marked as bundled (as resources/sample-library is) keep every byte of state in the user-data
 * folder, and the library folder's files are exactly what they were, even after an annotation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { folio, folioArgv } from './run-cli';
import { copySampleLibrary } from '../support/sample-library';

let tmp: string;
let sample: string;
let env: NodeJS.ProcessEnv;
let userData: string;

/** Every path under `dir`, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bundled-cli-'));
  sample = await copySampleLibrary(path.join(tmp, 'app/resources/sample-library'), { bundled: true });
  // A home of our own: Folio must not touch the real user's folders either.
  env = { HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'config'), APPDATA: path.join(tmp, 'appdata'), FOLIO_USER_DATA: '' };
  userData = process.platform === 'win32' ? path.join(tmp, 'appdata/Folio') : process.platform === 'darwin' ? path.join(tmp, 'home/Library/Application Support/Folio') : path.join(tmp, 'config/Folio');
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe('the bundled sample library', () => {
  it('folio index keeps its state in the user-data folder', async () => {
    const before = await tree(sample);
    const r = await folio(['index', sample, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 4, skipped: [] });
    expect(await tree(sample)).toEqual(before);
    expect(existsSync(path.join(sample, '.folio'))).toBe(false);
    expect(existsSync(path.join(userData, 'sample-library-data/library-registry.json'))).toBe(true);
  });

  it('folio serve keeps its state, annotations included, in the user-data folder', async () => {
    const before = await tree(sample);
    const child = spawn(process.execPath, folioArgv(['serve', sample, '--port', '0', '--json']), { cwd: tmp, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const info = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          try {
            resolve(JSON.parse(out) as { url: string; dataDir: string });
          } catch {
            // wait for the whole JSON document
          }
        });
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.once('exit', (code) => reject(new Error(`folio serve exited with ${code}: ${err}`)));
      });
      expect(info.dataDir).toBe(path.join(userData, 'sample-library-data'));
      const url = new URL(info.url);
      const token = url.searchParams.get('token') ?? '';
      const call = async (method: string, body: unknown): Promise<{ ok: boolean; value: unknown }> => {
        const res = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Folio-Token': token }, body: JSON.stringify(body) });
        return (await res.json()) as { ok: boolean; value: unknown };
      };
      const list = (await call('listArticles', {})).value as { id: string; langs: string[] }[];
      expect(list).toHaveLength(4);
      const note = await call('createNote', { articleId: list[0]?.id, lang: list[0]?.langs[0], note: 'Ghi chú thử: không ghi vào thư mục mẫu.' });
      expect(note.ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(await tree(sample)).toEqual(before);
    expect(existsSync(path.join(sample, '.folio'))).toBe(false);
    // The note landed in the store there (the compacted file or its journal).
    expect(['annotations.json', 'annotations.journal'].some((f) => existsSync(path.join(userData, 'sample-library-data', f)))).toBe(true);
  });
});
