/**
 * Folio's annotation store (lowdb JSON with durable writes, a cross-process lock, daily backups,
 * migrations, quarantine of invalid records, undo/redo) and its import/export formats.
 * Anchoring lives in shared/anchoring (pure; the renderer uses it too).
 */
export { AnnotationStore, type StoreOptions } from './store';
export type { NewHighlight, NewNote, AnnotationPatch } from './new-records';
export type { OpenReport } from './load-at-open';
export type { AnnotationQuery } from './query';
export type { ImportResult } from './record-ops';
export type { Bilingual } from './messages';
export { CURRENT_SCHEMA_VERSION } from './schema';
export { toMarkdown, fromMarkdown } from './export-markdown';
export { toW3C, fromW3C } from './w3c';
export { findQuote, reanchorAll, AnnotationError, isAnnotationError } from '../../shared/anchoring/index';
