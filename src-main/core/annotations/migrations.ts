/**
 * Upgrades older annotations.json formats to the current one, one version step at a time.
 *
 * Version 0 (Folio 0.0.x, before selectors) was a bare JSON array of
 * `{ id, article, text, start, end, color, comment, createdAt }` where `article` is the article
 * id, `text` the highlighted words, `start`/`end` offsets in the normalised text, `color` one of
 * yellow/green/blue/red/purple or a missing value, `comment` plain text and `createdAt` epoch ms.
 * It had no language, no quote context and no article-level notes.
 */
import { z } from 'zod';
import { AnnotationError } from '../../shared/anchoring/errors';
import { CURRENT_SCHEMA_VERSION } from './schema';

const V0RecordSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  article: z.string().min(1),
  text: z.string().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  color: z.string().nullish(),
  comment: z.string().nullish(),
  createdAt: z.union([z.number(), z.string()]),
});

const V0_COLORS: Record<string, string> = { yellow: 'yellow', green: 'green', blue: 'blue', red: 'pink', pink: 'pink', purple: 'purple' };

/** Converts one v0 record to a v1 record, or says why it cannot be (it is then quarantined). */
function migrateV0Record(raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  const r = V0RecordSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, reason: `version 0 record: ${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'}` };
  }
  const v = r.data;
  const created = new Date(v.createdAt);
  if (Number.isNaN(created.getTime())) return { ok: false, reason: 'version 0 record: createdAt is not a date' };
  const iso = created.toISOString();
  const value = {
    id: String(v.id),
    articleId: v.article,
    lang: 'und',
    kind: 'highlight',
    // v0 stored no context: reanchorAll fills prefix/suffix on the first exact match.
    target: {
      quote: { type: 'TextQuoteSelector', exact: v.text, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: v.start, end: v.end },
      paragraph: 0,
    },
    color: V0_COLORS[(v.color ?? 'yellow').toLowerCase()] ?? 'yellow',
    note: v.comment ?? '',
    tags: [],
    created: iso,
    updated: iso,
  };
  return { ok: true, value };
}

/** A record a migration step could not convert, with the reason. */
export interface Unconvertible {
  record: unknown;
  reason: string;
}

/** One step: raw JSON of version n -> raw JSON of version n + 1, plus records it could not convert. */
type MigrationStep = (raw: unknown) => { raw: unknown; rejected: Unconvertible[] };

/** v0 (bare array) -> v1 envelope. */
const v0ToV1: MigrationStep = (raw) => {
  const annotations: unknown[] = [];
  const rejected: Unconvertible[] = [];
  for (const record of Array.isArray(raw) ? raw : []) {
    const m = migrateV0Record(record);
    if (m.ok) annotations.push(m.value);
    else rejected.push({ record, reason: m.reason });
  }
  return { raw: { schemaVersion: 1, annotations, deleted: [], quarantine: [] }, rejected };
};

/** Migration steps: index n converts version n to n + 1. */
const STEPS: readonly MigrationStep[] = [v0ToV1];

/** The schema version of raw file JSON: 0 for a bare array, else its `schemaVersion`, or null. */
export function detectVersion(raw: unknown): number | null {
  if (Array.isArray(raw)) return 0;
  if (raw && typeof raw === 'object' && 'schemaVersion' in raw) {
    const v = (raw as { schemaVersion: unknown }).schemaVersion;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
  }
  return null;
}

/**
 * Brings raw file JSON to the current version. Returns null for JSON that is no known format;
 * throws 'unsupported' for a file from a newer Folio (it is left untouched, never downgraded).
 */
export function migrateToCurrent(raw: unknown): { raw: unknown; from: number; rejected: Unconvertible[] } | null {
  const from = detectVersion(raw);
  if (from === null) return null;
  if (from > CURRENT_SCHEMA_VERSION) {
    throw new AnnotationError(
      'unsupported',
      `annotations.json was written by a newer Folio (schema ${from}; this version reads up to ${CURRENT_SCHEMA_VERSION}).`,
    );
  }
  let current = raw;
  const rejected: Unconvertible[] = [];
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration from schema ${v}`);
    const out = step(current);
    current = out.raw;
    rejected.push(...out.rejected);
  }
  return { raw: current, from, rejected };
}
