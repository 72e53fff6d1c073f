/**
 * Opening a store: the normal start under the lock (clean up temp files, load or recover
 * annotations.json, replay the journal, check the library id, compact if needed) and the start
 * without writing for a read-only folder or a full disk. Kept apart from store.ts, which holds
 * the running store's operations.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeTempFilesIn } from './backups';
import { CorruptFileError } from './durable-json-file';
import { decodeFile, UnrecognisedFormatError } from './file-format';
import { readLibraryId } from './library-identity';
import { loadAtOpen, type OpenReport } from './load-at-open';
import { removeLockTempFiles, type HeldLock } from './lock';
import { degradedOpenMessage, foreignStoreMessage, joinMessages, journalDamageMessage, lockTakeoverMessage } from './messages';
import { moveAside, newestGoodBackup } from './recovery';
import { emptyFile, type AnnotationFile } from './schema';
import { asStorageError } from './storage-errors';
import type { StoreDisk } from './store-disk';

/** What opening needs from the store. */
export interface OpenContext {
  disk: StoreDisk;
  dataDir: string;
  backupsDir: string;
  lockFile: string;
  now: () => Date;
  /** Takes the cross-process lock (reporting a takeover as the store does). */
  takeLock: () => Promise<HeldLock>;
}

/** The normal start: under the lock, clean up, load, repair and compact as needed. */
export async function openLocked(ctx: OpenContext): Promise<OpenReport> {
  const dataDir = ctx.dataDir;
  await fs.mkdir(dataDir, { recursive: true });
  const lock = await ctx.takeLock();
  let report: OpenReport;
  try {
    const removed = [
      ...(await ctx.disk.adapter.removeLeftoverTempFiles()),
      ...(await removeTempFilesIn(ctx.backupsDir)),
      ...(await ctx.disk.journal.removeLeftoverTempFiles()),
    ];
    await removeLockTempFiles(ctx.lockFile);
    const known = await readLibraryId(dataDir);
    const loaded = await loadAtOpen(ctx.disk.adapter, dataDir, ctx.backupsDir, ctx.now(), known);
    const foreign = await adoptForLibrary(ctx, loaded.data, known, !loaded.mustWrite);
    if (foreign) {
      const message = joinMessages([...(loaded.report.message ? [loaded.report.message] : []), foreignStoreMessage(foreign.annotations)]);
      return { ...loaded.report, foreignStore: foreign, ...(message ? { message } : {}) };
    }
    const damaged = ctx.disk.damagedJournalLines;
    let keptAs: string | undefined;
    // Keep the damaged bytes (never delete what we could not read), then fold the rest in.
    if (damaged) keptAs = await moveAside(ctx.disk.journal.file, ctx.now(), 'annotations.journal-damaged');
    if (loaded.mustWrite || damaged || ctx.disk.needsCompaction()) await ctx.disk.compact();
    report = removed.length ? { ...loaded.report, removedTempFiles: removed.length } : loaded.report;
    if (damaged && keptAs) {
      const message = joinMessages([...(report.message ? [report.message] : []), journalDamageMessage(damaged, keptAs)]);
      report = { ...report, journalLinesSkipped: damaged, ...(message ? { message } : {}) };
    }
    if (lock.tookOver) {
      const message = joinMessages([lockTakeoverMessage(lock.tookOver), ...(report.message ? [report.message] : [])]);
      report = { ...report, lockTakenOver: true, ...(message ? { message } : {}) };
    }
  } finally {
    await lock.release();
  }
  return report;
}

/**
 * Opens without the lock and without writing anything (read-only folder, full disk): reads
 * annotations.json and the journal; a damaged file is left as it is and the best backup is
 * shown instead. Writes later try again and fail with 'read-only' or 'disk-full' if they must.
 */
export async function openWithoutWriting(ctx: OpenContext, problem: 'disk-full' | 'read-only'): Promise<OpenReport> {
  const now = ctx.now();
  let data = emptyFile();
  let invalidRecords = 0;
  let restoredFrom: string | undefined;
  try {
    const raw = await ctx.disk.adapter.read();
    if (raw !== null) {
      const decoded = decodeFile(raw, now);
      data = decoded.file;
      invalidRecords = decoded.newlyQuarantined;
    }
  } catch (err) {
    if (!(err instanceof CorruptFileError || err instanceof UnrecognisedFormatError)) throw asStorageError(err, ctx.dataDir);
    const known = await readLibraryId(ctx.dataDir);
    const backup = await newestGoodBackup(ctx.backupsDir, now, (lib) => lib === undefined || lib === known);
    if (backup) {
      data = backup.decoded.file;
      restoredFrom = path.relative(ctx.dataDir, backup.file).split(path.sep).join('/');
    }
  }
  const foreign = await adoptForLibrary(ctx, data, await readLibraryId(ctx.dataDir), true);
  const messages = [degradedOpenMessage(problem), ...(foreign ? [foreignStoreMessage(foreign.annotations)] : [])];
  return {
    invalidRecords,
    storageProblem: problem,
    ...(restoredFrom ? { restoredFrom } : {}),
    ...(foreign ? { foreignStore: foreign } : {}),
    message: joinMessages(messages) ?? degradedOpenMessage(problem),
  };
}

/**
 * Takes `data` (read from annotations.json) as this library's state, unless it carries another
 * library's id (or any id while this library has none yet: its file was copied in). Then it is
 * left on disk untouched, and this library's own state is what its newest own backup plus its
 * journal hold. Returns the foreign store's summary in that case. Never writes.
 */
async function adoptForLibrary(
  ctx: OpenContext,
  data: AnnotationFile,
  libraryId: string | null,
  snapshotOnDisk: boolean,
): Promise<{ libraryId: string; annotations: number } | null> {
  ctx.disk.libraryId = libraryId;
  if (!data.libraryId || data.libraryId === libraryId) {
    await ctx.disk.adoptOpened(libraryId && !data.libraryId ? { ...data, libraryId } : data, snapshotOnDisk, data.libraryId !== undefined);
    return null;
  }
  const foreign = { libraryId: data.libraryId, annotations: data.annotations.length };
  const own = await newestGoodBackup(ctx.backupsDir, ctx.now(), (lib) => (libraryId ? lib === libraryId : lib === undefined));
  const base = own ? own.decoded.file : emptyFile();
  await ctx.disk.adoptOpened(libraryId ? { ...base, libraryId } : base, false, false);
  ctx.disk.foreign = foreign;
  return foreign;
}
