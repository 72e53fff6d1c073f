/**
 * The annotation store: one lowdb JSON file per data dir (`annotations.json`), safe with two
 * processes (the app and `folio serve`) on the same data dir.
 *
 * How concurrent writers are kept apart (the design, for the README):
 * - Within a process, every write runs through one promise queue, so two requests never
 *   interleave their read-modify-write.
 * - Across processes, a lock file `annotations.lock` (O_EXCL; pid + hostname + time; stale when
 *   its process is gone or after 30 s) is held only around read-merge-write — never while idle.
 * - Under the lock, the store re-reads annotations.json if its signature (inode, size, mtime)
 *   changed since our last read or write, and re-applies just the one operation (create, patch,
 *   delete, …) to that fresh copy. So another process's records, edits and deletes are never
 *   overwritten by a stale in-memory copy, and a patch touches only the fields it names.
 * - Deletes leave tombstones (`deleted: [{id, at}]`, pruned after 30 days) so an import or sync
 *   of an older copy cannot resurrect them; imports upsert by id, newest `updated` wins.
 * - Writes are atomic and durable (unique temp file, fsync, rename, fsync dir: durable-json-file.ts)
 *   and a daily snapshot is taken before the first write of each day (backups.ts).
 * Readers never lock: a rename is atomic, so a reader sees the old or the new file, never a mix.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { AnnotationError } from '../../shared/anchoring/errors';
import type { Annotation } from '../../shared/types';
import { localDate, removeTempFilesIn, takeDailyBackup } from './backups';
import { CorruptFileError, DurableJsonFile, fileSignature, sameSignature, type FileSignature } from './durable-json-file';
import { decodeFile, UnrecognisedFormatError } from './file-format';
import { loadAtOpen, type OpenReport } from './load-at-open';
import { acquireLock } from './lock';
import { compareAnnotations, matchesQuery, type AnnotationQuery } from './query';
import { moveAside } from './recovery';
import {
  changedArticleIds,
  draftOf,
  findRecord,
  mergeImported,
  pruneTombstones,
  putRecord,
  removeRecord,
  restoreRecord,
  type ImportResult,
} from './record-ops';
import type { AnnotationFile } from './schema';
import {
  checkRecord,
  newHighlightRecord,
  newNoteRecord,
  patchedRecord,
  type AnnotationPatch,
  type NewHighlight,
  type NewNote,
} from './new-records';
import { describeAction, UndoStack, type UndoEntry } from './undo';

/** Options for `AnnotationStore.open`. */
export interface StoreOptions {
  /** Daily snapshots to keep (default 10). */
  backups?: number;
  /** Clock, for tests. */
  now?: () => Date;
  /** Give up waiting for another process's lock after this long (ms, default 10 s). */
  lockTimeoutMs?: number;
  /** Poll the file every this many ms and `reload()` when another process changed it (off by default). */
  watchMs?: number;
}

type Listener = (articleIds: string[]) => void;

