/**
 * What a library file is, by name, and the size limit: kept apart from the parsers so that
 * walking a library and opening its cache load no parser (read-file.ts loads them all).
 */
import { createHash } from 'node:crypto';
import type { ArticleFormat } from '../../shared/types';

/** Default size limit for one file (bytes). */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Format of a path by extension, or null when the file is not an article. */
export function formatOf(path: string): ArticleFormat | null {
  const ext = /\.([^./]+)$/.exec(path.toLowerCase())?.[1];
  if (ext === 'txt') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'mhtml' || ext === 'mht') return 'mhtml';
  if (ext === 'docx') return 'docx';
  if (ext === 'epub') return 'epub';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** sha256 hex of a string. */
export function sha256(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}
