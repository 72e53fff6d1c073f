/** The app shell: top bar, three resizable and collapsible panes, dialogs, events, drag-and-drop. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { panesShown, useFolio } from './store';
import { useColumnFit } from './use-column-fit';
import { MIN_ANNOTATIONS, MIN_LIBRARY, NO_CHANGE } from './fit-columns';
import { FitContext } from './fit-context';
import { TopBar } from './TopBar';
import { useShortcuts } from './shortcuts';
import { coalesce } from './coalesce';
import { LibraryPane } from '../features/library/LibraryPane';
import { Reader } from '../features/reader/Reader';
import { AnnotationsPane } from '../features/annotations/AnnotationsPane';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutsDialog } from '../features/settings/ShortcutsDialog';
import { SkippedDialog } from '../features/library/SkippedDialog';
import { ExportDialog } from '../features/export/ExportDialog';
import { Notebook } from '../features/notebook/Notebook';
import { Resizer } from '../components/Resizer';
import { ForeignStoreNotice } from '../features/annotations/ForeignStoreNotice';
import { Toast } from '../components/Toast';
import { api, onFolioEvent, pathForDroppedFile } from '../lib/api';
import { setUiLanguage, systemLanguage } from '../lib/i18n';
import { errorMessage } from '../lib/errors';
import type { Article } from '@shared/types';

/** Applies theme and reading typography as CSS variables on the document. */
function useAppearance() {
  const settings = useFolio((s) => s.settings);
  useEffect(() => {
    if (!settings) return;
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.style.setProperty('--reading-size', `${settings.fontSize}px`);
    root.style.setProperty('--reading-leading', String(settings.lineHeight));
    root.style.setProperty('--reading-measure', `${settings.lineWidth}ch`);
    root.style.setProperty('--library-width', `${settings.paneSizes.library}px`);
    root.style.setProperty('--annotations-width', `${settings.paneSizes.annotations}px`);
  }, [settings]);
}

/**
 * Opens the article among `added` whose file content equals a version of `lost` (the open file
 * was renamed, or moved away and back): same content, new name.
 */
async function reopenMoved(lost: Article, added: string[]): Promise<void> {
  const hashes = new Set(lost.versions.map((v) => v.contentHash));
  for (const id of added.slice(0, 20)) {
    const candidate = await api('getArticle', { id }).catch(() => null);
    const s = useFolio.getState();
    if (s.lostArticle !== lost || s.selectedId !== lost.id) return;
    if (candidate?.versions.some((v) => hashes.has(v.contentHash))) {
      await s.openArticle(candidate.id);
      return;
    }
  }
}

/** Keeps the library and annotations in step with events from main. */
function useEvents() {
  useEffect(() => {
    // A watcher burst sends many events: the list reloads in batches (at most one load at a
    // time, one more after the last event), and a search shown is re-run with it, not per event.
    let researchPending = false;
    const reloader = coalesce(async () => {
      await useFolio.getState().loadLibrary();
      if (researchPending) {
        researchPending = false;
        await useFolio.getState().refreshSearch();
      }
    }, 150);
    const reload = () => reloader.request();
    const unsubscribe = onFolioEvent((e) => {
      const s = useFolio.getState();
      if (e.name === 'scanProgress') {
        if (s.status) useFolio.setState({ status: { ...s.status, progress: e.payload } });
        // The end of a scan may have changed the list. The end of indexing has not (the search
        // index loading behind a warm start): what indexing applied arrives as libraryChanged.
        if (e.payload.phase === 'ready' && s.status?.progress?.phase === 'scanning') reload();
      } else if (e.name === 'libraryChanged') {
        const { added, changed, removed } = e.payload;
        // No article changed (the check behind a warm start found every file as cached, or only
        // a skipped file came or went): the list is right, only the status (skipped files) may not be.
        if (added.length + changed.length + removed.length === 0) {
          void s.refreshStatus();
          return;
        }
        reload();
        // The selected article, even one whose file just vanished: reopen it (or say it is gone).
        const open = s.selectedId;
        if (open && (added.includes(open) || changed.includes(open) || removed.includes(open))) void s.openArticle(open);
        else if (s.lostArticle && added.length) void reopenMoved(s.lostArticle, added);
        researchPending = true;
      } else if (e.name === 'annotationsChanged') {
        if (s.article && e.payload.articleIds.includes(s.article.id)) void s.refreshAnnotations();
        // Other articles' rows show a count too (an undo or redo there, another process).
        void s.refreshCounts(e.payload.articleIds);
      } else if (e.name === 'libraryOpened') {
        useFolio.setState({ selectedId: null, article: null, annotations: [], hits: null, query: '' });
        reload();
      }
    });
    return () => {
      unsubscribe();
      reloader.dispose();
    };
  }, []);
}

