/** Shared set-up for the annotation store tests: temp data dirs, fixture text, a settable clock. */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp data dir, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-ann-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const d of made.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Path of a fixture under tests/fixtures/annotations. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/annotations/${name}`, import.meta.url));
}

/** The English fixture article as normalised text. */
export const EN = readFileSync(fixturePath('river-town.en.txt'), 'utf8').trimEnd().normalize('NFC');
/** The Vietnamese fixture article as normalised text. */
export const VI = readFileSync(fixturePath('lang-lua.vi.txt'), 'utf8').trimEnd().normalize('NFC');

/** [start, end) of `quote` in `text`. */
export function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`fixture lacks: ${quote}`);
  return { start, end: start + quote.length };
}

/** A clock the test can move; each call returns a fresh Date. */
export function clock(startIso: string): { now: () => Date; set: (iso: string) => void; advance: (ms: number) => void } {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

const holders: import('node:child_process').ChildProcess[] = [];
afterEach(() => {
  for (const c of holders.splice(0)) c.kill('SIGKILL');
});

/** A child process holding the annotation lock of `dataDir` until killed (killed after each test). */
export async function holdLockInChild(dataDir: string): Promise<import('node:child_process').ChildProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./child-writer.ts', import.meta.url)), dataDir, 'hold'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  holders.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (d.toString().includes('held') ? resolve() : undefined));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}
