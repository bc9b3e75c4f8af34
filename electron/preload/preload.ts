import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The renderer's only door to the core: one typed `invoke` and one event subscription. Raw ipcRenderer
 * is never exposed. (Channel names repeat security-config.ts: a sandboxed preload is bundled alone.)
 */
const INVOKE = 'escrow:invoke';
const EVENT = 'escrow:event';

contextBridge.exposeInMainWorld('escrowWorkbench', {
  invoke: (method: string, input: unknown, person?: string) => ipcRenderer.invoke(INVOKE, method, input, typeof person === 'string' ? person : undefined),
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
});
