/** What the hosting transport adds to the handlers: capabilities only it can provide. */
import type { AppInfo } from '../shared/api';

export interface Host {
  transport: 'electron' | 'web';
  version: string;
  /** Shows a file in the OS file manager (Electron only). */
  revealInFolder?: (absPath: string) => Promise<void>;
  /** Asks the user for a library folder and switches to it (Electron only). */
  openLibraryDialog?: () => Promise<AppInfo | null>;
  /** Switches to the library at `path` (Electron only: a folder dropped on the window). */
  openLibraryPath?: (path: string) => Promise<AppInfo>;
}
