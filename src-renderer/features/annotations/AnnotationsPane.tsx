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
  const groups = useMemo(() => groupForPanel(annotations, article?.versions.map((v) => v.lang) ?? []), [annotations, article]);
  if (!article) return <section className="annotations-pane" aria-label={t('annotations.title')} />;
  const firstLang = article.versions[0]?.lang ?? 'vi';
  return (
    <section className="annotations-pane" aria-label={t('annotations.title')}>
      <div className="pane-scroll">
        <h2 className="pane-heading">{t('annotations.articleNotes')}</h2>
        {groups.notes
          .filter((a) => !(drafting && a.id === draftNoteId))
          .map((a) => (
            <AnnotationCard key={a.id} annotation={a} focused={a.id === focused} />
          ))}
        {drafting ? (
          <NoteDraftCard articleId={article.id} lang={firstLang} />
        ) : (
          <button type="button" className="add-note" onClick={startArticleNote}>
            + {t('annotations.addArticleNote')}
          </button>
        )}
        <h2 className="pane-heading">{t('annotations.title')}</h2>
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
