/**
 * The app window's options, following Electron's security checklist: the
 * renderer is sandboxed and isolated, has no Node, and cannot be pointed at
 * remote content. Typed structurally so this file needs no Electron import.
 */
export interface AppWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    devTools: boolean;
    safeDialogs: true;
  };
}

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
      preload: preloadPath,
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
      // The spellchecker would send typed text (secrets included) to a dictionary service on some platforms.
      spellcheck: false,
      devTools: development,
      safeDialogs: true,
    },
  };
}
