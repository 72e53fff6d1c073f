/**
 * The annotation store: one lowdb JSON file per data dir (`annotations.json`), safe with two
 * processes (the app and `folio serve`) on the same data dir.
 *
 * How concurrent writers are kept apart (the design, for the README):
 * - Within a process, every write runs through one promise queue, so two requests never
 *   interleave their read-modify-write.
 * - Across processes, a lock file `annotations.lock` (created atomically; owner = pid + host +
 *   start token; stale only when that owner is provably dead, never by age: lock.ts) is held only
 *   around read-merge-write — never while idle.
 * - Under the lock, the store reads what other processes appended to the journal since it last
 *   looked (or re-reads annotations.json if it was replaced), and re-applies just the one
 *   operation (create, patch, delete, …) to that fresh copy. So another process's records, edits
 *   and deletes are never overwritten by a stale in-memory copy, and a patch touches only the
 *   fields it names.
 * - A commit appends one fsynced line to `annotations.journal` (O(changes)); the journal is folded
 *   into annotations.json (atomic, durable: durable-json-file.ts) once it outgrows a quarter of it
 *   (store-disk.ts). Every commit bumps a monotonic `generation` kept in the file.
 * - Deletes leave tombstones (`deleted: [{id, at, g}]`, pruned only when 30 days AND 1,000
 *   generations old) so an import or sync of an older copy cannot resurrect them; imports upsert
 *   by id, newest `updated` wins.
 * - A daily snapshot is taken before the first write of each day (backups.ts).
 * Readers never lock and never write: a rename is atomic and journal lines are appended whole
 * (a torn last line is ignored), so a reader sees a consistent state.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { AnnotationError } from '../../shared/anchoring/errors';
import type { Annotation } from '../../shared/types';
import { localDate, takeDailyBackup } from './backups';
import { decodeFile, serializeFile } from './file-format';
import { asStorageError, storageProblem } from './storage-errors';
import { keepCopy } from './recovery';
import { readOrCreateLibraryId } from './library-identity';
import { emptyFile } from './schema';
import type { OpenReport } from './load-at-open';
import { openLocked, openWithoutWriting, type OpenContext } from './store-open';
import { acquireLock, type HeldLock } from './lock';
import { lockTakeoverMessage, type Bilingual } from './messages';
import { compareAnnotations, matchesQuery, type AnnotationQuery } from './query';
import {
  changedArticleIds,
  draftOf,
  findRecord,
  mergeForeign,
  mergeImported,
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
import { opsOf, stampTombstones } from './replay';
import { StoreDisk } from './store-disk';

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
  /** Fold the journal into annotations.json past this many bytes (default: a quarter of annotations.json, at least 256 KiB). */
  compactBytes?: number;
}

type Listener = (articleIds: string[]) => void;

/** Highlights and notes of one data dir; see the module comment for the concurrency design. */
export class AnnotationStore {
  private readonly disk: StoreDisk;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly undoStack = new UndoStack();
  private readonly listeners = new Set<Listener>();
  private backupDay: string | null = null;
  private watchTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly noticeList: Bilingual[] = [];

  private constructor(
    readonly dataDir: string,
    private readonly opts: Required<Pick<StoreOptions, 'backups' | 'now' | 'lockTimeoutMs'>>,
    compactBytes: number | undefined,
  ) {
    this.disk = new StoreDisk(dataDir, opts.now, compactBytes);
  }

  /** The annotations.json path. */
  get file(): string {
    return this.disk.adapter.file;
  }

  /** The current state (replaced, never mutated, by each change). */
  private get data(): AnnotationFile {
    return this.disk.data;
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
    const store = new AnnotationStore(
      dataDir,
      { backups: opts.backups ?? 10, now: opts.now ?? (() => new Date()), lockTimeoutMs: opts.lockTimeoutMs ?? 10_000 },
      opts.compactBytes,
    );
    let report: OpenReport;
    try {
      report = await openLocked(store.openContext());
    } catch (err) {
      // A read-only folder or a full disk: open for reading; writes are refused with a coded error.
      const problem = storageProblem(err);
      if (!problem) throw err;
      report = await openWithoutWriting(store.openContext(), problem);
    }
    if (opts.watchMs) store.startWatching(opts.watchMs);
    return { store, report };
  }

