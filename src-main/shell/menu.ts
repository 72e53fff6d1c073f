/** The application menu: File → Open Library…, the usual Edit/View/Window menus. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { isDevelopment } from './dev-mode';

export interface MenuActions {
  openLibrary: () => void;
  openSampleLibrary: () => void;
}

/** Builds and installs the menu. Labels follow the UI language (vi or en). */
export function installMenu(actions: MenuActions, lang: 'vi' | 'en'): void {
  const t = lang === 'vi'
    ? { file: 'Tệp', open: 'Mở thư viện…', sample: 'Mở thư viện mẫu', edit: 'Sửa', view: 'Xem', window: 'Cửa sổ' }
    : { file: 'File', open: 'Open Library…', sample: 'Open Sample Library', edit: 'Edit', view: 'View', window: 'Window' };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: actions.openLibrary },
        { label: t.sample, click: actions.openSampleLibrary },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { label: t.edit, role: 'editMenu' },
    {
      label: t.view,
      // DevTools only in development: in a packaged app they would hand the page's JS console
      // (and so the API) to anyone at the keyboard with a shortcut.
      submenu: [{ role: 'reload' }, ...(isDevelopment() ? [{ role: 'toggleDevTools' as const }] : []), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: t.window, role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
