/** A small dialog to fix an article version's metadata and pairing by hand (kept in .folio/, never in the file). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleVersion } from '@shared/types';
import { MetadataEditSchema, type MetadataEdit } from '@shared/metadata-edit';
import { Dialog } from '../../components/Dialog';
import { DateField } from '../../components/DateField';
import { useFolio } from '../../app/store';
import { api } from '../../lib/api';

export interface MetadataDialogProps {
  article: Article;
  version: ArticleVersion;
  onClose(): void;
}

/** The patch of the fields that differ from the version (an emptied author, source or date clears it). */
function patchFrom(v: ArticleVersion, f: Record<'title' | 'date' | 'author' | 'source' | 'lang' | 'tags', string>): MetadataEdit {
  const p: Record<string, unknown> = {};
  if (f.title.trim() !== v.title) p.title = f.title;
  if (f.date.trim() !== (v.date ?? '').slice(0, 16)) p.date = f.date.trim() || null;
  if (f.author.trim() !== (v.author ?? '')) p.author = f.author.trim() || null;
  if (f.source.trim() !== (v.source ?? '')) p.source = f.source.trim() || null;
  if (f.lang !== v.lang) p.lang = f.lang;
  const tags = f.tags.split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.join(',') !== v.tags.join(',')) p.tags = tags;
  return p as MetadataEdit;
}

/** Edits title, date, author, source, language and tags; pairs, unpairs and resets. */
export function MetadataDialog({ article, version, onClose }: MetadataDialogProps) {
  const { t } = useTranslation();
  const articles = useFolio((s) => s.articles);
  const [form, setForm] = useState({
    title: version.title, date: (version.date ?? '').slice(0, 16), author: version.author ?? '',
    source: version.source ?? '', lang: version.lang as string, tags: version.tags.join(', '),
  });
  const [pairWith, setPairWith] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A date typed wrong is not in `form` (which keeps the last good one): saving waits until it is fixed.
  const [dateValid, setDateValid] = useState(true);
  const single = articles.filter((a) => a.id !== article.id && a.langs.length === 1);

  const run = async (action: () => Promise<Article>) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      await useFolio.getState().loadLibrary();
      await useFolio.getState().openArticle(updated.id);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof form, label: string) => (
    <label>
      {label}
      <input type="text" name={name} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  );

  return (
    <Dialog title={t('meta.title')} onClose={onClose} className="metadata-dialog">
      <form
        className="metadata-form"
        onSubmit={(e) => {
          e.preventDefault();
          // The browser's validation already stops a wrong date (the field names it); this guards a
          // submit that skips validation.
          if (!dateValid) return;
          const patch = MetadataEditSchema.safeParse(patchFrom(version, form));
          if (!patch.success) return setError(t('meta.invalid', { detail: patch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
          void run(() => api('editMetadata', { id: article.id, lang: version.lang, patch: patch.data }));
        }}
      >
        <p className="hint">{t('meta.hint')}</p>
        {field('title', t('meta.fieldTitle'))}
        <DateField
          label={t('meta.date')}
          name="date"
          value={form.date || null}
          withTime
          layout="stacked"
          whileWrong={() => t('meta.dateNotSaved')}
          onChange={(iso) => setForm((f) => ({ ...f, date: iso ?? '' }))}
          onValidity={setDateValid}
        />
        {field('author', t('meta.author'))}
        {field('source', t('meta.source'))}
        <label>
          {t('meta.lang')}
          <select name="lang" value={form.lang} onChange={(e) => setForm({ ...form, lang: e.target.value })}>
            <option value="vi">VI</option>
            <option value="en">EN</option>
            <option value="und">?</option>
          </select>
        </label>
        {field('tags', t('meta.tags'))}
        <fieldset>
          <legend>{t('meta.pairing')}</legend>
          {article.versions.length > 1 ? (
            <button type="button" disabled={busy} onClick={() => void run(() => api('unpairArticle', { id: article.id }))}>
              {t('meta.unpair')}
            </button>
          ) : (
            <label className="inline">
              <select aria-label={t('meta.pairWith')} value={pairWith} onChange={(e) => setPairWith(e.target.value)}>
                <option value="">{t('meta.pairWith')}</option>
                {single.map((a) => (
                  <option key={a.id} value={a.id}>{`${a.langs.join('+').toUpperCase()} · ${a.title}`}</option>
                ))}
              </select>
              <button type="button" disabled={busy || !pairWith} onClick={() => void run(() => api('pairArticles', { id: article.id, other: pairWith }))}>
                {t('meta.pair')}
              </button>
            </label>
          )}
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={() => void run(() => api('resetMetadata', { id: article.id }))}>
            {t('meta.reset')}
          </button>
          <button type="button" onClick={onClose}>{t('meta.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('meta.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
