/**
 * File-system failures a user can act on, turned into coded errors: a full disk (ENOSPC, EDQUOT)
 * is "disk-full", a read-only folder or medium (EROFS, EACCES, EPERM) is "read-only". Writes
 * that fail this way change nothing already saved (the journal is cut back, temp files removed).
 */
import { AnnotationError } from '../../shared/anchoring/errors';

/** Which storage problem `err` is, or null for anything else. */
export function storageProblem(err: unknown): 'disk-full' | 'read-only' | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  return null;
}

/** The coded error for a storage problem (English; the UI translates the code). */
export function storageError(problem: 'disk-full' | 'read-only', dataDir: string): AnnotationError {
  return problem === 'disk-full'
    ? new AnnotationError('disk-full', `The disk is full: the annotation was not saved, and nothing saved before was lost. Free some space on the disk holding ${dataDir} and try again.`)
    : new AnnotationError('read-only', `${dataDir} is read-only: annotations cannot be saved there (reading works). Open the library with --data DIR to keep annotations in a folder you can write to.`);
}

/** Rethrows storage problems as coded errors; anything else unchanged. */
export function asStorageError(err: unknown, dataDir: string): unknown {
  const problem = storageProblem(err);
  return problem ? storageError(problem, dataDir) : err;
}