  private openContext(): OpenContext {
    return { disk: this.disk, dataDir: this.dataDir, backupsDir: this.backupsDir, lockFile: this.lockFile, now: this.opts.now, takeLock: () => this.takeLock() };
  }

  /**
   * Makes sure this library has an id before its first write (created then, not on a read), and
   * says whether annotations.json must be rewritten to carry it (a file from before library ids).
   */
  private async ensureLibraryId(draft: AnnotationFile): Promise<void> {
    if (!this.disk.libraryId) this.disk.libraryId = await readOrCreateLibraryId(this.dataDir, this.data.libraryId);
    draft.libraryId = this.disk.libraryId;
  }

  /** Summary of the other library's annotations.json found here, while it is not merged; else null. */
  foreignStore(): { libraryId: string; annotations: number } | null {
    return this.disk.foreign;
  }

  /**
   * Merges an annotations.json copied in from another library, with the user's consent: its
   * records are added by id (the newest edit wins; this library's deletes are respected, and its
   * deletes remove older copies here), its quarantine is kept, and its bytes are kept aside as
   * `annotations.foreign-<time>.json`. Afterwards the store is this library's again and writable.
   */
  async mergeForeignStore(): Promise<ImportResult & { keptAs: string }> {
    return this.enqueue(async () => {
      if (!this.disk.foreign) throw new AnnotationError('not-found', 'There are no annotations from another library to merge.');
      let lock: HeldLock;
      try {
        lock = await this.takeLock();
      } catch (err) {
        throw asStorageError(err, this.dataDir);
      }
      let articleIds: string[] = [];
      let outcome: ImportResult & { keptAs: string };
      try {
        const raw = await this.disk.adapter.read();
        const theirs = raw === null ? emptyFile() : decodeFile(raw, this.opts.now()).file;
        const keptAs = await keepCopy(this.file, this.opts.now(), 'annotations.foreign');
        const draft = draftOf(this.data);
        await this.ensureLibraryId(draft);
        const merged = mergeForeign(draft, theirs);
        draft.generation = Math.max(draft.generation, theirs.generation) + 1;
        await this.disk.compact(draft);
        this.disk.foreign = null;
        articleIds = merged.articleIds;
        outcome = { ...merged.result, keptAs };
      } catch (err) {
        throw asStorageError(err, this.dataDir);
      } finally {
        await lock.release().catch(() => undefined);
      }
      this.emit(articleIds);
      return outcome;
    });
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
    return this.createRecord(newHighlightRecord(h, this.opts.now()));
  }

  /** Creates an article-level note (kind 'note', no target). */
  async createNote(n: NewNote): Promise<Annotation> {
    return this.createRecord(newNoteRecord(n, this.opts.now()));
  }

