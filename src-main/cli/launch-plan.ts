/**
 * What `npm start` and `npm run dev` open, decided from facts gathered by scripts/start.ts: the
 * Electron window when its binary is there (or could be fetched) and there is a display to show
 * it on; otherwise Folio in the system browser through the loopback bridge, on the last library
 * or the bundled sample. Pure, so every branch is tested without Electron or a browser.
 */

/** What the launcher found out about this machine. */
export interface LaunchFacts {
  /** `FOLIO_START`: 'browser' or 'electron' force a mode; anything else decides. */
  forced?: string;
  /** Whether the Electron binary is installed (or was just fetched), and why not; asked only when needed. */
  electron: () => { ok: true } | { ok: false; reason: string };
  /** Whether a window can be shown (see `hasDisplay`). */
  display: boolean;
  /** The library the desktop app remembers, when it is still a folder. */
  lastLibrary: string | null;
  /** The bundled sample library. */
  sampleLibrary: string;
}

/** The desktop window, or the browser on `library` with the one-line reason. */
export type LaunchPlan = { kind: 'electron' } | { kind: 'browser'; library: string; reason: string };

/** Decides how to open Folio. */
export function planLaunch(f: LaunchFacts): LaunchPlan {
  const browser = (reason: string): LaunchPlan => ({ kind: 'browser', library: f.lastLibrary ?? f.sampleLibrary, reason });
  if (f.forced === 'browser') return browser('FOLIO_START=browser is set');
  if (f.forced === 'electron') return { kind: 'electron' };
  // The display first: without one, there is no point fetching Electron.
  if (!f.display) return browser('there is no graphical display for a window (DISPLAY and WAYLAND_DISPLAY are unset)');
  const electron = f.electron();
  if (!electron.ok) return browser(`the Electron binary is not installed and could not be fetched (${electron.reason})`);
  return { kind: 'electron' };
}

/** True where a window can be shown: always on macOS and Windows; with X11 or Wayland elsewhere. */
export function hasDisplay(env: Record<string, string | undefined>, platform: string): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return !!(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** A program to run with its arguments. */
export interface Command {
  command: string;
  args: string[];
}

/**
 * How to open `url` in the user's browser: `$BROWSER` first (a list separated by `:`, `;` on
 * Windows; `%s` marks where the URL goes, as xdg-utils and Python's webbrowser read it), else the
 * platform's opener (`open`, `start`, `xdg-open`). Null when nothing usable is installed;
 * `onPath` says whether a program can be found.
 */
export function browserCommand(url: string, env: Record<string, string | undefined>, platform: string, onPath: (program: string) => boolean): Command | null {
  for (const entry of (env.BROWSER ?? '').split(platform === 'win32' ? ';' : ':')) {
    const words = entry.trim().split(/\s+/).filter(Boolean);
    const [command, ...rest] = words;
    if (!command || !onPath(command)) continue;
    const args = rest.some((w) => w.includes('%s')) ? rest.map((w) => w.replaceAll('%s', url)) : [...rest, url];
    return { command, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return onPath('xdg-open') ? { command: 'xdg-open', args: [url] } : null;
}
