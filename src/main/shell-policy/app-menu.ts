/**
 * The application menu, as data: the shell builds it with Electron's Menu,
 * the tests read it without Electron. Typed structurally (a subset of
 * Electron's MenuItemConstructorOptions).
 */
export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'minimize'
  | 'close'
  | 'zoom'
  | 'front'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

export interface MenuItemSpec {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface MenuActions {
  openVaultFile(): void;
  lock(): void;
}

const separator: MenuItemSpec = { type: 'separator' };

/**
 * File (open another vault, lock, quit), Edit (so copy and paste work in
 * fields on macOS), View (zoom; reload and devtools in development only),
 * Window. Quit goes through the app's quit, which clears the clipboard.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform | string,
  development: boolean,
  actions: MenuActions,
): MenuItemSpec[] {
  const mac = platform === 'darwin';
  const file: MenuItemSpec = {
    label: '&File',
    submenu: [
      {
        id: 'open-vault',
        label: 'Open Vault File…',
        accelerator: 'CmdOrCtrl+O',
        click: actions.openVaultFile,
      },
      separator,
      { id: 'lock', label: 'Lock', accelerator: 'CmdOrCtrl+L', click: actions.lock },
      ...(mac ? [] : [separator, { id: 'quit', role: 'quit' as const, label: 'Quit' }]),
    ],
  };
  const edit: MenuItemSpec = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(development
        ? [separator, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
        : []),
    ],
  };
  const windowMenu: MenuItemSpec = {
    label: '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const appMenu: MenuItemSpec = {
    label: 'Sparekey',
    submenu: [
      { role: 'about' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { id: 'quit', role: 'quit', label: 'Quit Sparekey' },
    ],
  };
  return mac ? [appMenu, file, edit, view, windowMenu] : [file, edit, view, windowMenu];
}

/** Every item of a template, depth first (for tests and lookups). */
export function menuItems(template: readonly MenuItemSpec[]): MenuItemSpec[] {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}
