/**
 * What every window of the app gets (Electron's security checklist): sandboxed
 * and isolated, no Node anywhere, web security on, no webviews, no
 * experimental features, no navigation by drag and drop, no spellchecker (it
 * would send typed text, secrets included, to a dictionary service on some
 * platforms).
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const;
export type HardenedWebPreferences = typeof HARDENED_WEB_PREFERENCES;

export interface AppWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: HardenedWebPreferences & { preload: string; devTools: boolean };
}

/**
 * The app window's options, following Electron's security checklist: the
 * renderer is sandboxed and isolated, has no Node, and cannot be pointed at
 * remote content. Typed structurally so this file needs no Electron import.
 */
export function appWindowOptions(preloadPath: string, development: boolean): AppWindowOptions {
  return {
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Sparekey',
    backgroundColor: '#1b1d21',
    autoHideMenuBar: true,
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: preloadPath,
      devTools: development,
    },
  };
}
