/**
 * zod schemas for what annotations.json holds. Every record is validated on every read: a file
 * edited by hand, synced by another tool or written by a newer Folio must not crash the app or
 * hide the other records (one bad entry hid all annotations in obsidian-annotator#194).
 */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, LANGS, type Annotation } from '../../shared/types';

/** The schema version this build writes. */
export const CURRENT_SCHEMA_VERSION = 1;

const IsoTime = z.iso.datetime({ offset: true, local: true });

const QuoteSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1000),
  suffix: z.string().max(1000),
});

const PositionSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((p) => p.start < p.end, 'position start must be before end');

const TargetSchema = z.object({ quote: QuoteSchema, position: PositionSchema, paragraph: z.number().int().min(0) });

/** One annotation as stored (the shared `Annotation` type). */
export const AnnotationSchema = z
  .object({
    id: z.string().min(1).max(200),
    articleId: z.string().min(1).max(200),
    lang: z.enum(LANGS),
    kind: z.enum(['highlight', 'note']),
    target: TargetSchema.nullable(),
    color: z.enum(HIGHLIGHT_COLORS),
    note: z.string().max(1_000_000),
    tags: z.array(z.string().min(1).max(200)).max(200),
    created: IsoTime,
    updated: IsoTime,
  })
  .refine((a) => (a.kind === 'highlight') === (a.target !== null), 'a highlight needs a target and a note must not have one');

/** A delete, remembered so a stale copy elsewhere cannot bring the record back. */
export const TombstoneSchema = z.object({
  id: z.string().min(1),
  at: IsoTime,
  /** The store generation of the delete (absent in files written before generations existed). */
  g: z.number().int().min(0).optional(),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;

/** A record that failed validation, kept verbatim with the reason (never dropped). */
export const QuarantinedSchema = z.object({ record: z.unknown(), reason: z.string(), at: IsoTime });
export type Quarantined = z.infer<typeof QuarantinedSchema>;

/** The envelope of a v1 file; records inside are validated one by one (see file-format.ts). */
export const FileEnvelopeSchema = z.object({
  schemaVersion: z.number().int(),
  generation: z.number().int().min(0).optional(),
  libraryId: z.string().min(1).max(200).optional(),
  annotations: z.array(z.unknown()),
  deleted: z.array(z.unknown()).optional(),
  quarantine: z.array(z.unknown()).optional(),
});

/** The in-memory shape of annotations.json (current schema). */
export interface AnnotationFile {
  schemaVersion: number;
  /**
   * Monotonic count of committed operations (each journal entry and compaction carries it):
   * recovery and pruning compare generations, never file names or clocks.
   */
  generation: number;
  /** The library this store belongs to (a store copied in from elsewhere is not adopted silently). */
  libraryId?: string;
  annotations: Annotation[];
  deleted: Tombstone[];
  quarantine: Quarantined[];
}

/** An empty file in the current schema. */
export function emptyFile(): AnnotationFile {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, generation: 0, annotations: [], deleted: [], quarantine: [] };
}

/** Validates one record; returns the annotation or a one-line reason. */
export function validateAnnotation(raw: unknown): { ok: true; value: Annotation } | { ok: false; reason: string } {
  const r = AnnotationSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as Annotation };
  const first = r.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'invalid record' };
}
