/** The centre pane: the open article, the selection popover, and the raw text on demand. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFolio } from '../../app/store';
import { api } from '../../lib/api';
import { ArticleHeader } from './ArticleHeader';
import { MetadataDialog } from './MetadataDialog';
import { ArticleBody, versionsForMode } from './ArticleBody';
import { SelectionPopover } from './SelectionPopover';
import { currentReaderSelection, type ReaderSelection } from './reader-selection';
import { createHighlight } from '../annotations/actions';
import type { HighlightColor } from '@shared/types';

/** Highlights the current selection (used by the popover and the `h`/`n` shortcuts). */
export async function highlightSelection(color: HighlightColor, withNote: boolean): Promise<boolean> {
  const sel = currentReaderSelection(useFolio.getState().article);
  if (!sel) return false;
  window.getSelection()?.removeAllRanges();
  await createHighlight(sel.articleId, sel.lang, sel.start, sel.end, color, withNote);
  return true;
}

/** The reader pane. */
export function Reader() {
  const { t } = useTranslation();
  const article = useFolio((s) => s.article);
  const error = useFolio((s) => s.articleError);
  const selectedId = useFolio((s) => s.selectedId);
  const annotations = useFolio((s) => s.annotations);
  const focusedId = useFolio((s) => s.focusedAnnotationId);
  const scrollTarget = useFolio((s) => s.scrollTarget);
  const mode = useFolio((s) => s.settings?.viewMode ?? 'side-by-side');
  const canReveal = useFolio((s) => !!s.info?.capabilities.revealInFolder);
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [raw, setRaw] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    setRaw(null);
    setSelection(null);
  }, [article?.id]);

  useEffect(() => {
    const update = () => setSelection(currentReaderSelection(useFolio.getState().article));
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const onTopParagraph = useCallback((paragraph: number) => {
    const id = useFolio.getState().article?.id;
    if (id) void useFolio.getState().updateSettings({ position: { id, paragraph } });
  }, []);

  if (!article) {
    return (
      <section className="reader-pane" aria-label={t('reader.pick')}>
        <div className="empty-state reader-empty">
          <p>{error ? t('errors.generic', { message: error }) : selectedId ? t('reader.loading') : t('reader.pick')}</p>
        </div>
      </section>
    );
  }
  const { left } = versionsForMode(article, mode);
  const toggleRaw = async () => {
    if (raw !== null) return setRaw(null);
    const r = await api('getRawText', { id: article.id, lang: left.lang });
    setRaw(r.text);
  };

  return (
    <section className="reader-pane" aria-label={left.title}>
      <div className="reader-scroll" tabIndex={-1}>
        <article className="reader-article">
          <ArticleHeader
            version={left}
            canReveal={canReveal}
            onReveal={() => void api('revealInFolder', { id: article.id })}
            showRaw={raw !== null}
            onToggleRaw={() => void toggleRaw()}
            onEdit={() => setEditing(true)}
          />
          {editing && <MetadataDialog article={article} version={left} onClose={() => setEditing(false)} />}
          {raw !== null ? (
            <pre className="raw-text" aria-label={t('reader.showOriginal')}>
              {raw}
            </pre>
          ) : (
            <>
              <ArticleBody
                article={article}
                annotations={annotations}
                mode={mode}
                focusedId={focusedId}
                scrollTarget={scrollTarget}
                onHighlightClick={(id) => useFolio.getState().focusAnnotation(id)}
                onTopParagraph={onTopParagraph}
              />
            </>
          )}
        </article>
      </div>
      {selection && raw === null && (
        <SelectionPopover
          selection={selection}
          onHighlight={(color, withNote) => void highlightSelection(color, withNote)}
          onCopy={() => void navigator.clipboard?.writeText(selection.text)}
        />
      )}
    </section>
  );
}
