/**
 * Parsed-version cache for a fast warm start, in two parts:
 * - `<dataDir>/library-cache.json` (the summary): per file its metadata, size + mtime (change
 *   detection), paragraph count, where its paragraphs lie in the paragraphs file, and the
 *   furniture found per folder. Small (~0.5 KB per article): read whole at open.
 * - `<dataDir>/library-paragraphs-<generation>.jsonl`: one line per file, its paragraphs as a
 *   JSON array. Read one record at a time when an article's text is needed (lazy-version.ts),
 *   each record checked against its hash and validated when read.
 * A new generation is written whole, then the summary pointing at it, so a reader always sees a
 * matching pair; older generations are removed (one is kept for another process still reading it).
 * Format 5 (one JSON file holding everything) is migrated: read once, then saved in this format.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleVersion, Paragraph } from '../../shared/types';
import type { ParsedFile } from './read-file';
import { lazyOrigin, lazyVersion, paragraphCount, paragraphsLoaded } from './lazy-version';
import type { FurnitureCut } from './furniture';
import { readJsonChecked, writeJson } from './persisted-json';
import { checkSummary } from './summary-check';
import { writeFileDurably } from '../fs/write-durably';

/** Bump when parsing or this layout changes so stale caches are rebuilt (5 and 6 are read). */
export const CACHE_FORMAT = 6;
/** The single-file format before the split, migrated on open. */
const LEGACY_FORMAT = 5;

/** Bounds of one paragraphs record: longer is damage, not an article (limits.ts caps parsing lower). */
const MAX_PARAGRAPHS = 1_000_000;

const ParagraphSchema = z.object({
  index: z.number().int(),
  kind: z.enum(['paragraph', 'heading', 'caption', 'quote', 'list-item', 'preformatted']),
  text: z.string(),
});
const ParagraphsSchema = z.array(ParagraphSchema).max(MAX_PARAGRAPHS);
const MetaSchema = z.object({
  fileId: z.string(), lang: z.enum(['vi', 'en', 'und']), path: z.string(), format: z.enum(['txt', 'md', 'html', 'mhtml', 'docx', 'epub', 'pdf']),
  encoding: z.string(), title: z.string(), date: z.string().nullable(), author: z.string().nullable(),
  source: z.string().nullable(), tags: z.array(z.string()), captions: z.array(z.string()),
  size: z.number(), mtimeMs: z.number(), contentHash: z.string(),
});
const LegacySchema = z.object({
  format: z.literal(LEGACY_FORMAT),
  root: z.string(),
  entries: z.record(z.string(), z.object({ version: MetaSchema.extend({ paragraphs: ParagraphsSchema }), translation: z.string().nullable(), pairId: z.string().nullable().optional() })),
});
const CutSchema = z.object({ drop: z.array(z.number().int().nonnegative()), captions: z.array(z.string()) });
const EntrySchema = z.object({
  version: MetaSchema,
  translation: z.string().nullable(),
  pairId: z.string().nullable().optional(),
  count: z.number().int().nonnegative().max(MAX_PARAGRAPHS),
  /** Byte offset and length of the record in the paragraphs file, and the record's hash. */
  at: z.tuple([z.number().int().nonnegative(), z.number().int().positive(), z.string()]),
  /** What furniture removed from this file when the summary was written (null: nothing). */
  cut: CutSchema.nullable(),
});
const PARAGRAPHS_FILE = /^library-paragraphs-[0-9a-z]+\.jsonl$/;
/** The summary's schema: the reference `checkSummary` (summary-check.ts) is tested against. */
export const SummarySchema = z.object({
  format: z.literal(CACHE_FORMAT),
  root: z.string(),
  paragraphs: z.string().regex(PARAGRAPHS_FILE),
  /** Per folder: a digest of its .txt files (path + content hash) and the furniture found among them. */
  furniture: z.record(z.string(), z.object({ sig: z.string(), keys: z.array(z.string()) })),
  entries: z.record(z.string(), EntrySchema),
});

