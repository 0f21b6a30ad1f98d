import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, METHOD_NAMES, type SparekeyBridge } from '../shared/contract/index.js';

/**
 * Exposes exactly the contract's methods as `window.sparekey`, each a call on
 * its own IPC channel. Nothing else of Electron or Node reaches the page.
 */
const bridge = Object.fromEntries(
  METHOD_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channelOf(name), input),
  ]),
) as SparekeyBridge;

contextBridge.exposeInMainWorld('sparekey', bridge);
