/** CLI conventions: `--json` on stdout for machines, human text otherwise; errors on stderr, exit 1. */
import { FolioError } from '../shared/result';
import { terminalSafe, terminalSafeJson } from './terminal-text';

/** A CLI usage or runtime error: printed as one line on stderr, exit code 1. */
export class CliError extends Error {}

/** Prints a value as JSON (one document) on stdout; every control character is escaped. */
export function printJson(value: unknown): void {
  process.stdout.write(`${terminalSafeJson(JSON.stringify(value, null, 2))}\n`);
}

/** Prints lines of human text on stdout, control characters made visible and inert. */
export function printLines(lines: string[]): void {
  if (lines.length) process.stdout.write(terminalSafe(`${lines.join('\n')}\n`));
}

/** Prints text as it is (file contents) on stdout, control characters made visible and inert. */
export function printText(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Prints a message on stderr, prefixed `folio: `; it may quote file names or user input. */
export function printError(message: string): void {
  process.stderr.write(terminalSafe(`folio: ${message}\n`));
}

/** The one-line message for any error a command throws. */
export function errorLine(err: unknown): string {
  if (err instanceof CliError || err instanceof FolioError) return err.message;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `not found: ${(err as NodeJS.ErrnoException).path ?? err.message}`;
    return err.message.split('\n')[0] ?? 'unknown error';
  }
  return String(err);
}

/** A progress bar on stderr when it is a TTY; silent otherwise (pipes, CI). */
export function progressBar(label: string): { update(done: number, total: number): void; done(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  // `folio serve` keeps scanning behind its first answers: the bar stays gone once done.
  let finished = false;
  return {
    update(done, total) {
      if (!tty || finished || Date.now() - last < 80) return;
      last = Date.now();
      const width = 30;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      process.stderr.write(`\r${label} ${bar} ${done}/${total}`);
    },
    done() {
      if (tty && !finished) process.stderr.write('\r\x1b[K');
      finished = true;
    },
  };
}

/** Pads a string to `n` columns (for tables). */
export function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}
