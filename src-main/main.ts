/**
 * Electron main process: lifecycle and wiring only. Everything Folio does lives in core/ (plain
 * Node) behind the API handlers; this file creates the window, the menu and the IPC transport.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from './api/handlers';
import { registerIpc, sendEvent } from './shell/ipc';
import { hardenAllWebContents, hardenSession } from './shell/security';
import { secureWebPreferences } from './shell/web-preferences';
import { registerAppScheme, serveRenderer, APP_ORIGIN } from './shell/app-protocol';
import { installMenu } from './shell/menu';
import { LibraryController } from './api/library-controller';
import { LibraryGrants } from './shell/library-grants';
import { devRendererUrl, isDevelopment } from './shell/dev-mode';
import type { FolioEvent } from './shared/api';
import { FolioError } from './shared/result';

const here = path.dirname(fileURLToPath(import.meta.url));
const resourcesDir = app.isPackaged ? process.resourcesPath : path.resolve(here, '../../resources');
const sampleLibrary = path.join(resourcesDir, 'sample-library');

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();
hardenAllWebContents(app);

let win: BrowserWindow | null = null;
const emit = (e: FolioEvent) => win && sendEvent(win.webContents, e);
const controller = new LibraryController(app.getPath('userData'), sampleLibrary, emit);
// Folders the renderer may switch to: chosen in the dialog, dropped, the sample, the current one.
const grants = new LibraryGrants();
grants.grant(sampleLibrary);

async function chooseLibrary() {
  const options = { properties: ['openDirectory' as const], title: 'Open Library' };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const folder = r.canceled ? undefined : r.filePaths[0];
  if (!folder) return null;
  grants.grant(folder);
  await controller.open(folder);
  return handlers.getAppInfo({});
}

const handlers = createHandlers(() => controller.current(), {
  transport: 'electron',
  version: app.getVersion(),
  revealInFolder: async (abs) => shell.showItemInFolder(abs),
  openLibraryDialog: chooseLibrary,
  openLibraryPath: async (p) => {
    if (!grants.allows(p)) throw new FolioError('invalid-request', 'Open a library with File → Open Library… or by dropping its folder on the window');
    await controller.open(p);
    return handlers.getAppInfo({});
  },
});

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Folio',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs'), { devTools: isDevelopment() }),
  });
  w.once('ready-to-show', () => w.show());
  void w.loadURL(devRendererUrl()?.href ?? `${APP_ORIGIN}/index.html`);
  return w;
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(async () => {
  hardenSession(session.defaultSession);
  serveRenderer(path.resolve(here, '../renderer'));
  registerIpc(handlers, grants);
  const lang = app.getLocale().startsWith('vi') ? 'vi' : 'en';
  installMenu({ openLibrary: () => void chooseLibrary(), openSampleLibrary: () => void controller.open(sampleLibrary) }, lang);
  // Start opening the library first so requests from the window (which paints at once) wait for it.
  const opening = controller.openInitial().then((opened) => {
    grants.grant(opened.libraryRoot);
    return opened;
  });
  win = createWindow();
  await opening.catch((err: unknown) => dialog.showErrorBox('Folio', `Could not open the library: ${String(err)}`));
});

app.on('window-all-closed', () => {
  void controller.close().finally(() => app.quit());
});
