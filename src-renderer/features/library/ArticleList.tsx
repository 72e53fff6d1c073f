/** The library's article list: title, date, source, language badges, annotation count. */
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '@shared/types';
import { formatDate } from '../../lib/i18n';
import { langBadge } from './sort-articles';

export interface ArticleListProps {
  articles: ArticleSummary[];
  selectedId: string | null;
  onOpen(id: string): void;
}

/** A listbox of articles; the selected one is `aria-selected`. */
export function ArticleList({ articles, selectedId, onOpen }: ArticleListProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul
      className="article-list"
      role="listbox"
      aria-label={t('library.title')}
      onKeyDown={(e) => {
        // Arrow keys move focus between options (WAI-ARIA listbox pattern); Enter opens.
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
        const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="option"]')];
        const at = items.indexOf(document.activeElement as HTMLElement);
        const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
        e.preventDefault();
        items[next]?.focus();
      }}
    >
      {articles.map((a, i) => (
        <li
          key={a.id}
          role="option"
          aria-selected={a.id === selectedId}
          tabIndex={a.id === selectedId || (!selectedId && i === 0) ? 0 : -1}
          className="article-item"
          data-article-id={a.id}
          onClick={() => onOpen(a.id)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onOpen(a.id);
            }
          }}
        >
          <div className="article-title">{a.title}</div>
          <div className="article-meta">
            <span className="badge" aria-label={a.langs.join(', ')}>{langBadge(a.langs)}</span>
            {a.date && <time dateTime={a.date}>{formatDate(a.date.slice(0, 10), i18n.language)}</time>}
            {a.source && <span className="source">{a.source}</span>}
            {a.annotationCount > 0 && (
              <span className="count" title={t('library.annotations', { count: a.annotationCount })}>
                ✎ {a.annotationCount}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