/** The summary, or a format-5 cache; null when it is neither (damaged, or another version). */
function checkAnySummary(data: unknown): z.infer<typeof SummarySchema> | z.infer<typeof LegacySchema> | null {
  const summary = checkSummary(data, MAX_PARAGRAPHS);
  if (summary) return summary;
  // Only a cache that says it is format 5 pays for validating its paragraphs.
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== LEGACY_FORMAT) return null;
  const legacy = LegacySchema.safeParse(data);
  return legacy.success ? legacy.data : null;
}

/** Furniture of one folder, with the digest of the files it was computed from. */
export interface FolderFurniture {
  sig: string;
  keys: Set<string>;
}

/** What the last save knew about furniture, reused while a folder's files are unchanged. */
export interface StoredFurniture {
  folders: Map<string, FolderFurniture>;
  /** Per file path: the cut furniture made (null: none). */
  cuts: Map<string, FurnitureCut | null>;
}

/** The cache as loaded. */
export interface LoadedCache {
  /** Parsed files by relative path; their paragraphs are read on first use. */
  files: Map<string, ParsedFile>;
  furniture: StoredFurniture;
  /** What was wrong with the cache (for the user), or null. */
  problem: string | null;
  /** True when the cache must be saved even if nothing changed (migrated or partly damaged). */
  stale: boolean;
  /** The paragraphs generation read (kept at the next save for other readers), or null. */
  paragraphsFile: string | null;
}

/** Where a lazy version's raw paragraphs lie (kept on the version for the next save). */
interface RecordOrigin {
  file: string;
  offset: number;
  length: number;
  hash: string;
}

/** Called when a record fails its check: returns the file's paragraphs read again, or throws. */
export type Reparse = (relPath: string) => Paragraph[];

const SUMMARY = 'library-cache.json';
const NEWLINE = Buffer.from('\n');

/** The summary's fields of a version, picked one by one (reading no paragraphs). */
function versionMeta(v: ArticleVersion): z.infer<typeof MetaSchema> {
  const { fileId, lang, path, format, encoding, title, date, author, source, tags, captions, size, mtimeMs, contentHash } = v;
  return { fileId, lang, path, format, encoding, title, date, author, source, tags, captions, size, mtimeMs, contentHash };
}

function recordHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url').slice(0, 16);
}

/** Reads and checks one record; throws with a reason when it is damaged. */
function readRecord(o: RecordOrigin, count: number): Paragraph[] {
  const buf = Buffer.alloc(o.length);
  const fd = openSync(o.file, 'r');
  try {
    const n = readSync(fd, buf, 0, o.length, o.offset);
    if (n !== o.length) throw new Error('the record is cut short');
  } finally {
    closeSync(fd);
  }
  if (recordHash(buf) !== o.hash) throw new Error('the record does not match its hash');
  const parsed = ParagraphsSchema.safeParse(JSON.parse(buf.toString('utf8')));
  if (!parsed.success || parsed.data.length !== count) throw new Error('the record is not a list of paragraphs');
  return parsed.data;
}

/** No stored furniture: every folder's is computed. */
export function noFurniture(): StoredFurniture {
  return { folders: new Map(), cuts: new Map() };
}

/**
 * Load the cache for `root`: empty when missing or for another root; a damaged summary is empty
 * with a `problem`; files whose record lies beyond a truncated paragraphs file are left out
 * (they are read again) with a `problem`. `reparse` backs up a record found damaged later.
 */
