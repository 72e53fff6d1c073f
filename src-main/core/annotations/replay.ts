/**
 * Journal entries to and from in-memory edits: what a commit changed (`opsOf`), and replaying an
 * entry onto a draft (`applyEntry`). Entries carry whole records and tombstones, so replaying one
 * twice, or onto an older base (after a restore from backup), converges on the same state.
 */
import type { JournalEntry, JournalOp } from './journal';
import { findRecord, putRecord, removeRecord, touchedIds } from './record-ops';
import type { AnnotationFile } from './schema';
import { validateAnnotation } from './schema';

/** The journal ops for what a draft (made by `draftOf`) changed. */
export function opsOf(draft: AnnotationFile): JournalOp[] {
  const ops: JournalOp[] = [];
  for (const id of touchedIds(draft)) {
    const rec = findRecord(draft, id);
    if (rec) ops.push({ put: rec });
    else {
      const t = draft.deleted.find((x) => x.id === id);
      if (t) ops.push({ del: { id, at: t.at } });
    }
  }
  return ops;
}

/** Stamps the tombstones of this entry's deletes with its generation. */
export function stampTombstones(draft: AnnotationFile, ops: readonly JournalOp[], g: number): void {
  const ids = new Set(ops.flatMap((op) => ('del' in op ? [op.del.id] : [])));
  if (ids.size) draft.deleted = draft.deleted.map((t) => (ids.has(t.id) ? { ...t, g } : t));
}

/**
 * Applies one entry to a draft. A put that fails validation (damage that kept its CRC, or a
 * newer Folio's record) is kept in quarantine, never dropped.
 */
export function applyEntry(draft: AnnotationFile, entry: JournalEntry, now: Date): void {
  for (const op of entry.ops) {
    if ('put' in op) {
      const v = validateAnnotation(op.put);
      if (v.ok) putRecord(draft, v.value);
      else draft.quarantine.push({ record: op.put, reason: `journal entry ${entry.g}: ${v.reason}`, at: now.toISOString() });
    } else {
      const at = new Date(op.del.at);
      if (Number.isNaN(at.getTime())) continue;
      removeRecord(draft, op.del.id, at);
      if (!draft.deleted.some((t) => t.id === op.del.id)) draft.deleted.push({ id: op.del.id, at: at.toISOString() });
    }
  }
  stampTombstones(draft, entry.ops, entry.g);
  draft.generation = Math.max(draft.generation, entry.g);
}
