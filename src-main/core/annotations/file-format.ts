/**
 * Decodes raw annotations.json content into the current in-memory shape: migrate, then validate
 * every record on its own. Invalid or duplicate records go to `quarantine` with a reason — kept
 * in the file, never dropped (KOReader's silent skipping was called out as data loss, PR #12494).
 */
import { migrateToCurrent } from './migrations';
import {
  FileEnvelopeSchema,
  QuarantinedSchema,
  TombstoneSchema,
  type AnnotationFile,
  type Quarantined,
  type Tombstone,
  validateAnnotation,
  CURRENT_SCHEMA_VERSION,
} from './schema';
import type { Annotation } from '../../shared/types';

/** What decoding found. */
export interface DecodedFile {
  file: AnnotationFile;
  /** Records moved to quarantine by this decode (not counting ones already there). */
  newlyQuarantined: number;
  /** The version migrated from, when it was older than current. */
  migratedFrom?: number;
}

/** The JSON parsed but is not an annotations file Folio recognises. */
export class UnrecognisedFormatError extends Error {
  readonly code = 'unrecognised-format';
}

/** Decodes raw JSON (already parsed). Throws UnrecognisedFormatError or AnnotationError('unsupported'). */
export function decodeFile(raw: unknown, now: Date): DecodedFile {
  const migrated = migrateToCurrent(raw);
  if (!migrated) throw new UnrecognisedFormatError('annotations.json is JSON but not an annotations file');
  const envelope = FileEnvelopeSchema.safeParse(migrated.raw);
  if (!envelope.success) throw new UnrecognisedFormatError('annotations.json has no annotations list');
  const at = now.toISOString();
  const annotations: Annotation[] = [];
  const quarantine: Quarantined[] = [];
  for (const q of envelope.data.quarantine ?? []) {
    const parsed = QuarantinedSchema.safeParse(q);
    quarantine.push(parsed.success ? parsed.data : { record: q, reason: 'unreadable quarantine entry', at });
  }
  const before = quarantine.length;
  for (const r of migrated.rejected) quarantine.push({ record: r.record, reason: r.reason, at });
  const seen = new Set<string>();
  for (const record of envelope.data.annotations) {
    const v = validateAnnotation(record);
    if (!v.ok) quarantine.push({ record, reason: v.reason, at });
    else if (seen.has(v.value.id)) quarantine.push({ record, reason: `duplicate id ${v.value.id}`, at });
    else {
      seen.add(v.value.id);
      annotations.push(v.value);
    }
  }
  const deleted: Tombstone[] = [];
  for (const t of envelope.data.deleted ?? []) {
    const parsed = TombstoneSchema.safeParse(t);
    if (parsed.success) deleted.push(parsed.data);
    else quarantine.push({ record: t, reason: 'unreadable tombstone', at });
  }
  return {
    file: { schemaVersion: CURRENT_SCHEMA_VERSION, annotations, deleted, quarantine },
    newlyQuarantined: quarantine.length - before,
    ...(migrated.from < CURRENT_SCHEMA_VERSION ? { migratedFrom: migrated.from } : {}),
  };
}
