/** The top bar: pane toggles, search, view mode switch, export, settings, shortcuts. */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { panesShown, useFolio } from './store';
import { useFit } from './fit-context';
import { SearchBox } from '../features/search/SearchBox';
import { VIEW_MODES } from '@shared/settings';
import { api } from '../lib/api';

/** The app's top bar. */
export const TopBar = forwardRef<HTMLInputElement>(function TopBar(_props, searchRef) {
  const { t } = useTranslation();
  const settings = useFolio((s) => s.settings);
  const canOpen = useFolio((s) => !!s.info?.capabilities.openLibrary);
  // A string, not an array: a selector must return a stable value or React re-renders forever.
  const langList = useFolio((s) => s.article?.versions.map((v) => v.lang).join(','));
  const langs = langList?.split(',');
  const isPair = (langs?.length ?? 0) > 1;
  // A single-version article shows in its own language whatever the saved mode says.
  const shown = isPair || !langs?.[0] ? settings?.viewMode : langs[0];
  const collapsed = settings?.panesCollapsed ?? { library: false, annotations: false };
  const update = useFolio((s) => s.updateSettings);
  const fit = useFit();
  const libraryShown = useFolio((s) => panesShown(s, fit).library);
  const annotationsShown = useFolio((s) => panesShown(s, fit).annotations);
  /** Shows a pane the narrow layout hid (for this session), else flips the saved choice. */
  const toggle = (pane: 'library' | 'annotations', shown: boolean) => {
    if (!shown && !collapsed[pane]) useFolio.setState({ showPanesAnyway: true });
    else void update({ panesCollapsed: { ...collapsed, [pane]: !collapsed[pane] } });
  };
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button"
        aria-label={t('top.toggleLibrary')}
        title={t('top.toggleLibrary')}
        aria-pressed={libraryShown}
        onClick={() => toggle('library', libraryShown)}
      >
        ☰
      </button>
      <span className="brand">Folio</span>
      <SearchBox ref={searchRef} />
      <div className="view-switch" role="radiogroup" aria-label={t('top.view')}>
        {VIEW_MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={shown === m}
            disabled={!!langs && !isPair && shown !== m}
            onClick={() => void update({ viewMode: m })}
          >
            {t(`view.${m}`)}
          </button>
        ))}
      </div>
      {canOpen && (
        <button type="button" onClick={() => void api('openLibraryDialog', {})}>
          {t('top.openLibrary')}
        </button>
      )}
      <button type="button" onClick={() => useFolio.getState().setDialog('notebook')}>
        {t('notebook.open')}
      </button>
      <button type="button" onClick={() => useFolio.getState().setDialog('export')}>
        {t('top.export')}
      </button>
      <button type="button" onClick={() => useFolio.getState().setDialog('settings')}>
        {t('top.settings')}
      </button>
      <button type="button" className="icon-button" aria-label={t('top.shortcuts')} title={t('top.shortcuts')} onClick={() => useFolio.getState().setDialog('shortcuts')}>
        ?
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('top.toggleAnnotations')}
        title={t('top.toggleAnnotations')}
        aria-pressed={annotationsShown}
        onClick={() => toggle('annotations', annotationsShown)}
      >
        ✎
      </button>
    </header>
  );
});
