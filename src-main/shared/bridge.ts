/** What the Electron preload exposes as `window.folio` (the web bridge needs none of it). */
import type { FolioApi, FolioEvent } from './api';

export interface FolioBridge {
  api: FolioApi;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: (e: FolioEvent) => void): () => void;
  /** The filesystem path of a dropped File (a folder dropped on the window). */
  pathForFile(file: File): string;
}

/**
 * Preload → main: the path of a File the user dropped, sent by `pathForFile` before the renderer
 * asks to open it (main opens only folders the user chose or dropped).
 */
export const IPC_DROPPED_PATH_CHANNEL = 'folio:dropped-path';
