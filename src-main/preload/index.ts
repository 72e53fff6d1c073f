/**
 * The preload (sandboxed, CommonJS): exposes exactly the API contract as `window.folio` — one
 * function per contract method, an event subscription, and the path of a dropped folder. Never
 * raw ipcRenderer, never a generic invoke-any-channel.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel, type FolioApi, type FolioEvent } from '../shared/api';
import { IPC_DROPPED_PATH_CHANNEL, type FolioBridge } from '../shared/bridge';

const api = Object.fromEntries(
  API_METHODS.map((m) => [m, (req: unknown) => ipcRenderer.invoke(ipcChannel(m), req)]),
) as unknown as FolioApi;

const bridge: FolioBridge = {
  api,
  onEvent(listener: (e: FolioEvent) => void) {
    // Wrap: the renderer's callback never sees the IpcRendererEvent (which exposes `sender`).
    const wrapped = (_e: IpcRendererEvent, event: FolioEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  pathForFile(file: File) {
    // Empty for a File the page made itself: only a real drop is reported to main as a grant.
    const p = webUtils.getPathForFile(file);
    if (p) ipcRenderer.send(IPC_DROPPED_PATH_CHANNEL, p);
    return p;
  },
};

contextBridge.exposeInMainWorld('folio', bridge);
