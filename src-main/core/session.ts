/**
 * A Folio session: one open library with its search index, annotation store and settings,
 * and the events the renderer listens to. Plain Node; both the Electron shell and the web bridge
 * (and the CLI) drive the same session.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Library, type LibraryChange } from './library/library';
import { isWriteRefused } from './library/persisted-json';
import type { SearchIndex } from './search/index';
import { annotationsByArticleId, annotationsIn, extrasOf, saveMovedPositions, storedAnnotations } from './article-annotations';
import { notePlainTextFor } from './note-plain-text';
import { AnnotationStore, type OpenReport } from './annotations/index';
import { SettingsStore } from './settings/settings-store';
import { TypedEmitter } from './events/typed-emitter';
import { inSlices } from './events/in-slices';
import type { FolioEventMap } from '../shared/api';
import type { ScanProgress } from '../shared/types';

/** Change sets at least this large show their indexing on the progress bar. */
const BURST_PROGRESS = 50;

export interface SessionOptions {
  /** The library folder. */
  libraryRoot: string;
  /** Where Folio keeps its state for this library; default `<libraryRoot>/.folio`. */
  dataDir?: string;
  /** Settings file; default `<dataDir>/settings.json`. */
  settingsFile?: string;
  /** Watch the folder for changes (app and `folio serve`); the CLI's one-shot commands do not. */
  watch?: boolean;
  /** Maximum size of one article file in bytes (default 20 MB). */
  maxFileBytes?: number;
  /** Open from the library cache's summary without checking every file (see `Library.verify`). */
  trustCache?: boolean;
  /**
   * Warm start (app and `folio serve`): open from the cache's summary, answer requests from it at
   * once, and check every file behind; what changed arrives as a normal `libraryChanged` event.
   */
  reconcileBehind?: boolean;
  /** Build the search index (the CLI's `list`/`show` do not need it). Default true. */
  search?: boolean;
}

/** The default data dir of a library. */
export function defaultDataDir(libraryRoot: string): string {
  return path.join(libraryRoot, '.folio');
}

/** One open library and everything Folio keeps about it. */
export class FolioSession {
  readonly events = new TypedEmitter<FolioEventMap>();
  private progress: ScanProgress = { phase: 'scanning', done: 0, total: 0 };
  private saveTimer: NodeJS.Timeout | null = null;
  private unsubscribeAnnotations: (() => void) | null = null;
  /** Resolves when the search index is loaded/reconciled; search requests wait for it. */
  readonly searchReady: Promise<void>;
  /**
   * Why the library's state cannot be saved (the data folder is read-only, not permitted, or
   * full), or null. Reading, search and export to elsewhere still work; nothing is cached.
   */
  readOnlyReason: string | null = null;

  /** The read-only notice for the user, in both languages (null when the state can be saved). */
  readOnlyNotice(): { en: string; vi: string } | null {
    if (this.readOnlyReason === null) return null;
    return {
      en: `This library's folder cannot be written: reading, search and export work, but Folio saves nothing in ${this.dataDir}.`,
      vi: `Không ghi được vào thư mục của thư viện này: vẫn đọc, tìm kiếm và xuất được, nhưng Folio không lưu gì vào ${this.dataDir}.`,
    };
  }

  private constructor(
    readonly libraryRoot: string,
    readonly dataDir: string,
    readonly library: Library,
    readonly annotations: AnnotationStore,
    readonly annotationReport: OpenReport,
    readonly settings: SettingsStore,
    private readonly searchIndex: Promise<SearchIndex | null>,
  ) {
    this.searchReady = searchIndex.then((index) => {
      this.loadedIndex = index;
    });
  }

  /** The search index if it is ready now, else null (for requests that must not wait for it). */
  searchIfReady(): SearchIndex | null {
    return this.loadedIndex;
  }

  private loadedIndex: SearchIndex | null = null;

  /** Settles when the check of every file behind a warm start is applied (at once otherwise). */
  reconciled: Promise<void> = Promise.resolve();

