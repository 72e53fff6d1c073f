/** Serves the built renderer's files, resolved strictly inside its folder. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name. */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would escape it (`..`, encoded
 * separators, NUL bytes, backslashes).
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const abs = path.resolve(root, rel);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return abs.startsWith(rootWithSep) ? abs : null;
}

/** Reads a static file if it exists and is a regular file. */
export async function readStatic(abs: string): Promise<Buffer | null> {
  try {
    const s = await stat(abs);
    if (!s.isFile()) return null;
    return await readFile(abs);
  } catch {
    return null;
  }
}

/**
 * Finds the built renderer (`out/renderer`): next to the bundled main code, or from the source
 * tree when running under tsx/vitest.
 */
export function findRendererDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../renderer'),
    path.resolve(here, '../../out/renderer'),
    path.resolve(here, '../../../out/renderer'),
    path.resolve(process.cwd(), 'out/renderer'),
  ];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? null;
}
