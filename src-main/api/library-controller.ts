/**
 * Holds the desktop app's current library session and swaps it when the user opens another
 * folder; remembers the last library. The sample library's state lives in userData because the
 * bundled resources folder is read-only once packaged.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { FolioSession } from '../core/session';
import { readAppState, writeAppState } from '../core/settings/app-state';
import { isBundledLibrary, sampleDataDir } from '../core/settings/user-data';
import { forwardEvents } from './events';
import type { FolioEvent } from '../shared/api';
import { FolioError } from '../shared/result';

export class LibraryController {
  private session: FolioSession | null = null;
  private unforward: (() => void) | null = null;

  constructor(
    private readonly userData: string,
    private readonly sampleLibrary: string,
    private readonly emit: (e: FolioEvent) => void,
  ) {}

  private get stateFile(): string {
    return path.join(this.userData, 'state.json');
  }

  private initial: Promise<FolioSession> | null = null;

  /**
   * The current session; while the first library is still opening, a promise of it (requests
   * made by a window that painted early wait instead of failing).
   */
  current(): FolioSession | Promise<FolioSession> {
    if (this.session) return this.session;
    if (this.initial) return this.initial;
    throw new FolioError('not-found', 'No library is open yet');
  }

  /** Opens the last library, or the bundled sample library on first start (or if it is gone). */
  openInitial(): Promise<FolioSession> {
    this.initial ??= (async () => {
      const { lastLibrary } = await readAppState(this.stateFile);
      const usable = lastLibrary && (await stat(lastLibrary).then((s) => s.isDirectory(), () => false));
      try {
        return await this.open(usable ? lastLibrary : this.sampleLibrary);
      } catch (err) {
        // The remembered folder failed to open: fall back to the sample library once.
        if (usable && lastLibrary !== this.sampleLibrary) return this.open(this.sampleLibrary);
        throw err;
      }
    })();
    return this.initial;
  }

  /** Opens `root` as the library, closing the previous one. */
  async open(root: string): Promise<FolioSession> {
    const s = await stat(root).catch(() => null);
    if (!s?.isDirectory()) throw new FolioError('not-found', `Not a folder: ${root}`);
    const isSample = path.resolve(root) === path.resolve(this.sampleLibrary) || isBundledLibrary(root);
    const dataDir = isSample ? sampleDataDir(this.userData) : undefined;
    const next = await FolioSession.open(
      { libraryRoot: root, dataDir, settingsFile: path.join(this.userData, 'settings.json'), watch: true, reconcileBehind: true },
      (p) => this.emit({ name: 'scanProgress', payload: p }),
    );
    const previous = this.session;
    this.unforward?.();
    this.session = next;
    this.unforward = forwardEvents(next.events, this.emit);
    await previous?.close();
    await writeAppState(this.stateFile, { lastLibrary: isSample ? null : path.resolve(root) });
    // Only a switch is announced: on the first open the window is still loading its first view.
    if (previous) this.emit({ name: 'libraryOpened', payload: { libraryRoot: next.libraryRoot } });
    return next;
  }

  /** Closes the session (app quit). */
  async close(): Promise<void> {
    this.unforward?.();
    await this.session?.close();
    this.session = null;
  }
}
