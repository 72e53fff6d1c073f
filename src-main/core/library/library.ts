/**
 * The library: a user's folder of article files as `Article`s. Scans with a parsed-version
 * cache, keeps file ids stable through the id registry, removes site furniture across files,
 * pairs translations, and follows changes on disk with a debounced watcher.
 */
import { statSync, unlinkSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FSWatcher } from 'chokidar';
import type { Article, ArticleVersion, Lang, LibraryStatus, ScanProgress, SkippedFile } from '../../shared/types';
import { loadCache, noFurniture, saveCache, type StoredFurniture } from './cache';
import { createHash } from 'node:crypto';
import { applyCut, countLines, folderOf, furnitureCut, furnitureKeys, type FurnitureCut } from './furniture';
import { lazyVersion, paragraphCount, paragraphsLoaded, withFields } from './lazy-version';
import { pairVersions } from './pairing';
import { inSlices } from '../events/in-slices';
import type { ParsedFile, ReadOptions } from './read-file';
import { DEFAULT_MAX_FILE_BYTES, formatOf } from './file-kind';
import { FolioError } from '../../shared/result';
import { articleText } from '../../shared/text';
import type { HtmlOptions } from './parse/html';

/** The parsers (markdown-it, linkedom, mammoth…): loaded only when a file must be read, not for a warm start. */
type Parsers = typeof import('./read-file');
let parsers: Parsers | null = null;
async function loadParsers(): Promise<Parsers> {
  parsers ??= await import('./read-file');
  return parsers;
}
import type { ParsePool } from './parse-pool';
import { IdRegistry } from './registry';
import { applyEdit, MetadataEdits, type MetadataEdit } from './metadata-edits';
import { isWriteRefused } from './persisted-json';
import { OUTSIDE_MESSAGE, realPathInside, realPathInsideSync, resolveInside } from './safe-path';
import { isIgnoredName, walkLibrary, type FoundFile } from './walk';

/** Options of `Library.open`. */
export interface LibraryOptions {
  root: string;
  dataDir: string;
  /** Files larger than this are skipped as `too-large` (default 20 MB). */
  maxFileBytes?: number;
  /** Article files beyond this count are skipped as `limit-reached` (default 100 000). */
  maxFiles?: number;
  /** Files with more lines are skipped as `too-large` before parsing (default 200 000). */
  maxLines?: number;
  /** Articles with more paragraphs are skipped as `too-large` (default 50 000). */
  maxParagraphs?: number;
  /** HTML limits: pages over them skip Readability and are read from the whole body. */
  html?: HtmlOptions;
  onProgress?: (p: ScanProgress) => void;
  /**
   * Worker threads that read and parse files (cache hits are not parsed). Default: one per core
   * but one, at least 2 on 2 cores, at most 8. 0 parses in-thread: only for tests and benchmarks
   * that compare the two, as it blocks the thread that answers requests.
   */
  workers?: number;
  /**
   * A file still parsing in a worker after this many ms, plus `parseMsPerMib` per MiB of it, is
   * skipped as `too-slow` (defaults 20 000 and 10 000: a 10 MB page gets two minutes, so a busy
   * laptop does not skip it).
   */
  parseTimeoutMs?: number;
  parseMsPerMib?: number;
  /** Heap limit of each parse worker in MB (default: Node's); a worker over it skips its file. */
  workerHeapMb?: number;
  /** Never write the registry or cache (the data folder cannot be written). */
  readOnly?: boolean;
  /** Called once when a write to the data folder is refused (read-only, no permission, full). */
  onWriteRefused?: (err: Error) => void;
  /**
   * Trust the cache's summary (the state of the last full open) instead of walking and statting
   * every file: for commands that touch a few articles, which then call `verify` on them. Without
   * a usable summary the library is scanned as usual.
   */
  trustCache?: boolean;
  /**
   * The longest stretch (ms) of a rebuild's loops over every file before requests get a turn
   * (default 8; tests pass 0 to yield after every item and count the turns).
   */
  rebuildSliceMs?: number;
}

/**
 * How the last scan or change parsed its files: in worker threads, in-thread (`workers: 0`), or
 * in-thread because no worker could start here.
 */
export type ParseMode = 'workers' | 'in-thread' | 'in-thread-fallback';

