/**
 * Read one library file into an `ArticleVersion`, or say why it was skipped. Never throws for
 * bad input: too large, binary, vanished, unreadable, undecodable, unparsable and empty files
 * each become a `SkippedFile` with a one-line English message.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ArticleFormat, ArticleVersion, Lang, SkippedFile, SkipReason } from '../../shared/types';
import { decode, DecodeError } from './encoding/decode';
import { parseScrapedText } from './parse/scraped-text';
import { parseMarkdown } from './parse/markdown';
import { parseHtml, type HtmlOptions } from './parse/html';
import { detectLanguage } from './parse/language';
import { articleText } from '../../shared/text';
import { OUTSIDE_MESSAGE, realPathInside, realPathInsideSync } from './safe-path';
import { readContainer, type ContainerFormat } from './formats/container-file';
import { ZipError } from './formats/zip';
import { PdfTextError } from './formats/pdf-text';
import { MhtmlError } from './formats/mhtml';
import { DEFAULT_MAX_FILE_BYTES, formatOf, sha256 } from './file-kind';

export { DEFAULT_MAX_FILE_BYTES, formatOf, sha256 };

/**
 * Default line limit for one file. Parsing is checked before it starts: a million-line .txt
 * took ~9 s of one thread to parse here, freezing everything else; a long book has ~70 000.
 */
export const DEFAULT_MAX_LINES = 200_000;
/** Default paragraph limit for one article: the reader renders every paragraph. */
export const DEFAULT_MAX_PARAGRAPHS = 50_000;

/** True for formats whose files are containers (binary or MIME), read by `formats/`. */
export function isContainerFormat(format: ArticleFormat): format is ContainerFormat {
  return format === 'mhtml' || format === 'docx' || format === 'epub' || format === 'pdf';
}

/** Language suggested by the path: `name.vi.md`, `name-en.txt`, `name_vi.md`, or a `vi/` / `en/` folder. */
export function langFromPath(relPath: string): Lang | null {
  const m = /[._-](vi|en)\.[^./]+$/i.exec(relPath);
  if (m?.[1]) return m[1].toLowerCase() as Lang;
  const dirs = relPath.split('/').slice(0, -1).reverse();
  for (const d of dirs) if (d === 'vi' || d === 'en') return d;
  return null;
}

/** A parsed file: the version plus what pairing needs that the shared model does not carry. */
export interface ParsedFile {
  version: ArticleVersion;
  /** `translation:` / `translation_of:` front-matter link, relative to the file's folder. */
  translation: string | null;
  /** Front-matter `id:` shared by the language versions of one article. */
  pairId?: string | null;
}

/** Options for reading one file. */
export interface ReadOptions {
  maxFileBytes?: number;
  /** Files with more lines are skipped as `too-large` before parsing (default 200 000). */
  maxLines?: number;
  /** Articles with more paragraphs are skipped as `too-large` (default 50 000). */
  maxParagraphs?: number;
  /** HTML limits (when Readability runs). */
  html?: HtmlOptions;
  /** Furniture line keys of the file's folder (scraped .txt pages). */
  furniture?: ReadonlySet<string>;
  /**
   * Real path of the library root. When set (always, from `Library`), the file is read through
   * its own real path and skipped as `outside-library` when that leaves the root.
   */
  root?: string;
}

function skip(path: string, reason: SkipReason, message: string): SkippedFile {
  return { path, reason, message };
}

function errCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** True when the bytes look binary: NUL bytes, or many control characters (not in UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    // TCVN3 puts a few capitals in C0 (0x01-0x17), so allow a small share of controls.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}


/** A file's bytes as read from disk, with the stat facts a version records. */
export interface FileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** Read and parse one file; `relPath` uses `/` separators. */
export async function readParsedFile(absPath: string, relPath: string, opts: ReadOptions = {}): Promise<ParsedFile | SkippedFile> {
  const read = await readFileBytes(absPath, relPath, opts);
  return 'reason' in read ? read : parseFileBytesAsync(read, relPath, opts);
}

/** Why a container file was refused, as a skip (the message names the cause). */
function containerSkip(relPath: string, format: ContainerFormat, e: unknown): SkippedFile {
  if (e instanceof PdfTextError) return skip(relPath, e.kind === 'no-text-layer' ? 'no-text' : e.kind === 'encrypted' ? 'encrypted' : e.kind === 'over-budget' ? 'too-large' : 'parse-error', e.message);
  if (e instanceof ZipError) return skip(relPath, e.kind === 'encrypted' ? 'encrypted' : e.kind === 'over-budget' ? 'too-large' : 'parse-error', e.message);
  if (e instanceof MhtmlError) return skip(relPath, 'parse-error', e.message);
  return skip(relPath, 'parse-error', `Cannot read ${format.toUpperCase()}: ${e instanceof Error ? e.message.slice(0, 120) : 'error'}`);
}

/**
 * `parseFileBytes` for every format: text formats synchronously, containers (.docx, .epub,
 * .pdf, .mhtml) through their converters, which may be asynchronous (mammoth, pdf.js).
 */
export async function parseFileBytesAsync(read: FileBytes, relPath: string, opts: ReadOptions = {}): Promise<ParsedFile | SkippedFile> {
  const format = formatOf(relPath);
  if (!format || !isContainerFormat(format)) return parseFileBytes(read, relPath, opts);
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (read.bytes.length > limit) return skip(relPath, 'too-large', `File is ${read.bytes.length} bytes, over the ${limit}-byte limit`);
  if (read.bytes.length === 0) return skip(relPath, 'empty', 'File is empty');
  let doc: Awaited<ReturnType<typeof readContainer>>;
  try {
    doc = await readContainer(read.bytes, format, opts.html);
  } catch (e) {
    return containerSkip(relPath, format, e);
  }
  const maxParagraphs = opts.maxParagraphs ?? DEFAULT_MAX_PARAGRAPHS;
  if (doc.paragraphs.length > maxParagraphs) {
    return skip(relPath, 'too-large', `Article has ${doc.paragraphs.length} paragraphs, over the ${maxParagraphs}-paragraph limit`);
  }
  const { encoding, lang, ...base } = doc;
  return finishVersion(base, { relPath, format, encoding, size: read.size, mtimeMs: read.mtimeMs, contentHash: sha256(read.bytes), metaLang: asLang(lang), translation: null, pairId: null });
}

/** The I/O half of `readParsedFile`: the file's bytes, or why it is skipped before decoding. */
export async function readFileBytes(absPath: string, relPath: string, opts: ReadOptions = {}): Promise<FileBytes | SkippedFile> {
  if (!formatOf(relPath)) return skip(relPath, 'parse-error', 'Not an article file type');
  try {
    const real = opts.root === undefined ? absPath : await realPathInside(opts.root, absPath);
    if (real === null) return skip(relPath, 'outside-library', OUTSIDE_MESSAGE);
    const st = await stat(real);
    return statSkip(st, relPath, opts) ?? { bytes: await readFile(real), size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return readErrorSkip(e, relPath);
  }
}

/**
 * `readFileBytes` with blocking calls, for parse workers: there a blocking read costs nothing
 * else, while each promise-based call paid ~40 µs of thread-pool hand-off (4 per file).
 */
export function readFileBytesSync(absPath: string, relPath: string, opts: ReadOptions = {}): FileBytes | SkippedFile {
  if (!formatOf(relPath)) return skip(relPath, 'parse-error', 'Not an article file type');
  try {
    const real = opts.root === undefined ? absPath : realPathInsideSync(opts.root, absPath);
    if (real === null) return skip(relPath, 'outside-library', OUTSIDE_MESSAGE);
    const st = statSync(real);
    return statSkip(st, relPath, opts) ?? { bytes: readFileSync(real), size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    return readErrorSkip(e, relPath);
  }
}

function statSkip(st: Stats, relPath: string, opts: ReadOptions): SkippedFile | null {
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!st.isFile()) return skip(relPath, 'unreadable', 'Not a regular file');
  if (st.size > limit) return skip(relPath, 'too-large', `File is ${st.size} bytes, over the ${limit}-byte limit`);
  return null;
}

function readErrorSkip(e: unknown, relPath: string): SkippedFile {
  const code = errCode(e);
  if (code === 'ENOENT') return skip(relPath, 'vanished', 'File disappeared during the scan');
  if (code === 'ELOOP') return skip(relPath, 'unreadable', 'Symlink loop');
  return skip(relPath, 'unreadable', `Cannot read file (${code || 'error'})`);
}

/** The CPU half of `readParsedFile` (synchronous): decode, check limits, parse. */
export function parseFileBytes(read: FileBytes, relPath: string, opts: ReadOptions = {}): ParsedFile | SkippedFile {
  const format = formatOf(relPath);
  if (!format) return skip(relPath, 'parse-error', 'Not an article file type');
  if (isContainerFormat(format)) return skip(relPath, 'parse-error', `${format.toUpperCase()} files are read by parseFileBytesAsync`);
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { bytes, size, mtimeMs } = read;
  if (bytes.length > limit) return skip(relPath, 'too-large', `File is ${bytes.length} bytes, over the ${limit}-byte limit`);
  if (bytes.length === 0) return skip(relPath, 'empty', 'File is empty');
  if (looksBinary(bytes)) return skip(relPath, 'binary', 'File looks binary, not text');
  let text: string;
  let encoding: string;
  try {
    ({ text, encoding } = decode(bytes));
  } catch (e) {
    return skip(relPath, 'decode-error', e instanceof DecodeError ? e.message : 'Cannot decode text');
  }
  if (text.trim().length === 0) return skip(relPath, 'empty', 'File has no text');
  const maxLines = opts.maxLines ?? DEFAULT_MAX_LINES;
  const lines = countLines(text, maxLines);
  if (lines > maxLines) return skip(relPath, 'too-large', `File has more than ${maxLines} lines`);
  try {
    const built = buildVersion({ text, encoding, format, relPath, size, mtimeMs, furniture: opts.furniture, html: opts.html });
    const maxParagraphs = opts.maxParagraphs ?? DEFAULT_MAX_PARAGRAPHS;
    if ('version' in built && built.version.paragraphs.length > maxParagraphs) {
      return skip(relPath, 'too-large', `Article has ${built.version.paragraphs.length} paragraphs, over the ${maxParagraphs}-paragraph limit`);
    }
    return built;
  } catch (e) {
    return skip(relPath, 'parse-error', `Cannot parse ${format.toUpperCase()}: ${e instanceof Error ? e.message.slice(0, 120) : 'error'}`);
  }
}

interface BuildInput {
  text: string;
  encoding: string;
  format: ArticleFormat;
  relPath: string;
  size: number;
  mtimeMs: number;
  furniture: ReadonlySet<string> | undefined;
  html: HtmlOptions | undefined;
}

/** Number of lines in `text`, counting stops past `limit`. */
export function countLines(text: string, limit: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n <= limit; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function asLang(s: string | null | undefined): Lang | null {
  const l = s?.slice(0, 2).toLowerCase();
  return l === 'vi' || l === 'en' ? l : null;
}

function buildVersion(input: BuildInput): ParsedFile | SkippedFile {
  const { text, format, relPath } = input;
  const contentHash = sha256(text);
  let metaLang: Lang | null = null;
  let translation: string | null = null;
  let pairId: string | null = null;
  let base: VersionBase;
  if (format === 'md') {
    const md = parseMarkdown(text);
    metaLang = asLang(md.meta.lang);
    translation = md.meta.translation ?? null;
    pairId = md.meta.pairId ?? null;
    const firstHeading = md.paragraphs.find((p) => p.kind === 'heading')?.text;
    const title = md.meta.title ?? firstHeading ?? md.paragraphs[0]?.text.slice(0, 120) ?? 'Untitled';
    // A leading heading that is the title is the title, not the body's first line (the reader
    // shows the title above the text), as for saved pages' <h1>.
    const lead = md.paragraphs[0];
    const body = lead?.kind === 'heading' && lead.text === title ? md.paragraphs.slice(1).map((p, index) => ({ ...p, index })) : md.paragraphs;
    base = {
      title,
      date: md.meta.date ?? null, author: md.meta.author ?? null, source: md.meta.source ?? null,
      tags: md.meta.tags, captions: [], paragraphs: body,
    };
  } else if (format === 'html') {
    const h = parseHtml(text, input.html);
    metaLang = asLang(h.lang);
    base = { title: h.title, date: h.date, author: h.author, source: h.source, tags: [], captions: h.captions, paragraphs: h.paragraphs };
  } else {
    const s = parseScrapedText(text, input.furniture ? { furniture: input.furniture } : {});
    // Fields in the cache schema's order, so a warm start's cache text is byte-identical and not rewritten.
    base = { title: s.title, date: s.date, author: s.author, source: s.source, tags: [], captions: s.captions, paragraphs: s.paragraphs };
  }
  return finishVersion(base, { relPath, format, encoding: input.encoding, size: input.size, mtimeMs: input.mtimeMs, contentHash, metaLang, translation, pairId });
}

type VersionBase = Pick<ArticleVersion, 'title' | 'date' | 'author' | 'source' | 'tags' | 'captions' | 'paragraphs'>;

interface VersionFacts {
  relPath: string;
  format: ArticleFormat;
  encoding: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
  metaLang: Lang | null;
  translation: string | null;
  pairId: string | null;
}

/** The version of a parsed file: language decided (declared, path, detected), id derived. */
function finishVersion(base: VersionBase, f: VersionFacts): ParsedFile | SkippedFile {
  if (base.paragraphs.length === 0) return skip(f.relPath, 'empty', 'No readable text in the file');
  const lang = f.metaLang ?? langFromPath(f.relPath) ?? detectLanguage(`${base.title}\n${articleText(base.paragraphs)}`);
  const version: ArticleVersion = {
    fileId: sha256(f.contentHash + f.relPath).slice(0, 16),
    lang, path: f.relPath, format: f.format, encoding: f.encoding, ...base,
    size: f.size, mtimeMs: f.mtimeMs, contentHash: f.contentHash,
  };
  return { version, translation: f.translation, pairId: f.pairId };
}

/** Read one file as an `ArticleVersion` (fileId derived from content and path) or a skip. */
export async function readArticleFile(absPath: string, relPath: string, opts: ReadOptions = {}): Promise<ArticleVersion | SkippedFile> {
  const r = await readParsedFile(absPath, relPath, opts);
  return 'version' in r ? r.version : r;
}

/** Type guard: a read result that was skipped. */
export function isSkipped(r: ParsedFile | SkippedFile | ArticleVersion): r is SkippedFile {
  return 'reason' in r;
}