/** Highlights and notes of one data dir; see the module comment for the concurrency design. */
export class AnnotationStore {
  private data: AnnotationFile;
  private signature: FileSignature | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly undoStack = new UndoStack();
  private readonly listeners = new Set<Listener>();
  private readonly db: Low<unknown>;
  private readonly adapter: DurableJsonFile;
  private backupDay: string | null = null;
  private watchTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    readonly dataDir: string,
    private readonly opts: Required<Pick<StoreOptions, 'backups' | 'now' | 'lockTimeoutMs'>>,
    data: AnnotationFile,
  ) {
    this.adapter = new DurableJsonFile(path.join(dataDir, 'annotations.json'));
    this.db = new Low<unknown>(this.adapter, null);
    this.data = data;
  }

  /** The annotations.json path. */
  get file(): string {
    return this.adapter.file;
  }

  private get lockFile(): string {
    return path.join(this.dataDir, 'annotations.lock');
  }

  private get backupsDir(): string {
    return path.join(this.dataDir, 'backups');
  }

  /**
   * Opens (creating if needed) the store of `dataDir`: removes temp files of interrupted writes,
   * migrates old formats, quarantines invalid records, and recovers a damaged file from the newest
   * good backup. The report says in plain words (English and Vietnamese) what happened.
   */
  static async open(dataDir: string, opts: StoreOptions = {}): Promise<{ store: AnnotationStore; report: OpenReport }> {
    await fs.mkdir(dataDir, { recursive: true });
    const store = new AnnotationStore(
      dataDir,
      { backups: opts.backups ?? 10, now: opts.now ?? (() => new Date()), lockTimeoutMs: opts.lockTimeoutMs ?? 10_000 },
      { schemaVersion: 1, annotations: [], deleted: [], quarantine: [] },
    );
    const lock = await acquireLock(store.lockFile, { timeoutMs: store.opts.lockTimeoutMs });
    let report: OpenReport;
    try {
      const removed = [
        ...(await store.adapter.removeLeftoverTempFiles()),
        ...(await removeTempFilesIn(store.backupsDir)),
      ];
      const loaded = await loadAtOpen(store.adapter, dataDir, store.backupsDir, store.opts.now());
      store.data = loaded.data;
      if (loaded.mustWrite) await store.persist(store.data);
      else store.signature = await fileSignature(store.file);
      report = removed.length ? { ...loaded.report, removedTempFiles: removed.length } : loaded.report;
    } finally {
      await lock.release();
    }
    if (opts.watchMs) store.startWatching(opts.watchMs);
    return { store, report };
  }

  /** Annotations matching `q`, in reading order (article, then position). */
  list(q: AnnotationQuery = {}): Annotation[] {
    return this.data.annotations.filter((a) => matchesQuery(a, q)).sort(compareAnnotations);
  }

  /** The annotation with `id`, if any. */
  get(id: string): Annotation | undefined {
    return findRecord(this.data, id);
  }

  /** Records kept aside because they failed validation (with the reason). */
  quarantined(): AnnotationFile['quarantine'] {
    return this.data.quarantine;
  }

  /** Creates a highlight; throws 'invalid-range' for a range outside `text` or only whitespace. */
  async createHighlight(h: NewHighlight): Promise<Annotation> {
    const rec = newHighlightRecord(h, this.opts.now());
    await this.commit((f) => {
      putRecord(f, rec);
      return [rec.articleId];
    });
    this.undoStack.push({ description: describeAction('create', rec), before: null, after: rec });
    return rec;
  }

  /** Creates an article-level note (kind 'note', no target). */
  async createNote(n: NewNote): Promise<Annotation> {
    const rec = newNoteRecord(n, this.opts.now());
    await this.commit((f) => {
      putRecord(f, rec);
      return [rec.articleId];
    });
    this.undoStack.push({ description: describeAction('create', rec), before: null, after: rec });
    return rec;
  }

  /** Changes note, colour and/or tags; throws 'not-found'. Applied to the freshest copy on disk. */
  async update(id: string, patch: AnnotationPatch): Promise<Annotation> {
    let entry: UndoEntry | undefined;
    const rec = await this.commit((f) => {
      const old = findRecord(f, id);
      if (!old) throw new AnnotationError('not-found', `No annotation with id ${id}.`);
      const next = patchedRecord(old, patch, this.opts.now());
      putRecord(f, next);
      entry = { description: describeAction('edit', next), before: old, after: next };
      return [next.articleId];
    }, (f) => findRecord(f, id));
    if (entry) this.undoStack.push(entry);
    if (!rec) throw new AnnotationError('not-found', `No annotation with id ${id}.`);
    return rec;
  }

  /** Deletes an annotation (leaving a tombstone); throws 'not-found'. */
  async delete(id: string): Promise<void> {
    let entry: UndoEntry | undefined;
    await this.commit((f) => {
      const removed = removeRecord(f, id, this.opts.now());
      if (!removed) throw new AnnotationError('not-found', `No annotation with id ${id}.`);
      entry = { description: describeAction('delete', removed), before: removed, after: null };
      return [removed.articleId];
    });
    if (entry) this.undoStack.push(entry);
  }

  /**
   * Reverts the last create/edit/delete of this session; null when there is nothing to undo.
   * With `onlyId`, refuses ('undo-superseded') unless that last action was on that record, so an
   * Undo button never reverts another record's edit.
   */
  async undo(onlyId?: string): Promise<{ undone: string } | null> {
    return this.enqueue(async () => {
      const entry = this.undoStack.peekUndo();
      if (!entry) return null;
      checkScope(entry, onlyId);
      await this.writeLocked((f) => restoreRecord(f, entry.after, entry.before, this.opts.now()));
      this.undoStack.markUndone();
      return { undone: entry.description };
    });
  }

  /** Re-applies the last undone action; null when there is nothing to redo. `onlyId` as for undo. */
  async redo(onlyId?: string): Promise<{ redone: string } | null> {
    return this.enqueue(async () => {
      const entry = this.undoStack.peekRedo();
      if (!entry) return null;
      checkScope(entry, onlyId);
      await this.writeLocked((f) => restoreRecord(f, entry.before, entry.after, this.opts.now()));
      this.undoStack.markRedone();
      return { redone: entry.description };
    });
  }

  /**
   * Persists positions found by re-anchoring (`reanchorAll(...).moved`). Only the target changes:
   * a note edited meanwhile by another process is kept. Not an undoable edit; `updated` unchanged.
   */
  async savePositions(moved: Annotation[]): Promise<void> {
    if (moved.length === 0) return;
    await this.commit(
      (f) => {
        for (const m of moved) {
          const cur = findRecord(f, m.id);
          if (cur && cur.kind === 'highlight' && m.target) putRecord(f, checkRecord({ ...cur, target: m.target }));
        }
        return [];
      },
    );
  }

  /** Upserts records by id (newest `updated` wins; see record-ops `mergeImported`). Not undoable. */
  async importAnnotations(list: readonly Annotation[]): Promise<ImportResult> {
    const valid = list.map(checkRecord);
    let result: ImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    await this.commit((f) => {
      const merged = mergeImported(f, valid);
      result = merged.result;
      return merged.articleIds;
    });
    return result;
  }

  /** Re-reads the file if another process changed it; true (and listeners told) if it had. */
  async reload(): Promise<boolean> {
    return this.enqueue(async () => {
      const before = this.data;
      const changed = await this.refreshFromDisk();
      if (changed) this.emit(changedArticleIds(before, this.data));
      return changed;
    });
  }

  /** Subscribes to changes (ours and, after `reload`, other processes'); returns unsubscribe. */
  onChange(cb: Listener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Waits for pending writes and stops watching. Further writes throw. */
  async close(): Promise<void> {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    await this.queue.catch(() => undefined);
    this.closed = true;
    this.listeners.clear();
  }

  private startWatching(ms: number): void {
    this.watchTimer = setInterval(() => {
      void this.reload().catch(() => undefined);
    }, ms);
    this.watchTimer.unref();
  }

  private emit(articleIds: string[]): void {
    if (articleIds.length === 0) return;
    for (const cb of this.listeners) {
      try {
        cb(articleIds);
      } catch {
        // A listener's failure must not break the write that triggered it.
      }
    }
  }

  /** Runs `task` after every earlier queued task (in-process serialisation). */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AnnotationError('io-error', 'The annotation store is closed.'));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Queued, locked read-merge-write of one operation; returns `pick` of the written file. */
  private async commit<T = void>(
    change: (draft: AnnotationFile) => string[],
    pick?: (written: AnnotationFile) => T,
  ): Promise<T> {
    return this.enqueue(async () => {
      const written = await this.writeLocked(change);
      return (pick ? pick(written) : undefined) as T;
    });
  }

  /** Must run inside the queue: lock, refresh from disk, apply `change`, write, unlock, notify. */
  private async writeLocked(change: (draft: AnnotationFile) => string[]): Promise<AnnotationFile> {
    const lock = await acquireLock(this.lockFile, { timeoutMs: this.opts.lockTimeoutMs });
    let articleIds: string[] = [];
    let others: string[] = [];
    try {
      const before = this.data;
      if (await this.refreshFromDisk()) others = changedArticleIds(before, this.data);
      const draft = draftOf(this.data);
      articleIds = change(draft);
      pruneTombstones(draft, this.opts.now());
      await this.backupBeforeFirstWriteOfDay();
      await this.persist(draft);
      this.data = draft;
    } finally {
      await lock.release();
    }
    this.emit([...new Set([...others, ...articleIds])]);
    return this.data;
  }

  private async backupBeforeFirstWriteOfDay(): Promise<void> {
    const today = localDate(this.opts.now());
    if (this.backupDay === today) return;
    await takeDailyBackup(this.file, this.backupsDir, this.opts.now(), this.opts.backups);
    this.backupDay = today;
  }

  /** Writes through lowdb's adapter and remembers the new file signature. */
  private async persist(data: AnnotationFile): Promise<void> {
    this.db.data = data;
    await this.db.write();
    this.signature = await fileSignature(this.file);
  }

  /**
   * Re-reads annotations.json if it changed since we last read or wrote it. A file damaged
   * meanwhile is moved aside and our in-memory copy (the newest good state we know) is kept.
   */
  private async refreshFromDisk(): Promise<boolean> {
    const sig = await fileSignature(this.file);
    if (sameSignature(sig, this.signature) || sig === null) return false;
    try {
      await this.db.read();
      const decoded = decodeFile(this.db.data, this.opts.now());
      this.data = decoded.file;
      this.signature = sig;
      return true;
    } catch (err) {
      if (!(err instanceof CorruptFileError || err instanceof UnrecognisedFormatError)) throw err;
      await moveAside(this.file, this.opts.now());
      this.signature = null;
      return false;
    }
  }
}

/** Throws 'undo-superseded' when `onlyId` is given and `entry` acted on another record. */
function checkScope(entry: UndoEntry, onlyId: string | undefined): void {
  const id = (entry.after ?? entry.before)?.id;
  if (onlyId !== undefined && id !== onlyId) {
    throw new AnnotationError('undo-superseded', `The last action was not on annotation ${onlyId}.`, { id: onlyId });
  }
}
