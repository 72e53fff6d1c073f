/**
 * Export → PDF or Markdown for the current article, the whole search result set (every match,
 * not only the pages loaded, up to EXPORT_MAX_ARTICLES) or articles picked in the library's order.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_MAX_ARTICLES, type SearchIds } from '@shared/api';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';
import { api, onFolioEvent } from '../../lib/api';
import { downloadFile } from './download';
import { ArticlePicker } from './ArticlePicker';
import { errorMessage } from '../../lib/errors';
import { sortAndFilter, type ListFilter } from '../library/sort-articles';

type Scope = 'current' | 'results' | 'selected';

/** The picker lists the whole library (it has its own title filter), in the list's order. */
const WHOLE_LIBRARY: ListFilter = { lang: null, tag: null };

/** The export dialog. */
export function ExportDialog() {
  const { t, i18n } = useTranslation();
  const article = useFolio((s) => s.article);
  const hits = useFolio((s) => s.hits);
  const query = useFolio((s) => s.query);
  const searchTotal = useFolio((s) => s.searchTotal);
  const searchApproximate = useFolio((s) => s.searchApproximate);
  const articles = useFolio((s) => s.articles);
  const sort = useFolio((s) => s.settings?.sort ?? 'date');
  const lastRead = useFolio((s) => s.settings?.lastRead);
  // The same order, by the same function, as the article list.
  const ordered = useMemo(
    () => sortAndFilter(articles, sort, WHOLE_LIBRARY, i18n.language, sort === 'recent' ? lastRead : undefined),
    [articles, sort, i18n.language, lastRead],
  );
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
  // Every match of the search (the list holds only the pages loaded so far), asked for once.
  const [resultSet, setResultSet] = useState<SearchIds | null>(null);
  useEffect(() => {
    if (!hits?.length || !query.trim()) return;
    let live = true;
    api('searchIds', { query, prefix: true })
      .then((r) => live && setResultSet(r))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [hits, query]);
  const resultCount = resultSet?.total ?? searchTotal;
  const ids = scope === 'current' ? (article ? [article.id] : []) : scope === 'results' ? (resultSet?.ids ?? []) : ordered.map((a) => a.id).filter((id) => picked.has(id));
  const fileNameLang = i18n.language.startsWith('vi') ? 'vi' : 'en';

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
      const file = format === 'pdf' ? await api('exportPdf', { ids, lang, layout, paper, flattenHighlights, fileNameLang }) : await api('exportMarkdown', { ids, fileNameLang });
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
            {t(!resultSet && searchApproximate ? 'export.resultsAbout' : 'export.results', { count: hits?.length ? resultCount : 0 })}
          </label>
          {scope === 'results' && resultSet && resultSet.ids.length < resultSet.total && (
            <p className="hint" role="status">
              {t('export.resultsCapped', { count: resultSet.total, max: EXPORT_MAX_ARTICLES })}
            </p>
          )}
          <label className="inline">
            <input type="radio" name="scope" checked={scope === 'selected'} onChange={() => setScope('selected')} />
            {t('export.selected', { count: picked.size })}
          </label>
          {scope === 'selected' && (
            <ArticlePicker articles={ordered} picked={picked} onToggle={toggle} />
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
