/**
 * The start-up read of annotations.json (run while holding the lock): decode and migrate it, or,
 * when it is damaged, move it aside and restore the newest good backup — and say so in plain
 * words. Returns what to keep in memory and whether the file must be (re)written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAnnotationError } from '../../shared/anchoring/errors';
import { localDate } from './backups';
import { CorruptFileError, writeFileDurably, type DurableJsonFile } from './durable-json-file';
import { decodeFile, UnrecognisedFormatError } from './file-format';
import { joinMessages, migratedMessage, noBackupMessage, quarantineMessage, restoredMessage, type Bilingual } from './messages';
import { moveAside, newestGoodBackup } from './recovery';
import { emptyFile, type AnnotationFile } from './schema';

/** What happened when the store opened. */
export interface OpenReport {
  /** The backup restored, relative to the data dir (e.g. `backups/annotations-2026-11-24.json`). */
  restoredFrom?: string;
  /** The name the damaged file was kept under (e.g. `annotations.corrupt-2026-11-25T08-00-00-000Z.json`). */
  movedAside?: string;
  /** Records found invalid at this start and kept aside under `quarantine` (never dropped). */
  invalidRecords: number;
  /** The schema version the file was migrated from, if it was older. */
  migratedFrom?: number;
  /** Temp files of interrupted writes that were removed. */
  removedTempFiles?: number;
  /** Opened without writing: the folder is read-only or the disk is full (writes are refused with this code). */
  storageProblem?: 'disk-full' | 'read-only';
  /** annotations.json comes from another library: not adopted; writes refused until merged. */
  foreignStore?: { libraryId: string; annotations: number };
  /** Complete journal lines that failed their check (kept aside in a copy, not applied). */
  journalLinesSkipped?: number;
  /** A lock left by a process that is gone was taken over at this start. */
  lockTakenOver?: boolean;
  /** Plain-words summary for the user, when anything noteworthy happened. */
  message?: Bilingual;
}

/** Result of the start-up read. */
export interface LoadResult {
  data: AnnotationFile;
  report: OpenReport;
  /** The file must be written now (restored, migrated or records quarantined). */
  mustWrite: boolean;
}

function isDamaged(err: unknown): boolean {
  return err instanceof CorruptFileError || err instanceof UnrecognisedFormatError;
}

/** Reads the file at start; see the module comment. Rethrows 'unsupported' (newer schema). */
export async function loadAtOpen(
  adapter: DurableJsonFile,
  dataDir: string,
  backupsDir: string,
  now: Date,
  /** This library's id, so a restore never picks another library's backup. */
  libraryId?: string | null,
): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = await adapter.read();
    if (raw === null) return { data: emptyFile(), report: { invalidRecords: 0 }, mustWrite: false };
    const decoded = decodeFile(raw, now);
    const messages: Bilingual[] = [];
    if (decoded.migratedFrom !== undefined) {
      // Keep the pre-migration bytes apart from the rolling snapshots (never pruned).
      const copy = path.join(backupsDir, `annotations.v${decoded.migratedFrom}-${localDate(now)}.json`);
      await fs.mkdir(backupsDir, { recursive: true });
      await writeFileDurably(copy, await fs.readFile(adapter.file));
      messages.push(migratedMessage(decoded.migratedFrom, decoded.file.annotations.length));
    }
    if (decoded.newlyQuarantined > 0) messages.push(quarantineMessage(decoded.newlyQuarantined));
    const message = joinMessages(messages);
    return {
      data: decoded.file,
      report: {
        invalidRecords: decoded.newlyQuarantined,
        ...(decoded.migratedFrom !== undefined ? { migratedFrom: decoded.migratedFrom } : {}),
        ...(message ? { message } : {}),
      },
      mustWrite: decoded.migratedFrom !== undefined || decoded.newlyQuarantined > 0,
    };
  } catch (err) {
    if (isAnnotationError(err, 'unsupported') || !isDamaged(err)) throw err;
  }
  const movedAside = await moveAside(adapter.file, now);
  // Never restore another library's backup (backups from before library ids existed are ours).
  const backup = await newestGoodBackup(backupsDir, now, (lib) => lib === undefined || lib === libraryId);
  if (!backup) {
    return { data: emptyFile(), report: { invalidRecords: 0, movedAside, message: noBackupMessage(movedAside) }, mustWrite: true };
  }
  const restored = backup.decoded.file;
  const message = joinMessages([
    restoredMessage(movedAside, backup.date, restored.annotations),
    ...(backup.decoded.newlyQuarantined > 0 ? [quarantineMessage(backup.decoded.newlyQuarantined)] : []),
  ]);
  return {
    data: restored,
    report: {
      invalidRecords: backup.decoded.newlyQuarantined,
      movedAside,
      restoredFrom: path.relative(dataDir, backup.file).split(path.sep).join('/'),
      ...(backup.decoded.migratedFrom !== undefined ? { migratedFrom: backup.decoded.migratedFrom } : {}),
      ...(message ? { message } : {}),
    },
    mustWrite: true,
  };
}
