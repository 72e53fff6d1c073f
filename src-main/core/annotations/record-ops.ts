/**
 * Pure edits of the in-memory file, applied to the freshest copy read under the lock (see
 * store.ts). Records are treated as immutable values; arrays are copied by the caller.
 */
import type { Annotation } from '../../shared/types';
import type { AnnotationFile } from './schema';

/**
 * A tombstone is forgotten only when it is older than TOMBSTONE_TTL_MS by its own timestamp AND
 * older than TOMBSTONE_TTL_GENERATIONS operations: one write from a machine whose clock runs a
 * month ahead must not prune every tombstone (an import would then resurrect deleted records).
 */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600 * 1000;
/** See TOMBSTONE_TTL_MS. */
export const TOMBSTONE_TTL_GENERATIONS = 1000;

/** Ids of records put or removed in each draft, so a commit journals only what it changed. */
const touchedIn = new WeakMap<AnnotationFile, Set<string>>();

/** A shallow copy whose arrays may be changed without touching `f`; it tracks the ids changed. */
export function draftOf(f: AnnotationFile): AnnotationFile {
  const d = { ...f, annotations: [...f.annotations], deleted: [...f.deleted], quarantine: [...f.quarantine] };
  touchedIn.set(d, new Set());
  return d;
}

/** Ids put or removed in a draft made by `draftOf`. */
export function touchedIds(draft: AnnotationFile): string[] {
  return [...(touchedIn.get(draft) ?? [])];
}

/** The record with `id`, or undefined. */
export function findRecord(f: AnnotationFile, id: string): Annotation | undefined {
  return f.annotations.find((a) => a.id === id);
}

/** Inserts or replaces a record by id; a re-created record loses its tombstone. */
export function putRecord(f: AnnotationFile, rec: Annotation): void {
  touchedIn.get(f)?.add(rec.id);
  const i = f.annotations.findIndex((a) => a.id === rec.id);
  if (i === -1) f.annotations.push(rec);
  else f.annotations[i] = rec;
  f.deleted = f.deleted.filter((t) => t.id !== rec.id);
}

/** Removes a record and leaves a tombstone; returns the removed record. */
export function removeRecord(f: AnnotationFile, id: string, at: Date): Annotation | undefined {
  const i = f.annotations.findIndex((a) => a.id === id);
  if (i === -1) return undefined;
  touchedIn.get(f)?.add(id);
  const [removed] = f.annotations.splice(i, 1);
  f.deleted = [...f.deleted.filter((t) => t.id !== id), { id, at: at.toISOString() }];
  return removed;
}

/**
 * Turns record state `from` into `to` (either may be null = absent), for undo/redo; a restored
 * record gets `updated` = now so it is the newest version everywhere. Returns touched article ids.
 */
export function restoreRecord(f: AnnotationFile, from: Annotation | null, to: Annotation | null, now: Date): string[] {
  if (to === null) {
    const removed = from ? removeRecord(f, from.id, now) : undefined;
    return removed ? [removed.articleId] : [];
  }
  putRecord(f, { ...to, updated: now.toISOString() });
  return [to.articleId];
}

/** Drops tombstones old by both measures (see TOMBSTONE_TTL_MS); a tombstone without a generation counts from `f.generation`. */
export function pruneTombstones(f: AnnotationFile, now: Date): void {
  const cutoff = now.getTime() - TOMBSTONE_TTL_MS;
  f.deleted = f.deleted.filter((t) => Date.parse(t.at) >= cutoff || f.generation - (t.g ?? f.generation) < TOMBSTONE_TTL_GENERATIONS);
}

/** Counts from an import. */
export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Records deleted here after the imported version was made (a tombstone is newer). */
  skipped: number;
}

/**
 * Upserts `incoming` by id, newest `updated` wins: importing the same export twice changes
 * nothing, and an old export cannot resurrect a record deleted since (its tombstone is newer).
 */
export function mergeImported(f: AnnotationFile, incoming: readonly Annotation[]): { result: ImportResult; articleIds: string[] } {
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  const touched = new Set<string>();
  for (const rec of incoming) {
    const tomb = f.deleted.find((t) => t.id === rec.id);
    if (tomb && Date.parse(tomb.at) >= Date.parse(rec.updated)) {
      result.skipped++;
      continue;
    }
    const existing = findRecord(f, rec.id);
    if (existing && Date.parse(existing.updated) >= Date.parse(rec.updated)) {
      result.unchanged++;
      continue;
    }
    putRecord(f, rec);
    touched.add(rec.articleId);
    if (existing) {
      touched.add(existing.articleId);
      result.updated++;
    } else result.added++;
  }
  return { result, articleIds: [...touched] };
}

/** Article ids whose records differ between two versions of the file. */
export function changedArticleIds(before: AnnotationFile, after: AnnotationFile): string[] {
  const ids = new Set<string>();
  const old = new Map(before.annotations.map((a) => [a.id, a]));
  for (const a of after.annotations) {
    const o = old.get(a.id);
    old.delete(a.id);
    if (!o || versionKey(o) !== versionKey(a)) {
      ids.add(a.articleId);
      if (o) ids.add(o.articleId);
    }
  }
  for (const o of old.values()) ids.add(o.articleId);
  return [...ids];
}

/** What distinguishes two versions of a record: edits bump `updated`, re-anchoring moves the position. */
function versionKey(a: Annotation): string {
  return `${a.updated}|${a.target?.position.start ?? ''}|${a.target?.position.end ?? ''}|${a.target?.quote.prefix ?? ''}`;
}

/**
 * Merges another library's file into `f` by annotation id (see `AnnotationStore.mergeForeignStore`):
 * records as an import; its tombstones remove older copies here and are kept; its quarantine is kept.
 */
export function mergeForeign(f: AnnotationFile, theirs: AnnotationFile): { result: ImportResult; articleIds: string[] } {
  const merged = mergeImported(f, theirs.annotations);
  const touched = new Set(merged.articleIds);
  for (const t of theirs.deleted) {
    const mine = findRecord(f, t.id);
    if (mine && Date.parse(mine.updated) > Date.parse(t.at)) continue; // edited here after their delete
    if (mine) {
      removeRecord(f, t.id, new Date(t.at));
      touched.add(mine.articleId);
    } else if (!f.deleted.some((d) => d.id === t.id)) f.deleted = [...f.deleted, { id: t.id, at: t.at }];
  }
  f.quarantine = [...f.quarantine, ...theirs.quarantine];
  return { result: merged.result, articleIds: [...touched] };
}