export async function loadCache(dataDir: string, root: string, reparse: Reparse): Promise<LoadedCache> {
  const summaryPath = join(dataDir, SUMMARY);
  const exists = await stat(summaryPath).then(() => true, () => false);
  const data = await readJsonChecked(summaryPath, checkAnySummary);
  if (!data) {
    return { files: new Map(), furniture: noFurniture(), problem: exists ? `the library cache (${summaryPath}) is damaged or from another version: every article is read again` : null, stale: exists, paragraphsFile: null };
  }
  if (data.root !== root) return { files: new Map(), furniture: noFurniture(), problem: null, stale: false, paragraphsFile: null };
  if (data.format === LEGACY_FORMAT) {
    return { files: new Map(Object.entries(data.entries)), furniture: noFurniture(), problem: null, stale: true, paragraphsFile: null };
  }
  const file = join(dataDir, data.paragraphs);
  const size = await stat(file).then((s) => s.size, () => -1);
  const files = new Map<string, ParsedFile>();
  const cuts = new Map<string, FurnitureCut | null>();
  let lost = 0;
  for (const [rel, e] of Object.entries(data.entries)) {
    const [offset, length, hash] = e.at;
    if (offset + length > size) { lost++; continue; }
    const origin: RecordOrigin = { file, offset, length, hash };
    const load = (): Paragraph[] => {
      try {
        return readRecord(origin, e.count);
      } catch (err) {
        console.error(`folio: the cached text of ${rel} is damaged (${(err as Error).message}): reading the file again`);
        return reparse(rel);
      }
    };
    files.set(rel, { version: lazyVersion(e.version, e.count, load, origin), translation: e.translation, pairId: e.pairId });
    cuts.set(rel, e.cut);
  }
  const folders = new Map(Object.entries(data.furniture).map(([k, f]) => [k, { sig: f.sig, keys: new Set(f.keys) }]));
  const problem = lost ? `the library cache's text file (${file}) is ${size < 0 ? 'missing' : 'cut short'}: ${lost} article${lost === 1 ? ' is' : 's are'} read again` : null;
  return { files, furniture: lost ? noFurniture() : { folders, cuts }, problem, stale: lost > 0, paragraphsFile: data.paragraphs };
}

/**
 * Save the parsed files of `root`: a new paragraphs generation (records of unread lazy versions
 * are copied as bytes, not parsed), then the summary. Older generations but `keep` are removed.
 */
export async function saveCache(dataDir: string, root: string, files: ReadonlyMap<string, ParsedFile>, furniture: StoredFurniture, keep?: string): Promise<string> {
  const name = `library-paragraphs-${Date.now().toString(36)}${randomBytes(4).toString('hex')}.jsonl`;
  const chunks: Buffer[] = [];
  const sources = new Map<string, Buffer | null>();
  let offset = 0;
  const entries: Record<string, z.infer<typeof EntrySchema>> = {};
  for (const [rel, f] of files) {
    const v = f.version;
    const origin = lazyOrigin(v) as RecordOrigin | undefined;
    let bytes: Buffer | null = null;
    if (origin && !paragraphsLoaded(v)) {
      if (!sources.has(origin.file)) sources.set(origin.file, await readFile(origin.file).catch(() => null));
      const raw = sources.get(origin.file)?.subarray(origin.offset, origin.offset + origin.length);
      if (raw && recordHash(raw) === origin.hash) bytes = Buffer.from(raw);
    }
    // Reading the paragraphs of a record that could not be copied checks it (or parses the file again).
    bytes ??= Buffer.from(JSON.stringify(v.paragraphs), 'utf8');
    entries[rel] = { version: versionMeta(v), translation: f.translation, pairId: f.pairId ?? null, count: paragraphCount(v), at: [offset, bytes.length, recordHash(bytes)], cut: furniture.cuts.get(rel) ?? null };
    chunks.push(bytes, NEWLINE);
    offset += bytes.length + 1;
  }
  await writeFileDurably(join(dataDir, name), Buffer.concat(chunks));
  const folders = Object.fromEntries([...furniture.folders].map(([k, f]) => [k, { sig: f.sig, keys: [...f.keys] }]));
  await writeJson(join(dataDir, SUMMARY), { format: CACHE_FORMAT, root, paragraphs: name, furniture: folders, entries });
  // Older generations go; `keep` (the one this process read) may still be read by another process.
  for (const n of await readdir(dataDir).catch(() => [] as string[])) {
    if (PARAGRAPHS_FILE.test(n) && n !== name && n !== keep) await unlink(join(dataDir, n)).catch(() => undefined);
  }
  return name;
}