/** What changed, as Article ids. */
export interface LibraryChange {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Files read concurrently during an in-thread scan. */
const READ_AHEAD = 8;
/** Files read between yields to the event loop, so a server stays responsive during a scan. */
const YIELD_EVERY = 50;
/** ...or milliseconds of reading, whichever comes first (a few large pages take that long). */
const YIELD_AFTER_MS = 30;
/** Watcher batches at least this large report their progress. */
const BURST_PROGRESS = 50;
/** Watcher debounce: editors write files in bursts (temp file, rename, touch). */
const DEBOUNCE_MS = 250;
/** Default per-file parse timeout in a worker (a 20 MB page parses in a few seconds here). */
const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
const DEFAULT_PARSE_MS_PER_MIB = 10_000;

/**
 * Default parse workers. On 2 cores two workers beat one (the main thread only walks and receives
 * results): a cold scan of 10,000 articles, bundled, took 4.7 s with 2 workers, 6.9 s with 1 and
 * 6.9 s in-thread here. Beyond that leave a core to the app; capped, as each worker loads its
 * own parsers.
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  return Math.min(8, Math.max(Math.min(2, cores), cores - 1));
}

function signature(a: Article): string {
  return a.versions.map((v) => `${v.path}|${v.fileId}|${v.contentHash}|${v.mtimeMs}|${v.lang}|${paragraphCount(v)}|${v.title}|${v.date}|${v.author}|${v.source}|${v.tags.join(',')}`).join('||');
}

/** Every article's signature, in slices (50,000 of them take a second on a busy machine). */
async function signatures(list: readonly Article[], sliceMs: number): Promise<Map<string, string>> {
  const sigs = new Map<string, string>();
  await inSlices(list, (a) => sigs.set(a.id, signature(a)), { sliceMs });
  return sigs;
}

/**
 * The longest stretch of a rebuild's loops before requests get a turn: the check of every file
 * behind a warm start runs while the reader opens articles, and must not hold them.
 */
const REBUILD_SLICE_MS = 8;

/** `v` without the paragraphs and captions furniture cut from it; a lazy version stays lazy. */
function cutVersion(v: ArticleVersion, cut: FurnitureCut | null): ArticleVersion {
  if (!cut) return v;
  if (paragraphsLoaded(v)) return { ...v, paragraphs: applyCut(v.paragraphs, cut), captions: cut.captions };
  const { paragraphs: _lazy, ...meta } = Object.getOwnPropertyDescriptors(v);
  const fields = Object.fromEntries(Object.entries(meta).map(([k, d]) => [k, d.value])) as Omit<ArticleVersion, 'paragraphs'>;
  return lazyVersion({ ...fields, captions: cut.captions }, paragraphCount(v) - cut.drop.length, () => applyCut(v.paragraphs, cut));
}

/** Files whose paragraphs furniture reads between yields to the event loop. */
const FURNITURE_SLICE = 25;

/** `fn` over `items`, yielding to the event loop after every slice (never before the first). */
async function inTurns<T>(items: readonly T[], fn: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % FURNITURE_SLICE === 0) await yieldToLoop();
    fn(items[i] as T);
  }
}

/** A library folder, scanned and (optionally) watched. */
export class Library {
  readonly root: string;
  readonly dataDir: string;
  /** The root's real path: every file read must resolve inside it (symlinks included). */
  private rootReal = '';
  private readonly opts: LibraryOptions;
  private registry!: IdRegistry;
  private edits!: MetadataEdits;
  private files = new Map<string, ParsedFile>();
  private skippedFiles = new Map<string, SkippedFile>();
  private list: Article[] = [];
  private index = new Map<string, Article>();
  /** Signatures of `list` by article id, once a build compared them (null: not made yet). */
  private signatures: Map<string, string> | null = null;
  private progress: ScanProgress = { phase: 'scanning', done: 0, total: 0 };
  private watcher: FSWatcher | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private pool: ParsePool | null = null;
  private lastParseMode: ParseMode = 'in-thread';
  /** False once the data folder refused a write: state is kept in memory only. */
  private writable: boolean;
  /** Furniture per folder and the cut it made per file, as last computed (or loaded). */
  private furniture: StoredFurniture = noFurniture();
  /** True when the parsed files differ from the saved cache (a read-only command leaves it false). */
  private cacheDirty = false;
  /** The cache's paragraphs generation this process reads from. */
  private paragraphsFile: string | null = null;
  /** Opened from the summary alone (`trustCache`): files are checked only when `verify` names them. */
  private trusted = false;
  /** The files map the current list was built from (a rescan that finds it unchanged builds nothing). */
  private builtFrom: Map<string, ParsedFile> | null = null;

