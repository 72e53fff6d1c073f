/** The editor of a new article note: stores nothing until there is text, then saves as you type. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@shared/types';
import { createArticleNote, stopEditing, updateAnnotation } from './actions';
import { useAutosave } from './use-autosave';
import { NoteEditor } from './NoteEditor';

export interface NoteDraftCardProps {
  articleId: string;
  lang: Lang;
}

/** A card with a focused note editor; the first save creates the note, later saves update it. */
export function NoteDraftCard({ articleId, lang }: NoteDraftCardProps) {
  const { t } = useTranslation();
  const createdId = useRef<string | null>(null);
  // Saves run one after another, so a second save never creates a second note.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const note = useAutosave('', (v) => {
    // A failed link must not stop the chain: each later save still runs (and says why it failed).
    chain.current = chain.current.catch(() => undefined).then(async () => {
      if (createdId.current) await updateAnnotation(createdId.current, { note: v });
      else createdId.current = (await createArticleNote(articleId, lang, v)) ?? null;
    });
    return chain.current;
  });
  // The first keystroke creates the note at once rather than after the autosave delay: the
  // article's file may go meanwhile (deleted, synced away), and the store then refuses to create a
  // note on it, while updates of a note that exists still succeed.
  const creating = useRef(false);
  const onChange = (v: string) => {
    note.setDraft(v);
    if (creating.current || !v.trim()) return;
    creating.current = true;
    note.flush();
  };
  return (
    <article className="annotation-card note-draft" data-annotation-id="new-note">
      <NoteEditor label={t('annotations.addArticleNote')} value={note.draft} onChange={onChange} onDone={stopEditing} />
      <div className="card-actions">
        <button type="button" className="link-button" onClick={stopEditing}>
          {t('annotations.done')}
        </button>
        {note.saving && <span className="saving">{t('annotations.saved')}</span>}
      </div>
    </article>
  );
}
