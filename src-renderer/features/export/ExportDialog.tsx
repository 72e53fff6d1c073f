/** Export → PDF or Markdown for the current article or the search result set. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';
import { api, onFolioEvent } from '../../lib/api';
import { downloadFile } from './download';
import { ArticlePicker } from './ArticlePicker';
import { errorMessage } from '../../lib/errors';

type Scope = 'current' | 'results' | 'selected';

/** The export dialog. */
export function ExportDialog() {
  const { t } = useTranslation();
  const article = useFolio((s) => s.article);
  const hits = useFolio((s) => s.hits);
  const articles = useFolio((s) => s.articles);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(article ? [article.id] : []));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // Open on a choice that can export something: never on a disabled, empty scope.
  const [scope, setScope] = useState<Scope>(article ? 'current' : hits?.length ? 'results' : 'selected');
  const [format, setFormat] = useState<'pdf' | 'md'>('pdf');
  const [lang, setLang] = useState<'vi' | 'en' | 'both'>('both');
  const [layout, setLayout] = useState<'side-by-side' | 'interleaved'>('side-by-side');
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [flattenHighlights, setFlattenHighlights] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = scope === 'current' ? (article ? [article.id] : []) : scope === 'results' ? (hits ?? []).map((h) => h.id) : articles.map((a) => a.id).filter((id) => picked.has(id));

  useEffect(() => onFolioEvent((e) => e.name === 'exportProgress' && setProgress(e.payload)), []);
  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async () => {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const file = format === 'pdf' ? await api('exportPdf', { ids, lang, layout, paper, flattenHighlights }) : await api('exportMarkdown', { ids });
      downloadFile(file);
      useFolio.getState().showToast(t('export.done', { file: file.fileName }));
      useFolio.getState().setDialog(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('export.title')} onClose={() => useFolio.getState().setDialog(null)}>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>{t('export.scope')}</legend>
          <label className="inline">
            <input type="radio" name="scope" disabled={!article} checked={scope === 'current'} onChange={() => setScope('current')} />
            {t('export.current')}
          </label>
          <label className="inline">
            <input type="radio" name="scope" disabled={!hits?.length} checked={scope === 'results'} onChange={() => setScope('results')} />
            {t('export.results', { count: hits?.length ?? 0 })}
          </label>
          <label className="inline">
            <input type="radio" name="scope" checked={scope === 'selected'} onChange={() => setScope('selected')} />
            {t('export.selected', { count: picked.size })}
          </label>
          {scope === 'selected' && (
            <ArticlePicker articles={articles} picked={picked} onToggle={toggle} />
          )}
        </fieldset>
        <fieldset>
          <legend>{t('export.title')}</legend>
          <label className="inline">
            <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />
            {t('export.pdf')}
          </label>
          <label className="inline">
            <input type="radio" name="format" checked={format === 'md'} onChange={() => setFormat('md')} />
            {t('export.markdown')}
          </label>
        </fieldset>
        {format === 'pdf' && (
          <>
            <label>
              {t('export.lang')}
              <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)}>
                <option value="both">{t('export.both')}</option>
                <option value="vi">VI</option>
                <option value="en">EN</option>
              </select>
            </label>
            <label>
              {t('export.layout')}
              <select value={layout} onChange={(e) => setLayout(e.target.value as typeof layout)}>
                <option value="side-by-side">{t('view.side-by-side')}</option>
                <option value="interleaved">{t('view.interleaved')}</option>
              </select>
            </label>
            <label>
              {t('export.paper')}
              <select value={paper} onChange={(e) => setPaper(e.target.value as typeof paper)}>
                <option value="a4">A4</option>
                <option value="letter">Letter</option>
              </select>
            </label>
            <label className="inline">
              <input type="checkbox" checked={flattenHighlights} onChange={(e) => setFlattenHighlights(e.target.checked)} aria-describedby="export-flatten-hint" />
              {t('export.flatten')}
            </label>
            <p id="export-flatten-hint" className="hint">
              {t('export.flattenHint')}
            </p>
          </>
        )}
        {busy && progress && progress.total > 1 && <progress max={progress.total} value={progress.done} aria-label={t('export.running')} />}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => useFolio.getState().setDialog(null)}>
            {t('export.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || ids.length === 0}>
            {busy ? t('export.running') : t('export.run')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
