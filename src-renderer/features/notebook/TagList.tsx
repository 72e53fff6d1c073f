/** The notebook's tag list: every tag with its count; pick one to filter, rename or merge it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

export interface TagListProps {
  tags: Array<{ tag: string; count: number }>;
  active: string | null;
  onPick(tag: string): void;
  onRenamed(): void;
  onError(message: string): void;
}

/** Tags with counts; "Rename" turns a row into an input (an existing name merges the two tags). */
export function TagList({ tags, active, onPick, onRenamed, onError }: TagListProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const rename = async (from: string) => {
    const to = name.trim();
    setEditing(null);
    if (!to || to === from) return;
    try {
      await api('renameTag', { from, to });
      onRenamed();
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  return (
    <nav className="tag-list" aria-label={t('notebook.tags')}>
      <h3 className="pane-heading">{t('notebook.tags')}</h3>
      {tags.length === 0 && <p className="hint">{t('notebook.noTags')}</p>}
      <ul>
        {tags.map(({ tag, count }) => (
          <li key={tag}>
            {editing === tag ? (
              <input
                type="text"
                aria-label={t('notebook.renameTo', { tag })}
                value={name}
                autoFocus
                onChange={(e) => setName(e.target.value)}
                onBlur={() => setEditing(null)}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') void rename(tag);
                  if (e.key === 'Escape') {
                    e.preventDefault();
                    setEditing(null);
                  }
                }}
              />
            ) : (
              <>
                <button type="button" className="tag-button" aria-pressed={active === tag} onClick={() => onPick(tag)}>
                  {tag} <span className="count">{count}</span>
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('notebook.rename', { tag })}
                  onClick={() => {
                    setName(tag);
                    setEditing(tag);
                  }}
                >
                  ✎
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
