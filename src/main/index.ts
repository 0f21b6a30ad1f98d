import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  Menu,
  powerMonitor,
  session as electronSession,
  shell,
} from 'electron';
import { join } from 'node:path';
import { eventChannelOf, type EventSender } from '../shared/contract/index.js';
import { setDateLocale } from '../shared/dates.js';
import { AppSession } from './api/app-session.js';
import { AutoBackup } from './api/auto-backup.js';
import { DesktopServices } from './api/desktop-services.js';
import { createHandlers } from './api/handlers/index.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { bindIpc } from './ipc.js';
import { printSheetHtml, renderSheetPdf } from './sheet-printer.js';
import { appMenuTemplate } from './shell-policy/app-menu.js';
import { APP_ENTRY_URL, APP_ORIGIN } from './shell-policy/app-origin.js';
import {
  decideExternalLink,
  linkQuestion,
  OPEN_LINK_BUTTON,
} from './shell-policy/external-links.js';
import { type ClipboardPayload, secretClipboardEntry } from './shell-policy/secret-clipboard.js';
import { storedLinks } from './shell-policy/stored-links.js';
import { DEVELOPMENT_CONTENT_SECURITY_POLICY } from './shell-policy/content-security-policy.js';
import { systemTimers } from './api/timers.js';
import { guardSession, guardWebContents } from './shell-policy/web-contents-guards.js';
import { appWindowOptions } from './shell-policy/window-options.js';
import {
  counterMemoryPath,
  defaultVaultPath,
  FileCounterMemory,
  systemClock,
} from '../core/index.js';

/**
 * The Electron shell: lifecycle, the one window, the menu, the IPC binding and
 * the OS hooks (clipboard, power events, dialogs). Everything it does with vault
 * data goes through the handler table and DesktopServices, which the e2e host
 * runs too; nothing here holds logic the tests cannot reach.
 */
const developmentUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const development = Boolean(developmentUrl);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const session = new AppSession({
    vaultPath: defaultVaultPath(),
    counterMemory: new FileCounterMemory(counterMemoryPath()),
  });
  const autoBackup = new AutoBackup(session, {
    clock: systemClock,
    onError: (error) =>
      console.warn(`Automatic backup failed: ${error instanceof Error ? error.message : error}`),
  });

  const send: EventSender = (name, payload) => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) {
      mainWindow.webContents.send(eventChannelOf(name), payload);
    }
  };
  // Every copy through the guard is a secret: marked for clipboard managers and history.
  const asBlobs = (entry: Record<string, ClipboardPayload>) =>
    Object.fromEntries(
      Object.entries(entry).map(([type, payload]) => [
        type,
        typeof payload === 'string' ? payload : new Blob([payload]),
      ]),
    );
  const desktop = new DesktopServices(session, {
    clipboard: {
      readText: () => clipboard.readText(),
      writeText: (text) =>
        clipboard.write([new ClipboardItem(asBlobs(secretClipboardEntry(text, process.platform)))]),
      clear: () => clipboard.clear(),
    },
    timers: systemTimers,
    clock: systemClock,
    send,
    setContentProtection: (enabled) => mainWindow?.setContentProtection(enabled),
    chooseSavePath: async ({ title, defaultName, filters }) => {
      if (mainWindow === null) return null;
      const picked = await dialog.showSaveDialog(mainWindow, {
        title,
        defaultPath: join(app.getPath('documents'), defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return picked.canceled || picked.filePath === undefined ? null : picked.filePath;
    },
    renderPdf: renderSheetPdf,
    printHtml: printSheetHtml,
  });

  async function openVaultFile(): Promise<void> {
    if (mainWindow === null) return;
    const picked = await dialog.showOpenDialog(mainWindow, {
      title: 'Open a Sparekey vault',
      properties: ['openFile'],
      filters: [
        { name: 'Sparekey vaults', extensions: ['sparekey'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    const [path] = picked.filePaths;
    if (!picked.canceled && path !== undefined) desktop.openVaultFile(path);
  }

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  /** A link the renderer asked to open: a stored address opens; another one is asked about here. */
  async function openLink(requested: string): Promise<void> {
    const vault = session.status().state === 'unlocked' ? session.unlocked() : null;
    const decision = decideExternalLink(requested, vault === null ? [] : storedLinks(vault));
    if (decision.action === 'refuse') return;
    if (decision.action === 'ask') {
      if (mainWindow === null) return;
      const answer = await dialog.showMessageBox(mainWindow, linkQuestion(decision));
      if (answer.response !== OPEN_LINK_BUTTON) return;
    }
    await shell.openExternal(decision.url);
  }

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => void openLink(url).catch(() => undefined));
  });

  void app.whenReady().then(() => {
    // The core's messages write dates as the renderer does: the system's way (app.getLocale()).
    setDateLocale(app.getLocale());
    const defaultSession = electronSession.defaultSession;
    guardSession(defaultSession);
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
    bindIpc(createHandlers(session, desktop), () => mainWindow, allowedOrigins);
    autoBackup.start();

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(process.platform, development, {
          openVaultFile: () => void openVaultFile(),
          lock: () => session.lock('user'),
        }),
      ),
    );

    powerMonitor.on('suspend', () => desktop.systemEvent('suspend'));
    powerMonitor.on('lock-screen', () => desktop.systemEvent('lock-screen'));

    mainWindow = new BrowserWindow(
      appWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), development),
    );
    mainWindow.setContentProtection(desktop.currentSettings.screenCaptureProtection);
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(developmentUrl ?? APP_ENTRY_URL);
  });

  app.on('window-all-closed', () => app.quit());
  // Before quitting: clear the clipboard if it still holds what Sparekey copied, lock and close the vault.
  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    shutDown = true;
    autoBackup.stop();
    void desktop.shutdown().finally(() => app.quit());
  });
}
