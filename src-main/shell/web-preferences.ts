/**
 * The main window's webPreferences: Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security) in one place, read by the tests.
 */
import type { WebPreferences } from 'electron';

/**
 * Secure webPreferences for a window loading Folio's renderer with `preloadPath`. DevTools are
 * off unless asked for (development only: main passes `!app.isPackaged`).
 */
export function secureWebPreferences(preloadPath: string, opts: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    devTools: opts.devTools ?? false,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}
