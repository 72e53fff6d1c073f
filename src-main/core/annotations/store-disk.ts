/**
 * The on-disk state of one data dir, kept in step with memory: annotations.json (a snapshot at a
 * generation) plus `annotations.journal` (entries after it). A commit appends one fsynced line;
 * when the journal outgrows a quarter of the snapshot it is folded into a new snapshot
 * (compaction). Refreshing reads only what another process appended since we last looked, so a
 * write under the lock costs O(changes); a compaction by another process means one full re-read.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import { CorruptFileError, DurableJsonFile, fileSignature, sameSignature, type FileSignature } from './durable-json-file';
import { decodeFile, orderedFile, UnrecognisedFormatError } from './file-format';
import { encodeLine, Journal, journalHeader, type JournalEntry } from './journal';
import { moveAside } from './recovery';
import { draftOf, pruneTombstones } from './record-ops';
import { applyEntry } from './replay';
import { emptyFile, type AnnotationFile } from './schema';

/** Journal bytes below which no compaction happens, whatever the snapshot's size. */
const MIN_COMPACT_BYTES = 256 * 1024;

/** Snapshot + journal of one data dir; every method that writes must run under the lock. */
export class StoreDisk {
  data: AnnotationFile = emptyFile();
  /** Complete journal lines that failed their check since opening (skipped, never applied). */
  damagedJournalLines = 0;
  /** This library's id (null: unknown, nothing is checked). */
  libraryId: string | null = null;
  /** annotations.json (if any) carries a library id; false for files from before library ids. */
  snapshotStamped = true;
  /** Set while annotations.json belongs to another library: it is never read into memory. */
  foreign: { libraryId: string; annotations: number } | null = null;
  readonly adapter: DurableJsonFile;
  readonly journal: Journal;
  private readonly db: Low<unknown>;
  private snapSig: FileSignature | null = null;
  /** Where our view of the journal ends; null when there is no journal. */
  private journalAt: { ino: number; offset: number } | null = null;

  constructor(
    dataDir: string,
    private readonly now: () => Date,
    private readonly compactBytes?: number,
  ) {
    this.adapter = new DurableJsonFile(path.join(dataDir, 'annotations.json'));
    this.journal = new Journal(path.join(dataDir, 'annotations.journal'));
    this.db = new Low<unknown>(this.adapter, null);
  }

  /**
   * Adopts a state read at open (`snapshotOnDisk`: the file holds it as-is; `stamped`: the file
   * carries a library id), then replays the journal.
   */
  async adoptOpened(data: AnnotationFile, snapshotOnDisk: boolean, stamped: boolean): Promise<void> {
    this.data = data;
    this.snapSig = snapshotOnDisk ? await fileSignature(this.adapter.file) : null;
    this.snapshotStamped = stamped || this.snapSig === null;
    this.journalAt = null;
    await this.applyJournal(true);
  }

