/** Runs the `folio` CLI as a user would: the built bin if present, else the TS source through tsx. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILT = existsSync(path.join(REPO, 'out/main/cli.js'));
// tsx by absolute URL: the CLI runs from a temp folder, where a bare `tsx` would not resolve.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Node arguments that start `folio ...args`: the built bin, else the TS source through tsx. */
export function folioArgv(args: string[]): string[] {
  return BUILT ? [path.join(REPO, 'bin/folio.js'), ...args] : ['--import', TSX, path.join(REPO, 'src-main/cli/cli.ts'), ...args];
}

/**
 * Runs `folio ...args` (in the temp folder unless `cwd` says otherwise; `env` is added to this
 * process's environment) and collects its output.
 */
export function folio(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const argv = folioArgv(args);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: opts.cwd ?? os.tmpdir(), env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