  private constructor(opts: LibraryOptions) {
    this.opts = opts;
    this.writable = !opts.readOnly;
    this.root = opts.root;
    this.dataDir = opts.dataDir;
  }

  /** Open a library: load the registry and cache, then scan. */
  static async open(opts: LibraryOptions): Promise<Library> {
    const lib = new Library(opts);
    lib.rootReal = await realpath(opts.root);
    lib.registry = await IdRegistry.load(opts.dataDir);
    lib.edits = await MetadataEdits.load(opts.dataDir);
    const cache = await loadCache(opts.dataDir, opts.root, (rel) => lib.reparse(rel));
    if (cache.problem) console.error(`folio: ${cache.problem}`);
    lib.files = cache.files;
    lib.furniture = cache.furniture;
    lib.cacheDirty = cache.stale;
    lib.paragraphsFile = cache.paragraphsFile;
    if (opts.trustCache && !cache.stale && cache.problem === null && cache.files.size > 0) {
      lib.trusted = true;
      await lib.rebuild();
      lib.report(lib.files.size, lib.files.size, 'ready');
    } else {
      await lib.rescan();
    }
    return lib;
  }

  /**
   * After a trusted open: check the files of the articles named by `keys` (ids, file ids or
   * relative paths) and read again those that changed, so these articles are what a full open
   * would give (with every other file as the summary says). A full open checks nothing here.
   */
  verify(keys: readonly string[]): Promise<LibraryChange> {
    if (!this.trusted) return Promise.resolve({ added: [], changed: [], removed: [] });
    return this.serial(async () => {
      const paths = new Set<string>();
      for (const key of keys) {
        const article = this.get(key) ?? this.get(key.replace(/\\/g, '/').replace(/^\.\//, ''));
        if (article) for (const v of article.versions) paths.add(v.path);
        // Not in the summary: a file added since (its path names it), or no article at all.
        else if (formatOf(key) && this.isInside(key)) paths.add(key.replace(/\\/g, '/').replace(/^\.\//, ''));
      }
      const stale = [...paths].filter((rel) => {
        const hit = this.files.has(rel) ? this.cachedSync({ abs: join(this.root, rel), rel }) : null;
        return hit === null || 'reason' in hit;
      });
      if (stale.length === 0) return { added: [], changed: [], removed: [] };
      return this.applyPaths(stale);
    });
  }

  private isInside(rel: string): boolean {
    try {
      this.resolveInside(rel);
      return true;
    } catch {
      return false;
    }
  }

  /** True when this library was opened from its summary without checking every file. */
  isTrusted(): boolean {
    return this.trusted;
  }

  /** All articles, ordered by the path of their first version. */
  articles(): Article[] {
    return this.list;
  }

  /** An article by its id, any version's fileId, or any version's relative path. */
  get(idOrFileIdOrRelPath: string): Article | undefined {
    return this.index.get(idOrFileIdOrRelPath);
  }

  /** Counts, the last scan's skipped files and progress. */
  status(): LibraryStatus {
    return {
      root: this.root,
      dataDir: this.dataDir,
      progress: { ...this.progress },
      articleCount: this.list.length,
      pairCount: this.list.filter((a) => a.versions.length > 1).length,
      skipped: [...this.skippedFiles.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    };
  }

  /** The decoded (NFC) original text of a version; the file itself is never modified. */
  async rawText(id: string, lang?: Lang): Promise<string> {
    const article = this.get(id);
    const version = article?.versions.find((v) => !lang || v.lang === lang) ?? (lang ? undefined : article?.versions[0]);
    if (!version) throw Object.assign(new Error(`No article version for ${id}`), { code: 'not-found' });
    // Read through the real path, checked now: the file may have become a link out since the scan.
    const real = await realPathInside(this.rootReal, this.resolveInside(version.path));
    if (real === null) throw new FolioError('outside-library', `${version.path}: ${OUTSIDE_MESSAGE.toLowerCase()}`);
    // The file may have grown since the scan: the same limit as the scan, checked before reading.
    const limit = this.opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const st = await stat(real);
    if (!st.isFile() || st.size > limit) throw new FolioError('io-error', `File is not a regular file of at most ${limit} bytes`);
    const bytes = await readFile(real);
    const { decode } = await import('./encoding/decode');
    const { parseMhtml } = await import('./formats/mhtml');
    // Containers have no text of their own to show: a saved page shows its HTML, a Word
    // document, book or PDF the text Folio extracted from it.
    if (version.format === 'mhtml') return parseMhtml(bytes.toString('latin1')).html;
    if (version.format === 'docx' || version.format === 'epub' || version.format === 'pdf') return articleText(version.paragraphs);
    return decode(bytes).text;
  }

  /**
   * Edit an article's metadata by hand (the version in `lang`, else the article's own); stored
   * in `<dataDir>/metadata-edits.json`, never in the file. Returns what changed.
   */
  editMetadata(id: string, patch: MetadataEdit, lang?: Lang): Promise<LibraryChange> {
    return this.serial(async () => {
      const version = this.versionFor(id, lang);
      await this.edits.edit(version.fileId, patch);
      return await this.rebuild();
    });
  }

  /** Forget every hand edit of an article (its versions' fields and hand pairing). */
  resetMetadata(id: string): Promise<LibraryChange> {
    return this.serial(async () => {
      const article = this.requireArticle(id);
      await this.edits.reset(article.versions.map((v) => v.fileId));
      return await this.rebuild();
    });
  }

  /** Pair two single-version articles by hand (overriding the naming rules). */
  pairArticles(a: string, b: string): Promise<LibraryChange> {
    return this.serial(async () => {
      const x = this.requireArticle(a);
      const y = this.requireArticle(b);
      if (x === y || x.versions.length !== 1 || y.versions.length !== 1) {
        throw new FolioError('invalid-request', 'Both articles must be different and have one language version each (unpair them first)');
      }
      await this.edits.pair(x.versions[0]!.fileId, y.versions[0]!.fileId);
      return await this.rebuild();
    });
  }

  /** Split a translation pair into two articles, and keep them apart across rescans. */
  unpairArticle(id: string): Promise<LibraryChange> {
    return this.serial(async () => {
      const article = this.requireArticle(id);
      await this.edits.unpair(article.versions.map((v) => v.fileId));
      return await this.rebuild();
    });
  }

  /**
   * The paragraphs of `rel` read from the file again, when its cached record turned out damaged
   * (synchronous: it backs a getter). The cache is saved again at the next save.
   */
  private reparse(rel: string): ArticleVersion['paragraphs'] {
    this.cacheDirty = true;
    if (!parsers) {
      // The record cannot be trusted and no parser is loaded yet to read the file synchronously:
      // forget the cache (the next open reads every file again) and load the parsers for a retry.
      if (this.writable) try { unlinkSync(join(this.dataDir, 'library-cache.json')); } catch { /* already gone, or refused */ }
      void loadParsers().catch(() => undefined);
      throw new FolioError('io-error', `${rel}: the cached text is damaged; the library cache is rebuilt when the library is opened again (try again)`);
    }
    const { readFileBytesSync, parseFileBytes } = parsers;
    const opts = this.readOptions();
    const read = readFileBytesSync(join(this.root, rel), rel, opts);
    const parsed = 'reason' in read ? read : parseFileBytes(read, rel, opts);
    if ('reason' in parsed) throw new FolioError('io-error', `${rel}: the cached text is damaged and the file cannot be read again now (${parsed.message}); run \`folio index\` to rebuild the cache`);
    return parsed.version.paragraphs;
  }

  private requireArticle(id: string): Article {
    const article = this.get(id);
    if (!article) throw new FolioError('not-found', `No article ${id}`);
    return article;
  }

  private versionFor(id: string, lang?: Lang): ArticleVersion {
    const article = this.requireArticle(id);
    const v = lang ? article.versions.find((x) => x.lang === lang) : article.versions.find((x) => x.fileId === id) ?? article.versions[0];
    if (!v) throw new FolioError('not-found', `No ${lang ?? ''} version of article ${id}`);
    return v;
  }

  /** How the last scan or change parsed its files (diagnostics and tests). */
  parseMode(): ParseMode {
    return this.lastParseMode;
  }

  /** Absolute path of a library-relative path; throws `{code:'outside-library'}` otherwise. */
  resolveInside(relPath: string): string {
    return resolveInside(this.root, relPath);
  }

  /** Full rescan (files whose size and mtime match the cache are not re-read). */
  rescan(): Promise<LibraryChange> {
    return this.serial(() => this.scanAll());
  }

  /** Start watching the folder; `onChange` gets a debounced change set (~250 ms after a burst). */
  async watch(onChange: (c: LibraryChange) => void): Promise<void> {
    if (this.watcher) return;
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | null = null;
    const rootAbs = this.root;
    const { watch: chokidarWatch } = await import('chokidar');
    if (this.watcher || this.closed) return;
    const watcher = chokidarWatch(rootAbs, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (p: string) => relative(rootAbs, p).split(sep).some((s) => s !== '' && isIgnoredName(s)),
    });
    this.watcher = watcher;
    const schedule = (abs: string): void => {
      const rel = relative(rootAbs, abs).split(sep).join('/');
      if (!rel || rel.startsWith('..')) return;
      pending.add(rel);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const batch = [...pending];
        pending.clear();
        // A file that starts or stops being skipped changes no article, but the skipped list shown.
        const skippedBefore = [...this.skippedFiles.keys()].join('\n');
        void this.serial(() => this.applyPaths(batch)).then((c) => {
          const skippedChanged = [...this.skippedFiles.keys()].join('\n') !== skippedBefore;
          if (!this.closed && (c.added.length || c.changed.length || c.removed.length || skippedChanged)) onChange(c);
        }, () => undefined);
      }, DEBOUNCE_MS);
    };
    for (const ev of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(ev, schedule);
    await new Promise<void>((res) => watcher.once('ready', () => res()));
  }

  /** Stop watching and flush state to disk. */
  async close(): Promise<void> {
    this.closed = true;
    await this.watcher?.close();
    this.watcher = null;
    await this.queue.catch(() => undefined);
    await this.pool?.close();
    this.pool = null;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private report(done: number, total: number, phase: ScanProgress['phase'] = 'scanning'): void {
    this.progress = { phase, done, total };
    this.opts.onProgress?.({ ...this.progress });
  }

  /**
   * The cached parse of `f` when it still matches the file's size and mtime; a skip when the
   * path now leads outside the library (the cache never vouches for a link out). Synchronous:
   * a stat is a few microseconds, while each promise-based call paid ~40 µs of thread-pool
   * hand-off, which was most of a warm start at 10,000 files; the caller yields between batches.
   */
  private cachedSync(f: FoundFile): ParsedFile | SkippedFile | null {
    const cached = this.files.get(f.rel);
    if (!cached) return null;
    try {
      // The walk resolved the real path already; a watcher's path is resolved here.
      const real = f.real ?? realPathInsideSync(this.rootReal, f.abs);
      if (real === null) return { path: f.rel, reason: 'outside-library', message: OUTSIDE_MESSAGE };
      const st = statSync(real);
      if (st.size === cached.version.size && st.mtimeMs === cached.version.mtimeMs) return cached;
    } catch {
      /* a miss: readParsedFile reports vanished/unreadable */
    }
    return null;
  }

  private readOptions(): ReadOptions {
    const { maxFileBytes, maxLines, maxParagraphs, html } = this.opts;
    return { maxFileBytes, maxLines, maxParagraphs, html, root: this.rootReal };
  }

  private async parsePool(): Promise<ParsePool> {
    const { ParsePool } = await import('./parse-pool');
    this.pool ??= new ParsePool({
      size: this.opts.workers ?? defaultWorkers(),
      timeoutMs: this.opts.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
      // An explicit flat budget (tests) stays flat unless a per-MiB one is given too.
      msPerMib: this.opts.parseMsPerMib ?? (this.opts.parseTimeoutMs === undefined ? DEFAULT_PARSE_MS_PER_MIB : 0),
      heapMb: this.opts.workerHeapMb,
    });
    return this.pool;
  }

  /**
   * Load `found` in order: cache hits as they are, the rest read and parsed in the worker pool
   * (here only with `workers: 0`, with a few reads in flight and regular yields).
   * `onDone(n)` reports files finished so far.
   */
  private async loadAll(found: readonly FoundFile[], onDone: (n: number) => Promise<void> | void): Promise<(ParsedFile | SkippedFile)[]> {
    const out = new Array<ParsedFile | SkippedFile | null>(found.length).fill(null);
    let done = 0;
    for (let i = 0; i < found.length; i++) {
      const hit = this.cachedSync(found[i] as FoundFile);
      out[i] = hit;
      if (hit === null) continue;
      await onDone(++done);
    }
    const misses = out.flatMap((r, i) => (r === null ? [i] : []));
    const opts = this.readOptions();
    const workers = this.opts.workers ?? defaultWorkers();
    // After close (a late watcher batch) no new pool is started.
    if (misses.length === 0) return out as (ParsedFile | SkippedFile)[];
    if (workers > 0 && !this.closed) {
      const pool = await this.parsePool();
      await Promise.all(misses.map(async (i) => {
        const f = found[i] as FoundFile;
        out[i] = await pool.parse(f.abs, f.rel, opts);
        await onDone(++done);
      }));
      this.lastParseMode = pool.inThread ? 'in-thread-fallback' : 'workers';
    } else {
      this.lastParseMode = 'in-thread';
      // A few reads in flight at once, so the disk is busy while the CPU parses (parsing is synchronous).
      for (let m = 0; m < misses.length; m += READ_AHEAD) {
        const batch = misses.slice(m, m + READ_AHEAD);
        await Promise.all(batch.map(async (i) => {
          const f = found[i] as FoundFile;
          out[i] = await (await loadParsers()).readParsedFile(f.abs, f.rel, opts);
        }));
        done += batch.length;
        await onDone(done);
      }
    }
    // A file skipped again (empty, binary, too large…) changes nothing the cache holds.
    if (misses.some((m) => { const r = out[m]; return r !== null && r !== undefined && !('reason' in r); })) this.cacheDirty = true;
    return out as (ParsedFile | SkippedFile)[];
  }

  /** A progress callback that yields (and reports, for a scan) every few files or milliseconds. */
  private pacer(total: number, report: boolean): (done: number) => Promise<void> {
    let lastYield = performance.now();
    let lastReport = 0;
    return async (done) => {
      // Every multiple of YIELD_EVERY is reported, however the files finish (workers answer unevenly).
      if (Math.floor(done / YIELD_EVERY) > Math.floor(lastReport / YIELD_EVERY) || performance.now() - lastYield > YIELD_AFTER_MS) {
        if (report) this.report(done, total);
        lastReport = done;
        await yieldToLoop();
        lastYield = performance.now();
      }
    };
  }

  private async scanAll(): Promise<LibraryChange> {
    this.trusted = false;
    const { files, skipped } = await walkLibrary(this.root);
    const maxFiles = this.opts.maxFiles ?? 100_000;
    const next = new Map<string, ParsedFile>();
    this.skippedFiles = new Map(skipped.map((s) => [s.path, s]));
    const total = Math.min(files.length, maxFiles);
    this.report(0, total);
    for (const f of files.slice(maxFiles)) {
      this.skippedFiles.set(f.rel, { path: f.rel, reason: 'limit-reached', message: `More than ${maxFiles} article files in the library` });
    }
    const found = files.slice(0, total);
    const results = await this.loadAll(found, this.pacer(total, true));
    results.forEach((r, k) => {
      const rel = (found[k] as FoundFile).rel;
      if ('reason' in r) this.skippedFiles.set(rel, r);
      else next.set(rel, r);
    });
    if (next.size !== this.files.size || [...next.keys()].some((k) => !this.files.has(k))) this.cacheDirty = true;
    // Every file as the list was built from it (the check behind a warm start, most days): the
    // same files give the same ids, pairs and list, so nothing is built again.
    const unchanged = this.builtFrom === this.files && next.size === this.files.size && [...next].every(([k, f]) => this.files.get(k) === f);
    if (unchanged) {
      this.report(total, total, 'ready');
      await this.persist();
      return { added: [], changed: [], removed: [] };
    }
    this.files = next;
    await this.assignIds([...next.keys()]);
    const change = await this.rebuild();
    this.report(total, total, 'ready');
    await this.persist();
    return change;
  }

  private async applyPaths(paths: string[]): Promise<LibraryChange> {
    const touched = new Set<string>();
    for (const rel of paths) {
      let isDir = false;
      try {
        isDir = (await stat(join(this.root, rel))).isDirectory();
      } catch {
        // Gone: a file, or a folder and everything under it.
        for (const k of [...this.files.keys()]) if (k === rel || k.startsWith(`${rel}/`)) this.dropFile(k);
        for (const k of [...this.skippedFiles.keys()]) if (k === rel || k.startsWith(`${rel}/`)) this.skippedFiles.delete(k);
        continue;
      }
      if (isDir) {
        const { files, skipped } = await walkLibrary(this.root, rel);
        for (const s of skipped) this.skippedFiles.set(s.path, s);
        for (const f of files) touched.add(f.rel);
        // Files known under this folder that the walk no longer reaches (the folder became a link
        // out, or a link inside was removed) are gone.
        const reached = new Set(files.map((f) => f.rel));
        for (const k of [...this.files.keys()]) if (k.startsWith(`${rel}/`) && !reached.has(k)) this.dropFile(k);
      } else if (formatOf(rel)) {
        touched.add(rel);
      }
    }
    const maxFiles = this.opts.maxFiles ?? 100_000;
    // Room for new files, counting each touched new file as admitted (it is parsed below).
    let room = maxFiles - this.files.size;
    const found: FoundFile[] = [];
    for (const rel of touched) {
      this.skippedFiles.delete(rel);
      if (!this.files.has(rel)) {
        if (room <= 0) {
          this.skippedFiles.set(rel, { path: rel, reason: 'limit-reached', message: `More than ${maxFiles} article files in the library` });
          continue;
        }
        room--;
      }
      found.push({ abs: join(this.root, rel), rel });
    }
    // A burst of many files (a sync, an unzip) shows its reading on the progress bar.
    const burst = found.length >= BURST_PROGRESS;
    const results = await this.loadAll(found, this.pacer(found.length, burst));
    if (burst) this.report(found.length, found.length, 'ready');
    results.forEach((r, k) => {
      const rel = (found[k] as FoundFile).rel;
      if ('reason' in r) { this.skippedFiles.set(rel, r); this.dropFile(rel); }
      else this.files.set(rel, r);
    });
    await this.assignIds([...touched].filter((p) => this.files.has(p)));
    const change = await this.rebuild();
    await this.persist();
    return change;
  }

  private dropFile(rel: string): void {
    if (this.files.delete(rel)) this.cacheDirty = true;
  }

  private async assignIds(paths: string[]): Promise<void> {
    const present = (p: string): boolean => this.files.has(p);
    // One timestamp per scan: files found together are "first seen" together, so the pair's
    // entry id falls to the tie-break (Vietnamese first) and does not depend on read order.
    const now = Date.now();
    await inSlices(paths.sort(), (rel) => {
      const f = this.files.get(rel);
      if (!f) return;
      const e = this.registry.assign(rel, f.version.contentHash, present, now);
      if (f.version.fileId !== e.fileId) {
        f.version = withFields(f.version, { fileId: e.fileId });
        this.cacheDirty = true;
      }
    }, { sliceMs: this.sliceMs() });
    this.registry.sweep(present);
  }

  /**
   * Furniture per folder: reused from the last computation while a folder's .txt files (paths and
   * content hashes) are the same, so a warm start reads no paragraphs; computed otherwise.
   */
  private async computeFurniture(base: readonly ArticleVersion[]): Promise<StoredFurniture> {
    const byFolder = new Map<string, ArticleVersion[]>();
    for (const v of base) {
      if (v.format !== 'txt') continue;
      const f = folderOf(v.path);
      const list = byFolder.get(f);
      if (list) list.push(v);
      else byFolder.set(f, [v]);
    }
    const prev = this.furniture;
    const next: StoredFurniture = { folders: new Map(), cuts: new Map() };
    for (const [folder, list] of byFolder) {
      const h = createHash('sha1');
      for (const v of list) h.update(`${v.path}\u0000${v.contentHash}\u0001`);
      const sig = h.digest('base64url');
      const old = prev.folders.get(folder);
      if (old && old.sig === sig) {
        next.folders.set(folder, old);
        for (const v of list) next.cuts.set(v.path, prev.cuts.get(v.path) ?? null);
        continue;
      }
      // Every file of the folder is read (from the cache) and counted, then cut: in slices with
      // yields between, so a change in a folder of thousands of files does not hold the thread.
      const counts = new Map<string, number>();
      await inTurns(list, (v) => countLines(v, counts));
      const keys = furnitureKeys(counts, list.length);
      next.folders.set(folder, { sig, keys });
      const sets = new Map([[folder, keys]]);
      if (keys.size) await inTurns(list, (v) => { next.cuts.set(v.path, furnitureCut(v, sets)); });
      else for (const v of list) next.cuts.set(v.path, null);
    }
    return next;
  }

  private sliceMs(): number {
    return this.opts.rebuildSliceMs ?? REBUILD_SLICE_MS;
  }

  /** Recompute furniture, pairs and the index; returns what changed since the last build. */
  private async rebuild(): Promise<LibraryChange> {
    const base = [...this.files.values()].map((f) => f.version);
    const furniture = await this.computeFurniture(base);
    if (furniture.folders.size !== this.furniture.folders.size || [...furniture.folders].some(([k, f]) => this.furniture.folders.get(k) !== f)) this.cacheDirty = true;
    this.furniture = furniture;
    const finals = new Map<string, ArticleVersion>();
    const files = [...this.files.values()];
    // Hand edits go over the parsed metadata (and the language, before pairing).
    await inSlices(files, (f) => {
      const cut = furniture.cuts.get(f.version.path) ?? null;
      finals.set(f.version.path, applyEdit(cutVersion(f.version, cut), this.edits.get(f.version.fileId)));
    }, { sliceMs: this.sliceMs() });
    const pathOf = new Map([...finals.values()].map((v) => [v.fileId, v.path]));
    const hand = this.edits.pairing();
    const overrides = {
      pairs: hand.pairs.flatMap(([a, b]) => { const pa = pathOf.get(a); const pb = pathOf.get(b); return pa && pb ? [[pa, pb] as const] : []; }),
      alone: new Set([...hand.unpaired].flatMap((id) => pathOf.get(id) ?? [])),
    };
    const groups = pairVersions(files.map((f) => ({ path: f.version.path, lang: finals.get(f.version.path)?.lang ?? f.version.lang, translation: f.translation, pairId: f.pairId ?? null })), overrides);
    await yieldToLoop();
    const list: Article[] = [];
    await inSlices(groups, (paths) => {
      const versions = paths.map((p) => finals.get(p)).filter((v): v is ArticleVersion => v !== undefined);
      if (versions.length === 0) return;
      // The id of the version first seen; ties go to the first in order (vi before en).
      let first = versions[0] as ArticleVersion;
      for (const v of versions) {
        if ((this.registry.get(v.path)?.firstSeen ?? Infinity) < (this.registry.get(first.path)?.firstSeen ?? Infinity)) first = v;
      }
      list.push({ id: first.fileId, versions });
    }, { sliceMs: this.sliceMs() });
    const index = new Map<string, Article>();
    await inSlices(list, (a) => {
      index.set(a.id, a);
      for (const v of a.versions) { index.set(v.fileId, a); index.set(v.path, a); }
    }, { sliceMs: this.sliceMs() });
    const change: LibraryChange = { added: [], changed: [], removed: [] };
    // The first build adds everything: signatures are made only when a later build compares (a
    // one-shot command never does), from the previous list, whose versions are never changed in place.
    const previous = this.list.length === 0 ? null : this.signatures ?? (await signatures(this.list, this.sliceMs()));
    if (previous === null) {
      change.added = [...new Set(list.map((a) => a.id))];
      this.signatures = null;
    } else {
      const sigs = await signatures(list, this.sliceMs());
      for (const [id, s] of sigs) {
        const before = previous.get(id);
        if (before === undefined) change.added.push(id);
        else if (before !== s) change.changed.push(id);
      }
      for (const id of previous.keys()) if (!sigs.has(id)) change.removed.push(id);
      this.signatures = sigs;
    }
    this.list = list;
    this.index = index;
    this.builtFrom = this.files;
    return change;
  }

  /** Save the registry and cache; a refused write leaves them in memory (reported once). */
  private async persist(): Promise<void> {
    if (!this.writable) return;
    try {
      await this.registry.save();
      if (!this.cacheDirty) return;
      this.paragraphsFile = await saveCache(this.dataDir, this.root, this.files, this.furniture, this.paragraphsFile ?? undefined);
      this.cacheDirty = false;
    } catch (err) {
      if (!isWriteRefused(err)) throw err;
      this.writable = false;
      this.opts.onWriteRefused?.(err as Error);
    }
  }
}
