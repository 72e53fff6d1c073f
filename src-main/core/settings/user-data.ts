/**
 * Where Folio keeps state that belongs to the user rather than to a library folder: the same
 * folder Electron's `app.getPath('userData')` gives the desktop app, so the desktop app, `folio
 * serve` and the CLI share it. The bundled sample library is read-only once installed, so its
 * state (index, annotations, cache) lives here too, in every mode.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The app name Electron derives userData from (package.json `productName`). */
const APP_NAME = 'Folio';

/**
 * A file in the bundled sample library saying "this folder ships with the app": Folio never
 * writes into a folder that holds it. A dotfile, so the library scan ignores it.
 */
export const BUNDLED_MARKER = '.folio-bundled';

/** Sub-folder of userData holding the bundled sample library's state. */
export const SAMPLE_DATA_DIR = 'sample-library-data';

/** Environment, platform and home folder, injectable for tests. */
export interface UserDataEnv {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Folio's user-data folder, as Electron computes it: `%APPDATA%\Folio` on Windows,
 * `~/Library/Application Support/Folio` on macOS, `$XDG_CONFIG_HOME/Folio` (default
 * `~/.config/Folio`) elsewhere. `FOLIO_USER_DATA` overrides it (tests, portable installs).
 */
export function userDataDir({ env = process.env, platform = process.platform, home = os.homedir() }: UserDataEnv = {}): string {
  if (env.FOLIO_USER_DATA) return path.resolve(env.FOLIO_USER_DATA);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** Where the bundled sample library's state lives under `userData`. */
export function sampleDataDir(userData: string): string {
  return path.join(userData, SAMPLE_DATA_DIR);
}

/** True when `root` is a library that ships with the app (it holds the bundled marker). */
export function isBundledLibrary(root: string): boolean {
  return existsSync(path.join(root, BUNDLED_MARKER));
}

/**
 * The state folder for `root` when the user gave none: the sample's folder in userData for a
 * bundled library, else undefined (the session's default, `<root>/.folio`).
 */
export function defaultStateDir(root: string, userData: () => string = () => userDataDir()): string | undefined {
  return isBundledLibrary(root) ? sampleDataDir(userData()) : undefined;
}