  /** Stores a new record durably and makes its creation undoable. */
  private async createRecord(rec: Annotation): Promise<Annotation> {
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
  async undo(onlyId?: string): Promise<{ undone: string; articleId: string } | null> {
    const r = await this.replay('undo', onlyId);
    return r === null ? null : { undone: r.description, articleId: r.articleId };
  }

  /** Re-applies the last undone action; null when there is nothing to redo. `onlyId` as for undo. */
  async redo(onlyId?: string): Promise<{ redone: string; articleId: string } | null> {
    const r = await this.replay('redo', onlyId);
    return r === null ? null : { redone: r.description, articleId: r.articleId };
  }

  /**
   * Moves one step along the undo stack, writing the record's state on that side; its description
   * and article (the UI says so when that is not the article on screen).
   */
  private replay(direction: 'undo' | 'redo', onlyId: string | undefined): Promise<{ description: string; articleId: string } | null> {
    return this.enqueue(async () => {
      const entry = direction === 'undo' ? this.undoStack.peekUndo() : this.undoStack.peekRedo();
      if (!entry) return null;
      checkScope(entry, onlyId);
      const [from, to] = direction === 'undo' ? [entry.after, entry.before] : [entry.before, entry.after];
      await this.writeLocked((f) => restoreRecord(f, from, to, this.opts.now()));
      if (direction === 'undo') this.undoStack.markUndone();
      else this.undoStack.markRedone();
      const rec = entry.after ?? entry.before;
      return { description: entry.description, articleId: rec?.articleId ?? '' };
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
      const changed = await this.disk.refresh(false);
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

  /** Must run inside the queue: lock, catch up with the disk, apply `change`, journal it, unlock, notify. */
  private async writeLocked(change: (draft: AnnotationFile) => string[]): Promise<AnnotationFile> {
    this.refuseIfForeign();
    let lock: HeldLock;
    try {
      lock = await this.takeLock();
    } catch (err) {
      throw asStorageError(err, this.dataDir);
    }
    let articleIds: string[] = [];
    let others: string[] = [];
    try {
      const before = this.data;
      if (await this.disk.refresh(true)) others = changedArticleIds(before, this.data);
      this.refuseIfForeign(); // copied in while we ran
      const draft = draftOf(this.data);
      articleIds = change(draft);
      const ops = opsOf(draft);
      if (ops.length) {
        const g = this.data.generation + 1;
        draft.generation = g;
        stampTombstones(draft, ops, g);
        await this.ensureLibraryId(draft);
        await this.backupBeforeFirstWriteOfDay();
        await this.disk.commit(draft, { g, ops });
        // The write is durable now; a compaction that fails (full disk) is retried by a later write.
        // annotations.json without this library's id (older Folio) is rewritten once to carry it.
        if (this.disk.needsCompaction() || !this.disk.snapshotStamped) await this.disk.compact().catch((err: unknown) => console.warn('folio: journal compaction failed:', err));
      }
    } catch (err) {
      throw asStorageError(err, this.dataDir);
    } finally {
      await lock.release().catch(() => undefined);
    }
    this.emit([...new Set([...others, ...articleIds])]);
    return this.data;
  }

  private refuseIfForeign(): void {
    const f = this.disk.foreign;
    if (!f) return;
    throw new AnnotationError(
      'foreign-store',
      `annotations.json comes from another library (${f.annotations} annotations; library ${f.libraryId}). It was not adopted: merge it (mergeForeignStore) or move it away before saving annotations here.`,
    );
  }

  /** Folds the journal into annotations.json now (normally automatic once the journal is large). */
  async compact(): Promise<void> {
    await this.enqueue(async () => {
      let lock: HeldLock;
      try {
        lock = await this.takeLock();
      } catch (err) {
        throw asStorageError(err, this.dataDir);
      }
      try {
        await this.disk.refresh(true);
        await this.disk.compact();
      } catch (err) {
        throw asStorageError(err, this.dataDir);
      } finally {
        await lock.release().catch(() => undefined);
      }
    });
  }

  /** Takes the cross-process lock; a stale lock taken over is reported (console and `notices`). */
  private async takeLock(): Promise<HeldLock> {
    // A store opened without writing may have no folder yet: create it now, or say why not
    // ('read-only', 'disk-full') rather than failing on the lock file as if a file were missing.
    try {
      await mkdir(this.dataDir, { recursive: true });
    } catch (err) {
      throw asStorageError(err, this.dataDir);
    }
    const lock = await acquireLock(this.lockFile, { timeoutMs: this.opts.lockTimeoutMs });
    if (lock.tookOver) {
      const message = lockTakeoverMessage(lock.tookOver);
      this.noticeList.push(message);
      console.warn(`folio: ${message.en}`);
    }
    return lock;
  }

  /** Things the user should know that happened since the store opened (e.g. a stale lock taken over). */
  notices(): readonly Bilingual[] {
    return this.noticeList;
  }

  private async backupBeforeFirstWriteOfDay(): Promise<void> {
    const today = localDate(this.opts.now());
    if (this.backupDay === today) return;
    // The state before this write (snapshot plus journal), serialised once a day.
    if (this.data.generation > 0 || this.data.annotations.length > 0) {
      await takeDailyBackup(serializeFile(this.data), this.backupsDir, this.opts.now(), this.opts.backups);
    }
    this.backupDay = today;
  }
}

/** Throws 'undo-superseded' when `onlyId` is given and `entry` acted on another record. */
function checkScope(entry: UndoEntry, onlyId: string | undefined): void {
  const id = (entry.after ?? entry.before)?.id;
  if (onlyId !== undefined && id !== onlyId) {
    throw new AnnotationError('undo-superseded', `The last action was not on annotation ${onlyId}.`, { id: onlyId });
  }
}