/** The whole UI. */
export function App() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const settings = useFolio((s) => s.settings);
  const dialog = useFolio((s) => s.dialog);
  const foreign = useFolio((s) => s.info?.foreignAnnotations ?? null);
  const article = useFolio((s) => s.article);
  const measured = useColumnFit(article, settings);
  const anyway = useFolio((s) => s.showPanesAnyway);
  const fit = anyway ? NO_CHANGE : measured;
  const narrowPanes = fit.narrowPanes;
  useEffect(() => useFolio.setState({ fitHides: { library: measured.hideLibrary, annotations: measured.hideAnnotations } }), [measured.hideLibrary, measured.hideAnnotations]);
  const showLibrary = useFolio((s) => panesShown(s, fit).library);
  const showAnnotations = useFolio((s) => panesShown(s, fit).annotations);
  const [sizes, setSizes] = useState<{ library: number; annotations: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  useAppearance();
  useEvents();
  useShortcuts(searchRef);

  useEffect(() => {
    // Progressive: the first page of rows paints before the rest of a large list arrives.
    let started = false;
    let resumed = false;
    const last = (): string | undefined => Object.entries(useFolio.getState().settings?.lastRead ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0];
    /** Opens the article read last, once, unless the reader opened one already. */
    const resume = (): void => {
      const s = useFolio.getState();
      const id = last();
      if (resumed || !id || s.selectedId !== null || !s.articles.some((a) => a.id === id)) return;
      resumed = true;
      void s.openArticle(id);
    };
    // With the first rows: the UI language, a recovery notice, and the last article when it is
    // among them (else when the whole list is in), so a large list does not hold them back.
    const firstRows = (): void => {
      if (started) return;
      started = true;
      const s = useFolio.getState();
      setUiLanguage(s.settings?.uiLanguage ?? systemLanguage());
      if (s.info?.recovery) s.showToast(s.info.recovery[(s.settings?.uiLanguage ?? systemLanguage()) === 'vi' ? 'vi' : 'en']);
      resume();
    };
    useFolio
      .getState()
      .loadLibrary({ progressive: true, onFirstRows: firstRows })
      .then(resume)
      .catch((err: unknown) => setLoadError(errorMessage(err)));
  }, []);

  const paneSizes = sizes ?? settings?.paneSizes ?? { library: 300, annotations: 320 };
  const commit = (next: { library: number; annotations: number }) => void useFolio.getState().updateSettings({ paneSizes: next });

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    const p = file ? pathForDroppedFile(file) : null;
    if (p) void api('openLibraryPath', { path: p }).catch((err: unknown) => useFolio.getState().showToast(errorMessage(err)));
  };

  if (loadError) {
    return (
      <main className="fatal" role="alert">
        <p>{loadError}</p>
      </main>
    );
  }
  if (!settings) return <main className="loading">{t('app.loading')}</main>;

  return (
    <FitContext.Provider value={measured}>
      <div
        className={`app${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <TopBar ref={searchRef} />
        {foreign && <ForeignStoreNotice annotations={foreign.annotations} />}
        <main
          className="panes"
          ref={(el) => {
            if (el) {
              // Two columns side by side need the room: panes at their narrowest (app/fit-columns.ts).
              el.style.setProperty('--library-width', `${narrowPanes ? MIN_LIBRARY : paneSizes.library}px`);
              el.style.setProperty('--annotations-width', `${narrowPanes ? MIN_ANNOTATIONS : paneSizes.annotations}px`);
            }
          }}
          data-library={showLibrary ? 'open' : 'collapsed'}
          data-annotations={showAnnotations ? 'open' : 'collapsed'}
        >
          {showLibrary && (
            <>
              <LibraryPane />
              <Resizer
                label={t('top.toggleLibrary')}
                value={paneSizes.library}
                min={160}
                max={700}
                direction={1}
                onChange={(v) => setSizes({ ...paneSizes, library: v })}
                onCommit={(v) => commit({ ...paneSizes, library: v })}
              />
            </>
          )}
          <Reader />
          {showAnnotations && (
            <>
              <Resizer
                label={t('top.toggleAnnotations')}
                value={paneSizes.annotations}
                min={200}
                max={700}
                direction={-1}
                onChange={(v) => setSizes({ ...paneSizes, annotations: v })}
                onCommit={(v) => commit({ ...paneSizes, annotations: v })}
              />
              <AnnotationsPane />
            </>
          )}
        </main>
        {dragging && <div className="drop-hint">{t('library.dropHere')}</div>}
        {dialog === 'settings' && <SettingsDialog />}
        {dialog === 'export' && <ExportDialog />}
        {dialog === 'shortcuts' && <ShortcutsDialog />}
        {dialog === 'skipped' && <SkippedDialog />}
        {dialog === 'notebook' && <Notebook />}
        <Toast />
      </div>
    </FitContext.Provider>
  );
}
