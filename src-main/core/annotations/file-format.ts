/**
 * Decodes raw annotations.json content into the current in-memory shape: migrate, then validate
 * every record on its own. Invalid or duplicate records go to `quarantine` with a reason — kept
 * in the file, never dropped (KOReader's silent skipping was called out as data loss, PR #12494).
 */
import { jsonDepth } from './bounded-json';
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

/** Deepest record kept verbatim in quarantine; deeper ones are kept as their JSON text, so the file stays within its depth limit. */
const MAX_QUARANTINED_DEPTH = 32;

/** A quarantine entry for `record`, keeping it verbatim unless it is nested too deeply. */
function quarantined(record: unknown, reason: string, at: string): Quarantined {
  const text = JSON.stringify(record) ?? 'undefined';
  if (jsonDepth(text, MAX_QUARANTINED_DEPTH) <= MAX_QUARANTINED_DEPTH) return { record, reason, at };
  return { record: text, reason: `${reason} (kept as JSON text: nested too deeply)`, at };
}

/** The file's fields in disk order: `generation` first, so backups can be ranked by their first bytes. */
export function orderedFile(f: AnnotationFile): Record<string, unknown> {
  return {
    schemaVersion: f.schemaVersion,
    generation: f.generation,
    ...(f.libraryId ? { libraryId: f.libraryId } : {}),
    annotations: f.annotations,
    deleted: f.deleted,
    quarantine: f.quarantine,
  };
}

/** The file as written to disk (the same bytes as the lowdb adapter writes). */
export function serializeFile(f: AnnotationFile): string {
  return JSON.stringify(orderedFile(f), null, 2) + '\n';
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
    quarantine.push(parsed.success ? quarantined(parsed.data.record, parsed.data.reason, parsed.data.at) : quarantined(q, 'unreadable quarantine entry', at));
  }
  const before = quarantine.length;
  for (const r of migrated.rejected) quarantine.push(quarantined(r.record, r.reason, at));
  const seen = new Set<string>();
  for (const record of envelope.data.annotations) {
    const v = validateAnnotation(record);
    if (!v.ok) quarantine.push(quarantined(record, v.reason, at));
    else if (seen.has(v.value.id)) quarantine.push(quarantined(record, `duplicate id ${v.value.id}`, at));
    else {
      seen.add(v.value.id);
      annotations.push(v.value);
    }
  }
  const deleted: Tombstone[] = [];
  const generation = envelope.data.generation ?? 0;
  for (const t of envelope.data.deleted ?? []) {
    const parsed = TombstoneSchema.safeParse(t);
    // Tombstones from before generations existed count from the file's generation.
    if (parsed.success) deleted.push({ ...parsed.data, g: parsed.data.g ?? generation });
    else quarantine.push(quarantined(t, 'unreadable tombstone', at));
  }
  return {
    file: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      generation,
      ...(envelope.data.libraryId ? { libraryId: envelope.data.libraryId } : {}),
      annotations,
      deleted,
      quarantine,
    },
    newlyQuarantined: quarantine.length - before,
    ...(migrated.from < CURRENT_SCHEMA_VERSION ? { migratedFrom: migrated.from } : {}),
  };
}
