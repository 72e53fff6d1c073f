/** The library's search box: results as you type (debounced), Escape clears. */
import { useEffect, useRef, forwardRef, useImperativeHandle } from 'react';
import { useTranslation } from 'react-i18next';
import { useFolio } from '../../app/store';
import { errorMessage } from '../../lib/errors';

/** Delay between the last keystroke and the search request. */
const DEBOUNCE_MS = 120;

/** An `<input type="search">` with a visible placeholder and an accessible label. */
export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const { t } = useTranslation();
  const query = useFolio((s) => s.query);
  const setQuery = useFolio((s) => s.setQuery);
  const runSearch = useFolio((s) => s.runSearch);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);

  useEffect(() => {
    const timer = setTimeout(() => {
      runSearch(query).catch((err: unknown) => useFolio.getState().showToast(errorMessage(err)));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, runSearch]);

  return (
    <div className="search-box" role="search">
      <label htmlFor="folio-search" className="visually-hidden">
        {t('top.search')}
      </label>
      <input
        id="folio-search"
        ref={input}
        type="search"
        placeholder={t('top.searchPlaceholder')}
        // The placeholder stays short enough for 1024 px; the typing rules go to the tooltip and
        // to screen readers.
        title={t('top.searchHint')}
        aria-describedby="folio-search-hint"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setQuery('');
            input.current?.blur();
          }
        }}
      />
      <span id="folio-search-hint" className="visually-hidden">
        {t('top.searchHint')}
      </span>
    </div>
  );
});
