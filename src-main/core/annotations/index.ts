/**
 * Folio's annotation store (lowdb JSON snapshot plus an append-only journal, durable writes, a
 * cross-process lock that trusts no clock, generations, daily backups, migrations, quarantine of
 * invalid records, undo/redo, library identity) and its import/export formats.
 * Anchoring lives in shared/anchoring (pure; the renderer uses it too).
 */
export { AnnotationStore, type StoreOptions } from './store';
export type { NewHighlight, NewNote, AnnotationPatch } from './new-records';
export type { OpenReport } from './load-at-open';
export type { AnnotationQuery } from './query';
export type { ImportResult } from './record-ops';
export type { Bilingual } from './messages';
export { CURRENT_SCHEMA_VERSION } from './schema';
/** Size- and depth-limited JSON parsing, for any `.folio/` file (they travel with shared libraries). */
export { parseBoundedJson, jsonDepth, JsonLimitError, type JsonLimits } from './bounded-json';
export { toMarkdown, fromMarkdown } from './export-markdown';
export { toW3C, fromW3C } from './w3c';
export { findQuote, reanchorAll, AnnotationError, isAnnotationError } from '../../shared/anchoring/index';
