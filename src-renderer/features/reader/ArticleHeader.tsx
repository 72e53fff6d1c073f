/** The article header: title, date, author, source, file path (reveal in Electron), raw-text toggle. */
import { useTranslation } from 'react-i18next';
import type { ArticleVersion } from '@shared/types';
import { formatDate } from '../../lib/i18n';

export interface ArticleHeaderProps {
  version: ArticleVersion;
  canReveal: boolean;
  onReveal(): void;
  showRaw: boolean;
  onToggleRaw(): void;
  /** Opens the metadata edit dialog (absent: no edit button). */
  onEdit?(): void;
}

/** Metadata of the version shown first. */
export function ArticleHeader({ version, canReveal, onReveal, showRaw, onToggleRaw, onEdit }: ArticleHeaderProps) {
  const { t, i18n } = useTranslation();
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
    </header>
  );
}
