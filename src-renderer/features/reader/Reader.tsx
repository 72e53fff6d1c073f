/** The centre pane: the open article, the selection popover, and the raw text on demand. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { panesShown, useFolio } from '../../app/store';
import { useFit } from '../../app/fit-context';
import { api } from '../../lib/api';
import { ArticleHeader } from './ArticleHeader';
import { MetadataDialog } from './MetadataDialog';
import { ArticleBody, versionsForMode } from './ArticleBody';
import { SelectionPopover } from './SelectionPopover';
import { currentReaderSelection, type ReaderSelection } from './reader-selection';
import { copyText, createHighlight } from '../annotations/actions';
import { errorMessage, messageFor } from '../../lib/errors';
import type { HighlightColor } from '@shared/types';

/** Highlights the current selection (used by the popover and the `h`/`n` shortcuts). */
export async function highlightSelection(color: HighlightColor, withNote: boolean): Promise<boolean> {
  const sel = currentReaderSelection(useFolio.getState().article);
  if (!sel) return false;
  window.getSelection()?.removeAllRanges();
  await createHighlight(sel.articleId, sel.lang, sel.start, sel.end, color, withNote);
  return true;
}

/** The notice for the side panes the column fit hides (null when it hides none of those shown). */
function hiddenNotice(hidden: { library: boolean; annotations: boolean }, t: (key: string) => string): string | null {
  if (hidden.library && hidden.annotations) return t('layout.panesHidden');
  if (hidden.library) return t('layout.libraryHidden');
  if (hidden.annotations) return t('layout.annotationsHidden');
  return null;
}

/** The reader pane. */
export function Reader() {
  const { t } = useTranslation();
  const article = useFolio((s) => s.article);
  const error = useFolio((s) => s.articleError);
  const selectedId = useFolio((s) => s.selectedId);
  const annotations = useFolio((s) => s.annotations);
  const focusedId = useFolio((s) => s.focusedAnnotationId);
  const cursor = useFolio((s) => s.cursor);
  const scrollTarget = useFolio((s) => s.scrollTarget);
  const savedMode = useFolio((s) => s.settings?.viewMode ?? 'side-by-side');
  const fit = useFit();
  // Too narrow for two legible columns even without panes: interleave instead (and say so).
  const mode = savedMode === 'side-by-side' && fit?.interleave ? 'interleaved' : savedMode;
  // Says only what is hidden now: a search shows the library even where the fit hid it, and an
  // open note editor shows the annotations pane.
  const hidden = {
    library: useFolio((s) => fit.hideLibrary && !panesShown(s, fit).library),
    annotations: useFolio((s) => fit.hideAnnotations && !panesShown(s, fit).annotations),
  };
  const fitNotice = fit?.interleave ? t('layout.interleaved') : hiddenNotice(hidden, t);
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
          <p role={error ? 'alert' : undefined}>{error ? messageFor(error) : selectedId ? t('reader.loading') : t('reader.pick')}</p>
        </div>
      </section>
    );
  }
  const { left } = versionsForMode(article, mode);
  const toggleRaw = async () => {
    if (raw !== null) return setRaw(null);
    try {
      setRaw((await api('getRawText', { id: article.id, lang: left.lang })).text);
    } catch (err) {
      useFolio.getState().showToast(errorMessage(err));
    }
  };

  return (
    <section className="reader-pane" aria-label={left.title}>
      {fitNotice && (
        <p className="fit-notice" role="status">
          {fitNotice}{' '}
          {!fit?.interleave && (
            <button type="button" className="link-button" onClick={() => useFolio.setState({ showPanesAnyway: true })}>
              {t('layout.showPanes')}
            </button>
          )}
        </p>
      )}
      <div className="reader-scroll" tabIndex={-1}>
        <article className="reader-article">
          <ArticleHeader
            version={left}
            canReveal={canReveal}
            onReveal={() => void api('revealInFolder', { id: article.id }).catch((err: unknown) => useFolio.getState().showToast(errorMessage(err)))}
            showRaw={raw !== null}
            onToggleRaw={() => void toggleRaw()}
            onJump={(paragraph) => useFolio.setState({ scrollTarget: { lang: left.lang, paragraph } })}
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
                cursor={cursor}
                // Once the keyboard cursor is showing, a click moves it (mouse-only reading never shows it).
                onParagraphClick={(lang, paragraph) => useFolio.getState().cursor && useFolio.setState({ cursor: { lang, paragraph } })}
              />
            </>
          )}
        </article>
      </div>
      {selection && raw === null && (
        <SelectionPopover
          selection={selection}
          onHighlight={(color, withNote) => void highlightSelection(color, withNote)}
          onCopy={() => void copyText(selection.text)}
        />
      )}
    </section>
  );
}
