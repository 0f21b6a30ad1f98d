import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channelOf,
  eventChannelOf,
  isEventName,
  METHOD_NAMES,
  type SparekeyBridge,
  type SparekeyEventBridge,
} from '../shared/contract/index.js';

/**
 * Exposes exactly the contract's methods as `window.sparekey`, each a call on
 * its own IPC channel, and the contract's events as `window.sparekeyEvents`.
 * Nothing else of Electron or Node reaches the page.
 */
const bridge = Object.fromEntries(
  METHOD_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channelOf(name), input),
  ]),
) as SparekeyBridge;

const events: SparekeyEventBridge = {
  on(name, listener) {
    if (!isEventName(name)) throw new Error('Unknown event.');
    const channel = eventChannelOf(name);
    // The IPC event object (with its sender) never reaches the page: only the payload.
    const forward = (_event: IpcRendererEvent, payload: unknown) =>
      listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('sparekey', bridge);
contextBridge.exposeInMainWorld('sparekeyEvents', events);