  /**
   * Brings memory up to date with the disk; true when anything changed. Reads only what was
   * appended since last time unless annotations.json itself was replaced. `locked`: we hold the
   * lock, so a damaged or vanished annotations.json is replaced by our state at once.
   */
  async refresh(locked: boolean): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const snap = await fileSignature(this.adapter.file);
      const j = await this.journal.stat();
      if (sameSignature(snap, this.snapSig)) {
        if (j === null) {
          this.journalAt = null;
          return false;
        }
        if (this.journalAt && j.ino === this.journalAt.ino && j.size >= this.journalAt.offset) {
          return j.size === this.journalAt.offset ? false : this.applyJournal(false);
        }
        if (this.journalAt === null) return this.applyJournal(true);
      }
      if (snap === null && this.snapSig !== null) {
        // annotations.json vanished (moved aside by hand?): our state is the newest we know.
        if (locked) await this.compact();
        return false;
      }
      let raw: unknown;
      try {
        raw = snap === null ? null : await this.readSnapshot();
      } catch (err) {
        if (!(err instanceof CorruptFileError || err instanceof UnrecognisedFormatError)) throw err;
        // Damaged meanwhile: keep it aside; our in-memory copy is the newest good state we know.
        if (locked) {
          await moveAside(this.adapter.file, this.now());
          await this.compact();
        }
        return false;
      }
      const decoded = raw === null ? emptyFile() : decodeFile(raw, this.now()).file;
      if (decoded.libraryId && this.libraryId && decoded.libraryId !== this.libraryId) {
        // Copied in from another library while we ran: keep our state, adopt nothing.
        this.foreign = { libraryId: decoded.libraryId, annotations: decoded.annotations.length };
        this.snapSig = snap;
        return false;
      }
      this.data = this.libraryId && !decoded.libraryId ? { ...decoded, libraryId: this.libraryId } : decoded;
      this.snapSig = snap;
      this.snapshotStamped = raw === null || decoded.libraryId !== undefined;
      this.journalAt = null;
      await this.applyJournal(true);
      // A compaction may have replaced the snapshot while we read the journal: then read again.
      if (sameSignature(await fileSignature(this.adapter.file), snap)) return true;
    }
    return true;
  }

  private async readSnapshot(): Promise<unknown> {
    await this.db.read();
    return this.db.data;
  }

  /** Applies journal entries newer than our generation, from the start or from where we stopped. */
  private async applyJournal(fromStart: boolean): Promise<boolean> {
    const r = await this.journal.readFrom(fromStart ? 0 : (this.journalAt?.offset ?? 0));
    if (!r) {
      this.journalAt = null;
      return false;
    }
    this.damagedJournalLines += r.damaged;
    // A journal written for another library's store is not ours to replay.
    const mine = !(fromStart && r.lib && this.data.libraryId && r.lib !== this.data.libraryId);
    const fresh = mine ? r.entries.filter((e) => e.g > this.data.generation) : [];
    if (fresh.length) {
      const draft = draftOf(this.data);
      for (const e of fresh) applyEntry(draft, e, this.now());
      this.data = draft;
    }
    this.journalAt = { ino: r.ino, offset: r.end };
    return fresh.length > 0;
  }

  /** Appends one committed entry (durable when this resolves) and adopts `draft`. Under the lock. */
  async commit(draft: AnnotationFile, entry: JournalEntry): Promise<void> {
    const header = this.journalAt === null ? journalHeader(draft.libraryId ?? null) : null;
    const at = await this.journal.append(encodeLine(entry), this.journalAt?.offset ?? 0, header);
    this.journalAt = { ino: at.ino, offset: at.size };
    this.data = draft;
  }

  /** True when the journal has grown enough to be folded into annotations.json. */
  needsCompaction(): boolean {
    if (!this.journalAt) return false;
    const limit = this.compactBytes ?? Math.max(MIN_COMPACT_BYTES, (this.snapSig?.size ?? 0) / 4);
    return this.journalAt.offset > limit;
  }

  /**
   * Writes the whole state as annotations.json (durably), then empties the journal. A crash in
   * between is harmless: the journal's entries are at or below the snapshot's generation and are
   * skipped. Old tombstones are pruned here. Under the lock.
   */
  async compact(data: AnnotationFile = this.data): Promise<void> {
    const next = draftOf(data);
    pruneTombstones(next, this.now());
    this.db.data = orderedFile(next);
    await this.db.write();
    this.snapSig = await fileSignature(this.adapter.file);
    this.snapshotStamped = next.libraryId !== undefined;
    this.data = next;
    this.journalAt = null;
    if (await this.journal.stat()) {
      const j = await this.journal.reset(journalHeader(next.libraryId ?? null));
      this.journalAt = { ino: j.ino, offset: j.size };
    }
  }

  /** Journal bytes and whether a journal exists (for reports and benchmarks). */
  journalBytes(): number {
    return this.journalAt?.offset ?? 0;
  }
}
