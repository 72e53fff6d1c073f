/**
 * Parsed-version cache for a fast warm start: `<dataDir>/library-cache.json` keyed by path with
 * size + mtimeMs + parser format version. Anything corrupt or from another format is ignored.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { ParsedFile } from './read-file';
import { readJson, writeJson } from './persisted-json';

/** Bump when parsing changes so stale caches are rebuilt. */
export const CACHE_FORMAT = 5;

const ParagraphSchema = z.object({
  index: z.number().int(),
  kind: z.enum(['paragraph', 'heading', 'caption', 'quote', 'list-item', 'preformatted']),
  text: z.string(),
});
const VersionSchema = z.object({
  fileId: z.string(), lang: z.enum(['vi', 'en', 'und']), path: z.string(), format: z.enum(['txt', 'md', 'html', 'mhtml', 'docx', 'epub', 'pdf']),
  encoding: z.string(), title: z.string(), date: z.string().nullable(), author: z.string().nullable(),
  source: z.string().nullable(), tags: z.array(z.string()), captions: z.array(z.string()),
  paragraphs: z.array(ParagraphSchema), size: z.number(), mtimeMs: z.number(), contentHash: z.string(),
});
const CacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  root: z.string(),
  entries: z.record(z.string(), z.object({ version: VersionSchema, translation: z.string().nullable(), pairId: z.string().nullable().optional() })),
});

/** Load the cache for `root`; an empty map when missing, corrupt or for another root/format. */
export async function loadCache(dataDir: string, root: string): Promise<Map<string, ParsedFile>> {
  const data = await readJson(join(dataDir, 'library-cache.json'), CacheSchema);
  if (!data || data.root !== root) return new Map();
  return new Map(Object.entries(data.entries));
}

/** Save the parsed files of `root`. */
export async function saveCache(dataDir: string, root: string, files: ReadonlyMap<string, ParsedFile>): Promise<void> {
  await writeJson(join(dataDir, 'library-cache.json'), { format: CACHE_FORMAT, root, entries: Object.fromEntries(files) });
}
