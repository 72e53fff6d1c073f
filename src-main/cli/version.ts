/** Folio's version, read from package.json (two folders up from both src-main/cli and out/main). */
import { readFileSync } from 'node:fs';

/** The package version, or "0.0.0" when package.json cannot be read. */
export function folioVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'folio' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}