  /**
   * Opens a library: scans it (progress is emitted), opens the annotation store (recovering from
   * backups if needed), and starts loading the search index in the background.
   */
  static async open(opts: SessionOptions, onProgress?: (p: ScanProgress) => void): Promise<FolioSession> {
    const libraryRoot = path.resolve(opts.libraryRoot);
    const dataDir = path.resolve(opts.dataDir ?? defaultDataDir(libraryRoot));
    // A read-only library (or data folder) opens read-only: nothing is cached, said once.
    let readOnlyReason: string | null = null;
    const refuse = (err: unknown): void => {
      if (readOnlyReason !== null) return;
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      readOnlyReason = `${dataDir} cannot be written (${code}): Folio keeps this library's state in memory only`;
      console.error(`folio: ${readOnlyReason}`);
    };
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (err) {
      if (!isWriteRefused(err)) throw err;
      refuse(err);
    }
    const [library, { store, report }, settings] = await Promise.all([
      Library.open({ root: libraryRoot, dataDir, maxFileBytes: opts.maxFileBytes, onProgress, readOnly: readOnlyReason !== null, onWriteRefused: refuse, trustCache: opts.trustCache || opts.reconcileBehind }),
      // A long-running session notices writes by another process (the CLI, `folio serve`) within ~1.5 s.
      AnnotationStore.open(dataDir, { watchMs: opts.watch ? 1500 : undefined }),
      SettingsStore.open(opts.settingsFile ?? path.join(dataDir, 'settings.json')),
    ]);
    let resolveIndex!: (i: SearchIndex | null) => void;
    const indexPromise = new Promise<SearchIndex | null>((r) => (resolveIndex = r));
    const session = new FolioSession(libraryRoot, dataDir, library, store, report, settings, indexPromise);
    session.readOnlyReason = readOnlyReason;
    session.refuse = (err) => {
      refuse(err);
      session.readOnlyReason = readOnlyReason;
    };
    session.progress = { phase: 'indexing', done: 0, total: library.articles().length };
    if (opts.search === false) {
      resolveIndex(null);
      session.progress = { phase: 'ready', done: 0, total: 0 };
    } else {
      session.loadIndex().then(resolveIndex, (err: unknown) => {
        console.error('folio: search index failed to load:', err);
        resolveIndex(null);
      });
    }
    session.unsubscribeAnnotations = store.onChange((articleIds) => session.onAnnotationsChanged(articleIds));
    if (opts.watch) await library.watch((change) => void session.onLibraryChanged(change));
    if (opts.reconcileBehind && library.isTrusted()) {
      session.reconciled = library.rescan().then(
        (change) => session.onLibraryChanged(change),
        (err: unknown) => console.error('folio: could not check the library folder:', err),
      );
    }
    return session;
  }

  /** Loads the saved index and reconciles it with the library, emitting progress. */
  private async loadIndex(): Promise<SearchIndex> {
    const fingerprint = createHash('sha256').update(this.libraryRoot).digest('hex').slice(0, 16);
    // Loaded here, not at start-up: commands without search never load the engine.
    const { SearchIndex } = await import('./search/index');
    const index = await SearchIndex.open({ dataDir: this.dataDir, fingerprint });
    const articles = this.library.articles();
    const byId = annotationsByArticleId(this.annotations);
    const plain = await notePlainTextFor(() => this.annotations.list().map((a) => a.note));
    await index.reconcile(
      articles,
      (id) => {
        const article = this.library.get(id);
        return article ? extrasOf(annotationsIn(byId, article), plain) : undefined;
      },
      (done, total) => this.setProgress({ phase: 'indexing', done, total }),
    );
    this.setProgress({ phase: 'ready', done: articles.length, total: articles.length });
    this.scheduleSave(index);
    return index;
  }

  private setProgress(p: ScanProgress): void {
    this.progress = p;
    this.events.emit('scanProgress', p);
  }

  /** Current scan/index progress. */
  scanProgress(): ScanProgress {
    return this.progress;
  }

  /** The search index once ready (null when search is disabled or failed to load). */
  async search(): Promise<SearchIndex | null> {
    return this.searchIndex;
  }

  /** Records a refused write (set by `open`). */
  private refuse: (err: unknown) => void = () => undefined;

