/**
 * The notebook: every highlight and note of the library in one view, filterable (colour, tag,
 * language, article, date, text with diacritics optional), sorted by article or date. A click
 * opens the article at the highlight; a selection exports as Markdown or PDF; the tag list shows
 * counts and renames (or merges) tags.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLORS, type Annotation } from '@shared/types';
import { Dialog } from '../../components/Dialog';
import { Markdown } from '../../components/Markdown';
import { useFolio } from '../../app/store';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/i18n';
import { downloadFile } from '../export/download';
import { EMPTY_FILTER, filterNotebook, notebookMarkdown, sortNotebook, tagCounts, titlesOf, type NotebookFilter, type NotebookSort } from './notebook-model';
import { TagList } from './TagList';
import { DateField } from '../../components/DateField';
import { counterpartOf } from '../reader/cross-language';

/** UTF-8 text as base64 (what ExportedFile carries). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The other language's aligned sentences of each highlight in a translation pair, by annotation id. */
async function counterparts(items: readonly Annotation[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(items.filter((a) => a.kind === 'highlight').map((a) => a.articleId))];
  for (const id of ids) {
    const article = await api('getArticle', { id }).catch(() => null);
    if (!article || article.versions.length < 2) continue;
    for (const a of items) {
      const other = a.articleId === id ? counterpartOf(article, a) : null;
      if (other) out.set(a.id, other.text);
    }
  }
  return out;
}

/** Opens the article at the annotation (switching to a view that shows its language). */
function jumpTo(a: Annotation) {
  const s = useFolio.getState();
  s.setDialog(null);
  const mode = s.settings?.viewMode;
  if ((mode === 'vi' || mode === 'en') && mode !== a.lang && a.lang !== 'und') void s.updateSettings({ viewMode: a.lang });
  void s.openArticle(a.articleId, a.target ? { lang: a.lang, paragraph: a.target.paragraph, annotationId: a.id } : null);
}

