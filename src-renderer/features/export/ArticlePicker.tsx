/**
 * The "selected articles" list of the Export dialog: a filter box (diacritics optional) over the
 * library's titles, at most PICK_LIMIT rows in the DOM however large the library, so opening the
 * dialog on 50,000 articles stays instant. Picked articles stay picked when the filter hides them.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '@shared/types';
import { fold } from '../notebook/notebook-model';

export const PICK_LIMIT = 100;

export interface ArticlePickerProps {
  /** Listed in this order: the dialog passes them in the article list's sort order. */
  articles: readonly ArticleSummary[];
  picked: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/** Articles whose title contains every word of `filter` (folded); all of them for an empty filter. */
export function filterByTitle(articles: readonly ArticleSummary[], filter: string): ArticleSummary[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...articles];
  return articles.filter((a) => {
    const title = fold(a.title);
    return words.every((w) => title.includes(w));
  });
}

export function ArticlePicker({ articles, picked, onToggle }: ArticlePickerProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => filterByTitle(articles, filter), [articles, filter]);
  const shown = matching.slice(0, PICK_LIMIT);
  return (
    <div className="article-picker">
      <input
        type="search"
        value={filter}
        aria-label={t('export.filterTitles')}
        placeholder={t('export.filterTitles')}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <ul className="pick-list" aria-label={t('export.selected', { count: picked.size })}>
        {shown.map((a) => (
          <li key={a.id}>
            <label className="inline">
              <input type="checkbox" checked={picked.has(a.id)} onChange={() => onToggle(a.id)} />
              {a.title}
            </label>
          </li>
        ))}
      </ul>
      {matching.length > shown.length && <p className="hint">{t('export.moreTitles', { shown: shown.length, count: matching.length })}</p>}
      {matching.length === 0 && <p className="hint">{t('export.noTitles')}</p>}
    </div>
  );
}
