/** Annotation actions shared by the reader, the side panel and the keyboard shortcuts. */
import i18n from '../../lib/i18n';
import { api } from '../../lib/api';
import { useFolio } from '../../app/store';
import type { HighlightColor, Lang } from '@shared/types';

/** Runs an API call and reports a failure as a toast. */
async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    useFolio.getState().showToast(i18n.t('errors.generic', { message: err instanceof Error ? err.message : String(err) }));
    return undefined;
  }
}

/** Creates a highlight and focuses its card; `withNote` opens the note editor. */
export async function createHighlight(articleId: string, lang: Lang, start: number, end: number, color: HighlightColor, withNote = false) {
  const created = await guarded(() => api('createHighlight', { articleId, lang, start, end, color }));
  if (!created) return;
  await useFolio.getState().refreshAnnotations();
  useFolio.setState({ focusedAnnotationId: created.id, editingId: withNote ? created.id : null });
}

/** Deletes an annotation and offers Undo. */
export async function deleteAnnotation(id: string) {
  const done = await guarded(() => api('deleteAnnotation', { id }));
  if (!done) return;
  await useFolio.getState().refreshAnnotations();
  useFolio.getState().showToast(i18n.t('annotations.deleted'), { label: i18n.t('annotations.undo'), run: () => void undo() });
}

/** Undoes the last annotation change. */
export async function undo() {
  const r = await guarded(() => api('undo', {}));
  if (r !== undefined) await useFolio.getState().refreshAnnotations();
}

/** Redoes the last undone change. */
export async function redo() {
  const r = await guarded(() => api('redo', {}));
  if (r !== undefined) await useFolio.getState().refreshAnnotations();
}

/** Saves a note, colour or tags change. */
export async function updateAnnotation(id: string, patch: { note?: string; color?: HighlightColor; tags?: string[] }) {
  await guarded(() => api('updateAnnotation', { id, ...patch }));
  await useFolio.getState().refreshAnnotations();
}

/** Adds an article-level note. */
export async function addArticleNote(articleId: string, lang: Lang) {
  const created = await guarded(() => api('createNote', { articleId, lang, note: '' }));
  if (!created) return;
  await useFolio.getState().refreshAnnotations();
  useFolio.setState({ focusedAnnotationId: created.id, editingId: created.id });
}
