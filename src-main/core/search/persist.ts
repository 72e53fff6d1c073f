/**
 * The saved index: `<dataDir>/search-index.json` (versions, fingerprint, per-document metadata,
 * article signatures; validated with zod) and `<dataDir>/search-index.bin` (the engine snapshot's
 * arrays). Both are written atomically (core/fs/write-durably.ts: temp file, fsync, rename, folder fsync), the binary
 * first; a shared random generation id and a checksum tie the pair together, so a torn or
 * mismatched pair is detected and rebuilt, never trusted.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeFileDurably } from '../fs/write-durably';
import { z } from 'zod';
import { LANGS } from '../../shared/types';
import type { DocMeta } from './documents';
import type { Snapshot } from './engine';

/** Bumped when the file layout changes (2: per-document metadata stored by column). */
export const FORMAT_VERSION = 2;
export const INDEX_JSON = 'search-index.json';
export const INDEX_BIN = 'search-index.bin';

const SECTIONS = ['ids', 'shortIds', 'fieldLength', 'terms', 'postings', 'bloomLengths', 'blooms'] as const;

const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  analyzer: z.number().int(),
  fingerprint: z.string(),
  generation: z.string(),
  checksum: z.number().int(),
  sections: z.object(Object.fromEntries(SECTIONS.map((s) => [s, z.tuple([z.number().int().min(0), z.number().int().min(0)])])) as Record<(typeof SECTIONS)[number], z.ZodTuple<[z.ZodNumber, z.ZodNumber]>>),
  header: z.object({
    documentCount: z.number().int().min(0),
    nextId: z.number().int().min(0),
    fieldIds: z.record(z.string(), z.number().int().min(0)),
    avgFieldLength: z.array(z.number()),
    dirtCount: z.number().int().min(0),
  }),
  // Columns, not one tuple per document: validating 10,000 tuples took zod ~150 ms of a warm start.
  articles: z.object({ ids: z.array(z.string()), signatures: z.array(z.string()) }),
  docs: z.object({
    ids: z.array(z.string()),
    articleIds: z.array(z.string()),
    langs: z.array(z.enum(LANGS)),
    titles: z.array(z.string()),
    dates: z.array(z.string().nullable()),
    /** Only documents with tags: [document index, tags]. */
    tags: z.array(z.tuple([z.number().int().min(0), z.array(z.string())])),
    /** Indexes of documents with annotations. */
    annotated: z.array(z.number().int().min(0)),
  }),
});

/** Everything persisted besides the engine arrays. */
export interface SavedState {
  analyzer: number;
  fingerprint: string;
  signatures: Map<string, string>;
  docs: Map<string, DocMeta>;
  /** Bigram filters, per document id (stored in `docs` order). */
  bigrams: Map<string, Uint8Array>;
  snapshot: Snapshot;
}

/** Thrown for a cache that cannot be trusted; the index is rebuilt from the articles. */
export class CacheError extends Error {
  readonly code = 'SEARCH_INDEX_CACHE_INVALID';
}

function checksum(a: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ (a[i] as number), 0x01000193);
  return h >>> 0;
}

/** Removes temp files a crash left behind mid-save (write-file-atomic names them `<file>.<hash>`). */
export async function removeLeftoverTempFiles(dataDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return;
  }
  const stale = names.filter((n) => n.startsWith(`${INDEX_JSON}.`) || n.startsWith(`${INDEX_BIN}.`));
  await Promise.all(stale.map((n) => unlink(join(dataDir, n)).catch(() => undefined)));
}

/** Writes the state atomically (binary, then the manifest that commits it). */
export async function saveState(dataDir: string, state: SavedState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const s = state.snapshot;
  const docIds = [...state.docs.keys()];
  const bloomLengths = Uint32Array.from(docIds, (id) => state.bigrams.get(id)?.length ?? 0);
  const blooms = Buffer.concat(docIds.map((id) => state.bigrams.get(id) ?? new Uint8Array(0)));
  const parts: Buffer[] = [
    Buffer.from(s.ids, 'utf8'),
    Buffer.from(s.shortIds.buffer, s.shortIds.byteOffset, s.shortIds.byteLength),
    Buffer.from(s.fieldLength.buffer, s.fieldLength.byteOffset, s.fieldLength.byteLength),
    Buffer.from(s.terms, 'utf8'),
    Buffer.from(s.postings.buffer, s.postings.byteOffset, s.postings.byteLength),
    Buffer.from(bloomLengths.buffer, bloomLengths.byteOffset, bloomLengths.byteLength),
    blooms,
  ];
  const sections: Record<string, [number, number]> = {};
  const chunks: Buffer[] = [];
  let at = 0;
  parts.forEach((buf, i) => {
    sections[SECTIONS[i] as string] = [at, buf.length];
    chunks.push(buf);
    const pad = (4 - (buf.length % 4)) % 4; // keep Uint32 sections aligned
    if (pad) chunks.push(Buffer.alloc(pad));
    at += buf.length + pad;
  });
  const generation = randomUUID();
  const body = Buffer.concat(chunks);
  await writeFileDurably(join(dataDir, INDEX_BIN), Buffer.concat([Buffer.from(generation, 'ascii'), body]));
  const manifest: z.input<typeof manifestSchema> = {
    format: FORMAT_VERSION,
    analyzer: state.analyzer,
    fingerprint: state.fingerprint,
    generation,
    checksum: checksum(new Uint32Array(body.buffer, body.byteOffset, body.length / 4)),
    sections: sections as z.input<typeof manifestSchema>['sections'],
    header: s.header,
    articles: { ids: [...state.signatures.keys()], signatures: [...state.signatures.values()] },
    docs: docColumns(state.docs),
  };
  await writeFileDurably(join(dataDir, INDEX_JSON), JSON.stringify(manifest));
}