/** The notebook dialog. */
export function Notebook() {
  const { t, i18n } = useTranslation();
  const articles = useFolio((s) => s.articles);
  const [all, setAll] = useState<Annotation[] | null>(null);
  const [filter, setFilter] = useState<NotebookFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<NotebookSort>('article');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // How many articles the PDF export left out: said in the dialog from the click until the user
  // dismisses it (a timed toast could vanish before a slow export had finished).
  const [leftOut, setLeftOut] = useState(0);
  // Bumped by "clear all filters": the date fields start afresh, dropping a half-typed mistake too.
  const [cleared, setCleared] = useState(0);
  const clearFilters = () => {
    setFilter(EMPTY_FILTER);
    setCleared((n) => n + 1);
  };

  const load = () =>
    api('searchAnnotations', {})
      .then(setAll)
      .catch((err: unknown) => setError(errorMessage(err)));
  useEffect(() => void load(), []);

  const titles = useMemo(() => {
    const known = titlesOf(articles);
    // A highlight whose file was deleted or renamed away is kept (never dropped), under a heading
    // that says so rather than the article's internal id.
    for (const a of all ?? []) if (!known.has(a.articleId)) known.set(a.articleId, t('notebook.missingArticle'));
    return known;
  }, [articles, all, t]);
  // Only articles with annotations can match: the rest would be dead choices (and, in a library of
  // 50,000 articles, 50,000 options). The chosen one stays listed after its last annotation goes.
  const annotated = useMemo(() => {
    const ids = new Set((all ?? []).map((a) => a.articleId));
    return articles.filter((a) => ids.has(a.id) || a.id === filter.articleId);
  }, [articles, all, filter.articleId]);
  const shown = useMemo(() => sortNotebook(filterNotebook(all ?? [], filter, titles), sort, titles, i18n.language), [all, filter, titles, sort, i18n.language]);
  const tags = useMemo(() => tagCounts(all ?? []), [all]);
  const selected = shown.filter((a) => picked.has(a.id));
  const set = (patch: Partial<NotebookFilter>) => setFilter({ ...filter, ...patch });
  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const exportMarkdown = async () => {
    try {
      const md = notebookMarkdown(selected, titles, { heading: t('notebook.title'), articleNote: t('annotations.articleNotes'), tags: t('annotations.tags'), translation: t('notebook.translation') }, await counterparts(selected));
      downloadFile({ fileName: `${t('notebook.fileName')}.md`, mimeType: 'text/markdown', base64: base64Utf8(md) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const exportPdf = async () => {
    setBusy(true);
    setError(null);
    setLeftOut(0);
    try {
      const all = [...new Set(selected.map((a) => a.articleId))];
      // An article whose file is gone cannot be laid out: export the others and say so, rather
      // than refusing the whole selection (its highlights still export to Markdown). Only a
      // complete list can tell a gone article from one not loaded yet.
      const { articles: known, listComplete } = useFolio.getState();
      const present = new Set(known.map((a) => a.id));
      const ids = listComplete ? all.filter((id) => present.has(id)) : all;
      const left = all.length - ids.length;
      if (ids.length === 0) {
        setError(t('notebook.pdfNoArticles'));
        return;
      }
      setLeftOut(left);
      downloadFile(await api('exportPdf', { ids, lang: 'both', layout: 'side-by-side', paper: 'a4', fileNameLang: i18n.language.startsWith('vi') ? 'vi' : 'en' }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('notebook.title')} className="notebook" onClose={() => useFolio.getState().setDialog(null)}>
      <div className="notebook-layout">
        <TagList
          tags={tags}
          active={filter.tag}
          onPick={(tag) => set({ tag: filter.tag === tag ? null : tag })}
          onRenamed={() => {
            void load();
            set({ tag: null });
          }}
          onError={setError}
        />
        <div className="notebook-main">
          <div className="notebook-filters">
            <input type="search" aria-label={t('notebook.search')} placeholder={t('notebook.search')} value={filter.text} onChange={(e) => set({ text: e.target.value })} />
            <select aria-label={t('notebook.colour')} value={filter.color ?? ''} onChange={(e) => set({ color: (e.target.value || null) as NotebookFilter['color'] })}>
              <option value="">{t('notebook.colour')}: {t('library.all')}</option>
              {HIGHLIGHT_COLORS.map((c) => (
                <option key={c} value={c}>
                  {t(`colors.${c}`)}
                </option>
              ))}
            </select>
            <select aria-label={t('library.filterLang')} value={filter.lang ?? ''} onChange={(e) => set({ lang: (e.target.value || null) as NotebookFilter['lang'] })}>
              <option value="">{t('library.filterLang')}: {t('library.all')}</option>
              <option value="vi">VI</option>
              <option value="en">EN</option>
            </select>
            <select className="article-filter" aria-label={t('notebook.article')} value={filter.articleId ?? ''} onChange={(e) => set({ articleId: e.target.value || null })}>
              <option value="">{t('notebook.article')}: {t('library.all')}</option>
              {annotated.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
            <DateField key={`from-${cleared}`} label={t('notebook.from')} value={filter.from} whileWrong={(v) => (v ? t('filters.dateKept', { date: formatDate(v, i18n.language) }) : t('filters.dateNotApplied'))} onChange={(from) => set({ from })} />
            <DateField key={`to-${cleared}`} label={t('notebook.to')} value={filter.to} whileWrong={(v) => (v ? t('filters.dateKeptTo', { date: formatDate(v, i18n.language) }) : t('filters.dateNotApplied'))} onChange={(to) => set({ to })} />
            {filter.from && filter.to && filter.from > filter.to && (
              <span className="field-error" role="alert">
                {t('filters.dateOrder')}
              </span>
            )}
            <select aria-label={t('library.sort')} value={sort} onChange={(e) => setSort(e.target.value as NotebookSort)}>
              <option value="article">{t('notebook.byArticle')}</option>
              <option value="date">{t('notebook.byDate')}</option>
            </select>
          </div>
          <p className="result-count" role="status">
            {all === null ? t('app.loading') : t('notebook.count', { count: shown.length })}
          </p>
          {all !== null && all.length > 0 && shown.length === 0 && (
            // Filters that match nothing: say so and offer the way back, rather than an empty area.
            <div className="empty-state notebook-empty">
              <p>{t('notebook.noMatch')}</p>
              <button type="button" onClick={clearFilters}>
                {t('notebook.clearFilters')}
              </button>
            </div>
          )}
          <ul className="notebook-list" aria-label={t('notebook.title')}>
            {shown.map((a, i) => (
              <li key={a.id} className={`notebook-item color-${a.color}`} data-annotation-id={a.id}>
                {(sort === 'article' && shown[i - 1]?.articleId !== a.articleId) && <h3 className="notebook-article">{titles.get(a.articleId) ?? a.articleId}</h3>}
                <div className="notebook-row">
                  <input type="checkbox" aria-label={t('notebook.select')} checked={picked.has(a.id)} onChange={() => toggle(a.id)} />
                  <button type="button" className="notebook-open" onClick={() => jumpTo(a)} lang={a.lang === 'und' ? undefined : a.lang}>
                    <span className="swatch" aria-hidden="true" />
                    {a.target ? <q>{a.target.quote.exact}</q> : <em>{t('annotations.articleNotes')}</em>}
                  </button>
                </div>
                {a.note.trim() && (
                  <div className="notebook-note">
                    <Markdown text={a.note} />
                  </div>
                )}
                <p className="notebook-meta">
                  <span className="badge">{a.lang.toUpperCase()}</span> <time dateTime={a.created}>{formatDate(a.created.slice(0, 10), i18n.language)}</time>
                  {sort === 'date' && <span> · {titles.get(a.articleId)}</span>}
                  {a.tags.length > 0 && <span> · {a.tags.join(', ')}</span>}
                </p>
              </li>
            ))}
          </ul>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {leftOut > 0 && (
            <p className="notice notebook-left-out" role="status">
              {t('notebook.pdfLeftOut', { count: leftOut })}{' '}
              {!busy && (
                <button type="button" className="link-button" onClick={() => setLeftOut(0)}>
                  {t('notebook.dismissNotice')}
                </button>
              )}
            </p>
          )}
          <div className="dialog-actions notebook-actions">
            <button type="button" onClick={() => setPicked(new Set(shown.map((a) => a.id)))}>
              {t('notebook.selectAll')}
            </button>
            <button type="button" disabled={!picked.size} onClick={() => setPicked(new Set())}>
              {t('notebook.selectNone')}
            </button>
            <span className="hint">{t('notebook.selected', { count: selected.length })}</span>
            <button type="button" disabled={!selected.length} onClick={() => void exportMarkdown()}>
              {t('notebook.exportMd')}
            </button>
            <button type="button" className="primary" disabled={!selected.length || busy} onClick={() => void exportPdf()}>
              {busy ? t('export.running') : t('notebook.exportPdf')}
            </button>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