  private saveIndex(index: SearchIndex): Promise<void> {
    if (this.readOnlyReason !== null) return Promise.resolve();
    return index.save().catch((err: unknown) => {
      if (isWriteRefused(err)) this.refuse(err);
      else console.error('folio: could not save the search index:', err);
    });
  }

  private scheduleSave(index: SearchIndex): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.saveIndex(index);
    }, 2000);
    this.saveTimer.unref();
  }

  /**
   * Apply a hand edit of the library's metadata (edit, reset, pair, unpair) and bring the search
   * index and listeners up to date, as a change on disk would.
   */
  async applyMetadataEdit(edit: (library: Library) => Promise<LibraryChange>): Promise<LibraryChange> {
    const change = await edit(this.library);
    await this.onLibraryChanged(change);
    return change;
  }

  /**
   * After a trusted open: checks the files of these articles and applies what changed to the
   * search index (as the watcher does). True when something changed.
   */
  async verifyArticles(keys: readonly string[]): Promise<boolean> {
    const change = await this.library.verify(keys);
    if (!change.added.length && !change.changed.length && !change.removed.length) return false;
    await this.onLibraryChanged(change);
    return true;
  }

  /** Rescans the library and applies what changed to the search index (as the watcher does). */
  async rescan(): Promise<LibraryChange> {
    const change = await this.library.rescan();
    await this.onLibraryChanged(change);
    return change;
  }

  /** Change sets applied one after another: a slice of one must not interleave with the next. */
  private changeQueue: Promise<void> = Promise.resolve();

  private onLibraryChanged(change: LibraryChange): Promise<void> {
    const run = this.changeQueue.then(() => this.applyLibraryChange(change));
    this.changeQueue = run.catch(() => undefined);
    return run;
  }

  private async applyLibraryChange(change: LibraryChange): Promise<void> {
    // A file's content changed: save its highlights' new positions once, here, not on every read.
    for (const id of change.changed) {
      const article = this.library.get(id);
      if (article) await saveMovedPositions(this.annotations, article).catch((err: unknown) => console.error('folio: could not save moved highlight positions:', err));
    }
    const index = await this.searchIndex;
    if (index) {
      // A burst of thousands of files is indexed in slices, between which requests are answered
      // and the progress bar moves; a handful of files shows no bar.
      const upserts = [...change.added, ...change.changed];
      const total = change.removed.length + upserts.length;
      const onProgress = total >= BURST_PROGRESS ? (done: number) => this.setProgress({ phase: 'indexing', done, total }) : undefined;
      await inSlices(change.removed, (id) => index.remove(id));
      const plain = await notePlainTextFor(() => this.annotations.list().map((a) => a.note));
      await inSlices(
        upserts,
        (id) => {
          const article = this.library.get(id);
          if (article) index.upsert(article, extrasOf(storedAnnotations(this.annotations, article), plain));
        },
        { onProgress: onProgress && ((done) => onProgress(change.removed.length + done)) },
      );
      if (onProgress) {
        const count = this.library.articles().length;
        this.setProgress({ phase: 'ready', done: count, total: count });
      }
      this.scheduleSave(index);
    }
    this.events.emit('libraryChanged', change);
  }

  private async onAnnotationsChanged(articleIds: string[]): Promise<void> {
    const index = await this.searchIndex;
    const entryIds = new Set<string>();
    const changed = articleIds.flatMap((id) => {
      const article = this.library.get(id);
      return article ? [{ article, annotations: storedAnnotations(this.annotations, article) }] : [];
    });
    const plain = await notePlainTextFor(() => changed.flatMap((c) => c.annotations.map((a) => a.note)));
    for (const { article, annotations } of changed) {
      entryIds.add(article.id);
      index?.upsert(article, extrasOf(annotations, plain));
    }
    if (index) this.scheduleSave(index);
    this.events.emit('annotationsChanged', { articleIds: [...entryIds] });
  }

  /** Stops watching and saves the index. */
  async close(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.unsubscribeAnnotations?.();
    await this.library.close();
    await this.reconciled;
    const index = await this.searchIndex;
    if (index) await this.saveIndex(index);
    await this.annotations.close();
  }
}