function docColumns(docs: ReadonlyMap<string, DocMeta>): z.input<typeof manifestSchema>['docs'] {
  const cols: z.input<typeof manifestSchema>['docs'] = { ids: [], articleIds: [], langs: [], titles: [], dates: [], tags: [], annotated: [] };
  let i = 0;
  for (const [id, m] of docs) {
    cols.ids.push(id);
    cols.articleIds.push(m.articleId);
    cols.langs.push(m.lang);
    cols.titles.push(m.title);
    cols.dates.push(m.date);
    if (m.tags.length > 0) cols.tags.push([i, m.tags]);
    if (m.hasAnnotations) cols.annotated.push(i);
    i++;
  }
  return cols;
}

/** Reads and checks the saved state; null when there is none, CacheError when it is unusable. */
export async function loadState(dataDir: string): Promise<SavedState | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, INDEX_JSON), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CacheError(`Cannot read the search index: ${(err as Error).message}`);
  }
  let parsed: z.infer<typeof manifestSchema>;
  try {
    parsed = manifestSchema.parse(JSON.parse(text));
  } catch (err) {
    throw new CacheError(`The search index manifest is invalid: ${(err as Error).message.slice(0, 200)}`);
  }
  let bin: Buffer;
  try {
    bin = await readFile(join(dataDir, INDEX_BIN));
  } catch (err) {
    throw new CacheError(`Cannot read the search index data: ${(err as Error).message}`);
  }
  const genLen = parsed.generation.length;
  if (bin.subarray(0, genLen).toString('ascii') !== parsed.generation) throw new CacheError('The search index files do not belong together');
  let body = bin.subarray(genLen);
  if (body.byteOffset % 4 !== 0) body = Buffer.from(body); // Uint32Array views need alignment
  const section = (name: (typeof SECTIONS)[number]): Buffer => {
    const [off, len] = parsed.sections[name];
    if (off + len > body.length) throw new CacheError('The search index data is truncated');
    return body.subarray(off, off + len);
  };
  const u32 = (b: Buffer): Uint32Array => {
    if (b.length % 4 !== 0) throw new CacheError('The search index data is misaligned');
    return new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  };
  if (checksum(u32(body)) !== parsed.checksum) throw new CacheError('The search index data fails its checksum');
  const postings = u32(section('postings'));
  const d = parsed.docs;
  const n = d.ids.length;
  if (d.articleIds.length !== n || d.langs.length !== n || d.titles.length !== n || d.dates.length !== n || parsed.articles.ids.length !== parsed.articles.signatures.length) {
    throw new CacheError('The search index manifest columns disagree');
  }
  const tagsAt = new Map<number, string[]>();
  for (const [i, tags] of d.tags) tagsAt.set(i, tags);
  const annotated = new Set(d.annotated);
  const docs = new Map<string, DocMeta>();
  for (let i = 0; i < n; i++) {
    docs.set(d.ids[i] as string, {
      articleId: d.articleIds[i] as string,
      lang: d.langs[i] as DocMeta['lang'],
      title: d.titles[i] as string,
      date: d.dates[i] as string | null,
      tags: tagsAt.get(i) ?? [],
      hasAnnotations: annotated.has(i),
    });
  }
  const bloomLengths = u32(section('bloomLengths'));
  const bloomBytes = section('blooms');
  if (bloomLengths.length !== n) throw new CacheError('The search index bigram filters do not match its documents');
  const bigrams = new Map<string, Uint8Array>();
  let at = 0;
  d.ids.forEach((id, i) => {
    const len = bloomLengths[i] as number;
    if (at + len > bloomBytes.length) throw new CacheError('The search index bigram filters are truncated');
    // Copy: one small buffer per document instead of views pinning the whole file in memory.
    bigrams.set(id, Uint8Array.prototype.slice.call(bloomBytes, at, at + len));
    at += len;
  });
  return {
    analyzer: parsed.analyzer,
    fingerprint: parsed.fingerprint,
    signatures: new Map(parsed.articles.ids.map((id, i) => [id, parsed.articles.signatures[i] as string])),
    docs,
    bigrams,
    snapshot: {
      header: parsed.header,
      ids: section('ids').toString('utf8'),
      shortIds: u32(section('shortIds')),
      fieldLength: u32(section('fieldLength')),
      terms: section('terms').toString('utf8'),
      postings,
    },
  };
}
