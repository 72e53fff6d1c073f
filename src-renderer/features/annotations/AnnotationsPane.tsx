/** The right pane: article notes at the top, highlights in reading order, orphans at the end. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NEW_NOTE, useFolio } from '../../app/store';
import { AnnotationCard } from './AnnotationCard';
import { NoteDraftCard } from './NoteDraftCard';
import { groupForPanel } from './reading-order';
import { startArticleNote } from './actions';

/** The annotations side panel for the open article. */
export function AnnotationsPane() {
  const { t } = useTranslation();
  const article = useFolio((s) => s.article);
  const annotations = useFolio((s) => s.annotations);
  const focused = useFolio((s) => s.focusedAnnotationId);
  const drafting = useFolio((s) => s.editingId === NEW_NOTE);
  const draftNoteId = useFolio((s) => s.draftNoteId);
  // The file went while a note was being written: the store kept that note (see `beingEdited`),
  // and the tree below keeps its shape so the open editor is the same element, typing on.
  const lost = useFolio((s) => (s.article ? null : s.lostArticle));
  const shown = article ?? lost;
  const groups = useMemo(() => groupForPanel(annotations, shown?.versions.map((v) => v.lang) ?? []), [annotations, shown]);
  if (!shown || (!article && annotations.length === 0 && !drafting)) return <section className="annotations-pane" aria-label={t('annotations.title')} />;
  const firstLang = shown.versions[0]?.lang ?? 'vi';
  return (
    <section className="annotations-pane" aria-label={t('annotations.title')}>
      <div className="pane-scroll">
        {article ? <h2 className="pane-heading">{t('annotations.articleNotes')}</h2> : <p className="hint">{t('annotations.fileGone')}</p>}
        {groups.notes
          .filter((a) => !(drafting && a.id === draftNoteId))
          .map((a) => (
            <AnnotationCard key={a.id} annotation={a} focused={a.id === focused} />
          ))}
        {drafting ? (
          <NoteDraftCard articleId={shown.id} lang={firstLang} />
        ) : !article ? null : (
          <button type="button" className="add-note" onClick={startArticleNote}>
            + {t('annotations.addArticleNote')}
          </button>
        )}
        {article && <h2 className="pane-heading">{t('annotations.title')}</h2>}
        {groups.highlights.length === 0 && groups.orphaned.length === 0 && <p className="hint">{t('annotations.none')}</p>}
        <div role="list" aria-label={t('annotations.title')}>
          {groups.highlights.map((a) => (
            <div role="listitem" key={a.id}>
              <AnnotationCard annotation={a} focused={a.id === focused} />
            </div>
          ))}
          {groups.orphaned.map((a) => (
            <div role="listitem" key={a.id}>
              <AnnotationCard annotation={a} focused={a.id === focused} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
