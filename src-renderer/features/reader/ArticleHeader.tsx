/**
 * The article header: title, date, author, source, file path (reveal in Electron), raw-text
 * toggle, and a contents menu to jump to a heading (a book's chapters, a report's sections).
 */
import { useTranslation } from 'react-i18next';
import type { ArticleVersion } from '@shared/types';
import { formatDate } from '../../lib/i18n';

export interface ArticleHeaderProps {
  version: ArticleVersion;
  canReveal: boolean;
  onReveal(): void;
  showRaw: boolean;
  onToggleRaw(): void;
  /** Jump to a paragraph of `version` (the contents menu). */
  onJump?(paragraph: number): void;
  /** Opens the metadata edit dialog (absent: no edit button). */
  onEdit?(): void;
}

/** Headings worth a contents menu: two or more (one heading is just a subtitle). */
export function contentsOf(version: ArticleVersion): { paragraph: number; text: string }[] {
  const headings = version.paragraphs.filter((p) => p.kind === 'heading').map((p) => ({ paragraph: p.index, text: p.text }));
  return headings.length >= 2 ? headings : [];
}

/** Metadata of the version shown first. */
export function ArticleHeader({ version, canReveal, onReveal, showRaw, onToggleRaw, onJump, onEdit }: ArticleHeaderProps) {
  const { t, i18n } = useTranslation();
  const contents = onJump ? contentsOf(version) : [];
  return (
    <header className="article-header" lang={version.lang === 'und' ? undefined : version.lang}>
      <h1>{version.title}</h1>
      <p className="article-byline">
        {version.date && <time dateTime={version.date}>{formatDate(version.date, i18n.language)}</time>}
        {version.author && <span>{t('reader.by', { author: version.author })}</span>}
        {version.source && <span>{t('reader.source', { source: version.source })}</span>}
      </p>
      <p className="article-file">
        {canReveal ? (
          <button type="button" className="link-button" title={t('reader.reveal')} onClick={onReveal}>
            {version.path}
          </button>
        ) : (
          <code>{version.path}</code>
        )}
        <button type="button" className="link-button" aria-pressed={showRaw} onClick={onToggleRaw}>
          {showRaw ? t('reader.hideOriginal') : t('reader.showOriginal')}
        </button>
        {onEdit && (
          <button type="button" className="link-button" onClick={onEdit}>
            {t('meta.edit')}
          </button>
        )}
      </p>
      {contents.length > 0 && !showRaw && (
        <label className="article-contents">
          <span>{t('reader.contents')}</span>
          <select
            value=""
            onChange={(e) => {
              if (e.target.value !== '') onJump?.(Number(e.target.value));
            }}
          >
            <option value="">{t('reader.contentsPick', { count: contents.length })}</option>
            {contents.map((h) => (
              <option key={h.paragraph} value={h.paragraph}>
                {h.text.length > 90 ? `${h.text.slice(0, 89)}…` : h.text}
              </option>
            ))}
          </select>
        </label>
      )}
    </header>
  );
}
