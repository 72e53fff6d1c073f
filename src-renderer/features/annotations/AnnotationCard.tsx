/** One annotation in the side panel: quote, colour, Markdown note (inline editor, autosaved), tags. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLORS, type AnchoredAnnotation } from '@shared/types';
import { Markdown } from '../../components/Markdown';
import { useFolio } from '../../app/store';
import { deleteAnnotation, stopEditing, updateAnnotation } from './actions';
import { useAutosave } from './use-autosave';
import { NoteEditor } from './NoteEditor';
import { counterpartOf } from '../reader/cross-language';

export interface AnnotationCardProps {
  annotation: AnchoredAnnotation;
  focused: boolean;
}

/** A card; clicking it focuses the highlight in the reader. */
export function AnnotationCard({ annotation: a, focused }: AnnotationCardProps) {
  const { t } = useTranslation();
  const editing = useFolio((s) => s.editingId === a.id);
  const article = useFolio((s) => s.article);
  const counterpart = article ? counterpartOf(article, a) : null;
  const ref = useRef<HTMLElement>(null);
  const note = useAutosave(a.note, (v) => updateAnnotation(a.id, { note: v }));
  const tags = useAutosave(a.tags.join(', '), (v) =>
    updateAnnotation(a.id, { tags: v.split(',').map((x) => x.trim()).filter(Boolean) }),
  );

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);

  const focusInReader = () => useFolio.getState().focusAnnotation(a.id, true);
  const setEditing = (on: boolean) => (on ? useFolio.setState({ editingId: a.id, draftNoteId: null }) : stopEditing());

  return (
    <article
      ref={ref}
      className={`annotation-card color-${a.color}${focused ? ' focused' : ''}${a.orphaned ? ' orphaned' : ''}`}
      data-annotation-id={a.id}
      aria-current={focused ? 'true' : undefined}
    >
      {a.target && (
        <button type="button" className="card-quote" onClick={focusInReader} lang={a.lang}>
          <span className="swatch" aria-hidden="true" />
          <q>{a.target.quote.exact}</q>
        </button>
      )}
      {counterpart && (
        <p className="card-translation" lang={counterpart.version.lang === 'und' ? undefined : counterpart.version.lang}>
          <span className="badge">{counterpart.version.lang.toUpperCase()}</span> {counterpart.text}
        </p>
      )}
      {a.orphaned && (
        <p className="orphan-note" role="note">
          <strong>{t('annotations.orphaned')}</strong> {t('annotations.orphanedHelp')}
        </p>
      )}
      {editing ? (
        <NoteEditor label={t('annotations.edit')} value={note.draft} onChange={note.setDraft} onDone={() => setEditing(false)} />
      ) : a.note ? (
        <div className="card-note" onDoubleClick={() => setEditing(true)}>
          <Markdown text={a.note} />
        </div>
      ) : null}
      <div className="card-actions">
        {a.kind === 'highlight' && !a.orphaned && (
          <span className="color-picker" role="group" aria-label={t('popover.highlight')}>
            {HIGHLIGHT_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                className={`swatch-button color-${c}`}
                aria-label={t('popover.color', { color: t(`colors.${c}`) })}
                aria-pressed={a.color === c}
                onClick={() => void updateAnnotation(a.id, { color: c })}
              />
            ))}
          </span>
        )}
        <button type="button" className="link-button" onClick={() => setEditing(!editing)}>
          {editing ? t('annotations.done') : t('annotations.edit')}
        </button>
        <button type="button" className="link-button danger" onClick={() => void deleteAnnotation(a.id)}>
          {t('annotations.delete')}
        </button>
        {note.saving && <span className="saving">{t('annotations.saved')}</span>}
      </div>
      <label className="card-tags">
        <span>{t('annotations.tags')}</span>
        <input
          type="text"
          value={tags.draft}
          placeholder={t('annotations.tagsPlaceholder')}
          onChange={(e) => tags.setDraft(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
    </article>
  );
}
