/**
 * Which folders the renderer may ask main to open as a library: only those the user picked in
 * the Open dialog, dropped on the window, or opened before. A compromised renderer asking for
 * `openLibraryPath('/home/user/.ssh')` is refused, so a page can never point Folio's reader,
 * search and export at a folder the user did not choose.
 *
 * A drop is granted by the preload: `webUtils.getPathForFile` only returns a path for a real File
 * from a drop or file picker (never for one the page constructs), and the preload reports it on
 * its own channel before the renderer's request, over the same ordered IPC pipe.
 */
import path from 'node:path';

/** The allow-set of library folders, compared by resolved absolute path. */
export class LibraryGrants {
  private readonly allowed = new Set<string>();

  /** Allows `folder` (from a dialog, a drop, the remembered library or the sample). */
  grant(folder: string): void {
    if (path.isAbsolute(folder)) this.allowed.add(path.resolve(folder));
  }

  /** True when `folder` was granted. */
  allows(folder: string): boolean {
    return path.isAbsolute(folder) && this.allowed.has(path.resolve(folder));
  }
}
