import { app, BrowserWindow, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { AppSession } from './api/app-session.js';
import { AutoBackup } from './api/auto-backup.js';
import { systemClock } from './vault/clock.js';
import { createHandlers } from './api/handlers/index.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { bindIpc } from './ipc.js';
import { APP_ENTRY_URL, APP_ORIGIN } from './shell-policy/app-origin.js';
import { DEVELOPMENT_CONTENT_SECURITY_POLICY } from './shell-policy/content-security-policy.js';
import { appWindowOptions } from './shell-policy/window-options.js';
import { defaultVaultPath } from './vault/paths.js';

/**
 * The Electron shell: lifecycle, the one window, and the IPC binding. Everything
 * it does with vault data goes through the handler table; it holds no logic of
 * its own that the tests cannot reach.
 */
const developmentUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const session = new AppSession({ vaultPath: defaultVaultPath() });
  const autoBackup = new AutoBackup(session, {
    clock: systemClock,
    onError: (error) =>
      console.warn(`Automatic backup failed: ${error instanceof Error ? error.message : error}`),
  });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to sign-in pages open in the user's browser, never inside the app.
      if (url.startsWith('https://') || url.startsWith('http://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    const defaultSession = electronSession.defaultSession;
    defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );
    defaultSession.setPermissionCheckHandler(() => false);
    if (developmentUrl) {
      defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            'Content-Security-Policy': [DEVELOPMENT_CONTENT_SECURITY_POLICY],
          },
        });
      });
    }
    serveRenderer(join(import.meta.dirname, '../renderer'));

    const allowedOrigins = developmentUrl
      ? [APP_ORIGIN, new URL(developmentUrl).origin]
      : [APP_ORIGIN];
    bindIpc(createHandlers(session), () => mainWindow, allowedOrigins);
    autoBackup.start();

    mainWindow = new BrowserWindow(
      appWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), Boolean(developmentUrl)),
    );
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(developmentUrl ?? APP_ENTRY_URL);
  });

  app.on('window-all-closed', () => {
    autoBackup.stop();
    session.close();
    app.quit();
  });
  app.on('before-quit', () => {
    autoBackup.stop();
    session.close();
  });
}
