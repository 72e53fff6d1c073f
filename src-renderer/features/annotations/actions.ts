/** Annotation actions shared by the reader, the side panel and the keyboard shortcuts. */
import i18n from '../../lib/i18n';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { NEW_NOTE, useFolio } from '../../app/store';
import { foreground } from '../../app/background';
import type { HighlightColor, Lang } from '@shared/types';

/**
 * Runs an API call and reports a failure as a toast, in the user's language. A foreground
 * request: background list loading waits for it.
 */
async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await foreground(work());
  } catch (err) {
    useFolio.getState().showToast(errorMessage(err));
    return undefined;
  }
}

/**
 * A new change (or an undo/redo) supersedes the Undo toast of an earlier action: the toast must
 * not stay to revert something else.
 */
function dropUndoToast(): void {
  if (useFolio.getState().toast?.action?.annotationId) useFolio.setState({ toast: null });
}

/** Creates a highlight and focuses its card; `withNote` opens the note editor. */
export async function createHighlight(articleId: string, lang: Lang, start: number, end: number, color: HighlightColor, withNote = false) {
  dropUndoToast();
  const created = await guarded(() => api('createHighlight', { articleId, lang, start, end, color }));
  if (!created) return;
  await useFolio.getState().refreshAnnotations();
  useFolio.setState({ focusedAnnotationId: created.id, editingId: withNote ? created.id : null });
}

/** Deletes an annotation and offers an Undo that reverts exactly this delete. */
export async function deleteAnnotation(id: string) {
  dropUndoToast();
  const done = await guarded(() => api('deleteAnnotation', { id }));
  if (!done) return;
  await useFolio.getState().refreshAnnotations();
  useFolio.getState().showToast(i18n.t('annotations.deleted'), {
    label: i18n.t('annotations.undo'),
    annotationId: id,
    // Scoped: the API refuses ('undo-superseded') unless the last action is this delete.
    run: () => void undo(id),
  });
}

/** Undoes the last annotation change (or, with `id`, only if that change was on `id`). */
export async function undo(id?: string) {
  dropUndoToast();
  const r = await guarded(() => api('undo', id ? { id } : {}));
  if (r === undefined) return;
  await useFolio.getState().refreshAnnotations();
  if (!id) tellWhere(r, 'undo');
}

/** Redoes the last undone change. */
export async function redo() {
  dropUndoToast();
  const r = await guarded(() => api('redo', {}));
  if (r === undefined) return;
  await useFolio.getState().refreshAnnotations();
  tellWhere(r, 'redo');
}

/**
 * Ctrl/Cmd+Z reverts the library's last change, which may be in an article not on screen: say
 * where (with a way there), or that there was nothing to revert, rather than change nothing visible.
 */
function tellWhere(r: { articleId: string } | null, direction: 'undo' | 'redo'): void {
  const s = useFolio.getState();
  if (r === null) {
    s.showToast(i18n.t(direction === 'undo' ? 'annotations.nothingToUndo' : 'annotations.nothingToRedo'));
    return;
  }
  if (r.articleId === s.article?.id) return;
  void s.refreshCounts([r.articleId]);
  const title = s.articles.find((a) => a.id === r.articleId)?.title ?? r.articleId;
  s.showToast(i18n.t(direction === 'undo' ? 'annotations.undoneElsewhere' : 'annotations.redoneElsewhere', { title }), {
    label: i18n.t('annotations.openArticle'),
    run: () => void useFolio.getState().openArticle(r.articleId),
  });
}

/** Saves a note, colour or tags change. */
export async function updateAnnotation(id: string, patch: { note?: string; color?: HighlightColor; tags?: string[] }) {
  dropUndoToast();
  await guarded(() => api('updateAnnotation', { id, ...patch }));
  await useFolio.getState().refreshAnnotations();
}

/**
 * Opens an editor for a new article-level note. Nothing is stored until there is text (the store
 * refuses empty notes): the editor's first save creates the note, later saves update it.
 */
export function startArticleNote() {
  useFolio.setState({ editingId: NEW_NOTE, draftNoteId: null, focusedAnnotationId: null });
}

/** Closes whichever note editor is open. */
export function stopEditing() {
  useFolio.setState({ editingId: null, draftNoteId: null });
}

/** Creates the article note the draft editor holds; returns its id (undefined for empty text or a failure). */
export async function createArticleNote(articleId: string, lang: Lang, note: string): Promise<string | undefined> {
  if (!note.trim()) return undefined;
  dropUndoToast();
  const created = await guarded(() => api('createNote', { articleId, lang, note }));
  if (!created) return undefined;
  if (useFolio.getState().editingId === NEW_NOTE) useFolio.setState({ draftNoteId: created.id });
  // The note exists now: a failed refresh must not hide its id (the next save would create another).
  await guarded(() => useFolio.getState().refreshAnnotations());
  return created.id;
}

/** Copies the selected text to the clipboard and says so (or says that it could not). */
export async function copyText(text: string) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No clipboard permission (a browser tab): the selection is still there, copy it the old way.
    copied = document.execCommand('copy');
  }
  useFolio.getState().showToast(i18n.t(copied ? 'feedback.copied' : 'feedback.copyFailed'));
}
