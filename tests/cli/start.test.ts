/**
 * `npm start` without the desktop window (forced with FOLIO_START=browser, as happens when the
 * Electron binary cannot be fetched or there is no display): it serves the last library, hands
 * the URL to $BROWSER (here a script that records it), prints the URL with the reason, and
 * keeps serving when no browser opener exists at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, copySampleLibrary } from '../support/sample-library';

const built = existsSync(path.join(REPO, 'out/main/cli.js')) && existsSync(path.join(REPO, 'out/renderer/index.html'));
if (!built) console.warn('[cli] npm start test skipped: run `npm run build` first (npm test does)');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let tmp: string;
let library: string;
let userData: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-start-'));
  library = await copySampleLibrary(path.join(tmp, 'thu-vien'));
  userData = path.join(tmp, 'user-data');
  await mkdir(userData);
  await writeFile(path.join(userData, 'state.json'), JSON.stringify({ lastLibrary: library }));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

/** Starts `npm start`'s script; resolves once it printed the URL. */
async function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  const child = spawn(process.execPath, ['--import', TSX, path.join(REPO, 'scripts/start.ts'), 'preview'], {
    cwd: tmp,
    env: { ...process.env, FOLIO_START: 'browser', FOLIO_SKIP_BUILD: '1', FOLIO_USER_DATA: userData, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await vi.waitFor(() => expect(out).toMatch(/Open: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n/), { timeout: 60_000, interval: 50 });
  const url = /Open: (\S+)/.exec(out)![1]!;
  return { child, output: () => out, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe.skipIf(!built)('npm start in the browser', () => {
  it('serves the last library, opens $BROWSER on the printed URL and says why it is not the window', async () => {
    const recorder = path.join(tmp, 'record-browser.sh');
    const opened = path.join(tmp, 'opened.txt');
    await writeFile(recorder, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    await chmod(recorder, 0o755);
    const { child, output, url } = await start({ BROWSER: recorder });
    try {
      expect(output()).toContain(`Folio is serving ${library}`);
      expect(output()).toContain('(In your browser, not the desktop window: FOLIO_START=browser is set.)');
      await vi.waitFor(async () => expect(await readFile(opened, 'utf8')).toBe(url), { timeout: 30_000, interval: 50 });
      // The token in the URL opens the app (traded for a cookie, as a browser does).
      const landing = await fetch(url, { redirect: 'manual' });
      expect(landing.status).toBe(303);
      const cookie = (landing.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await stop(child);
    }
    // Stopping npm start stops the server it started.
    await expect(fetch(url)).rejects.toThrow();
  });

  it('keeps serving when no browser opener exists', async () => {
    const emptyBin = path.join(tmp, 'empty-bin');
    await mkdir(emptyBin);
    const { child, output, url } = await start({ BROWSER: '', PATH: emptyBin });
    try {
      await vi.waitFor(() => expect(output()).toContain('No browser opener was found'), { timeout: 30_000, interval: 50 });
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
      expect(child.exitCode).toBeNull();
    } finally {
      await stop(child);
    }
  });
});
