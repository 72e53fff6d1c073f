/**
 * `npm start` (`start.ts preview`) and `npm run dev` (`start.ts dev`): the Electron window when
 * its binary is installed or can be fetched and there is a display; otherwise Folio in the
 * system browser through `folio serve`, on the last library (or the bundled sample), with the
 * URL printed and one line saying why it is not the desktop window. The decision is
 * src-main/cli/launch-plan.ts (tested); this file gathers the facts and runs the plan.
 *   FOLIO_START=browser|electron   force a mode
 *   FOLIO_SKIP_BUILD=1             serve the existing build (the browser mode builds first)
 *   BROWSER                        the browser to open (else open / start / xdg-open)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserCommand, hasDisplay, planLaunch } from '../src-main/cli/launch-plan';
import { readAppState } from '../src-main/core/settings/app-state';
import { userDataDir } from '../src-main/core/settings/user-data';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');

/** Electron ≥ 42 fetches its binary the first time `require('electron')` runs; that needs network once. */
function probeElectron(): { ok: true } | { ok: false; reason: string } {
  try {
    const exe: unknown = require('electron');
    if (typeof exe !== 'string' || !existsSync(exe)) return { ok: false, reason: 'no executable after install' };
    return { ok: true };
  } catch (err) {
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? 'unknown error') : String(err);
    // Electron's own message after a failed download suggests reinstalling; the cause is printed above it.
    return { ok: false, reason: /failed to install/i.test(message) ? 'the download failed, see above' : message };
  }
}

/** Whether `program` can be run: a path that exists, or a name found on PATH. */
function onPath(program: string): boolean {
  if (program.includes('/') || program.includes('\\')) return existsSync(program);
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && exts.some((ext) => existsSync(path.join(dir, program + ext))));
}

async function lastLibrary(): Promise<string | null> {
  const { lastLibrary: last } = await readAppState(path.join(userDataDir(), 'state.json'));
  if (!last) return null;
  try {
    return statSync(last).isDirectory() ? last : null;
  } catch {
    return null;
  }
}

const plan = planLaunch({
  forced: process.env.FOLIO_START,
  electron: probeElectron,
  display: hasDisplay(process.env, process.platform),
  lastLibrary: await lastLibrary(),
  sampleLibrary: path.join(REPO, 'resources/sample-library'),
});

if (plan.kind === 'electron') {
  const child = spawn(process.execPath, [electronVite, mode], { stdio: 'inherit', cwd: REPO });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  if (process.env.FOLIO_SKIP_BUILD !== '1' || !existsSync(path.join(REPO, 'out/main/cli.js'))) {
    const build = spawnSync(process.execPath, [electronVite, 'build'], { stdio: 'inherit', cwd: REPO });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const serve = spawn(process.execPath, [path.join(REPO, 'bin/folio.js'), 'serve', plan.library, '--port', process.env.FOLIO_PORT ?? '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => serve.kill(signal));
  serve.on('exit', (code) => process.exit(code ?? 0));
  let out = '';
  let announced = false;
  serve.stdout.setEncoding('utf8');
  serve.stdout.on('data', (chunk: string) => {
    if (announced) return void process.stdout.write(chunk);
    out += chunk;
    let info: { url: string; library: string };
    try {
      info = JSON.parse(out) as { url: string; library: string };
    } catch {
      return; // wait for the whole JSON document
    }
    announced = true;
    process.stdout.write(`Folio is serving ${info.library}\nOpen: ${info.url}\n`);
    process.stdout.write(`(In your browser, not the desktop window: ${plan.reason}.)\n`);
    openBrowser(info.url);
    process.stdout.write('Only this machine can connect (127.0.0.1). Press Ctrl+C to stop.\n');
  });
}

/** Opens `url` in the browser; when nothing can open it, says so and carries on serving. */
function openBrowser(url: string): void {
  const cmd = browserCommand(url, process.env, process.platform, onPath);
  const yourself = 'open the address above in a browser yourself';
  if (!cmd) return void process.stdout.write(`No browser opener was found (set BROWSER, or install xdg-utils): ${yourself}.\n`);
  const child = spawn(cmd.command, cmd.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: cmd.command === 'cmd' });
  child.on('error', (err) => process.stdout.write(`Could not start ${cmd.command} (${err.message}): ${yourself}.\n`));
  child.unref();
}
