import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, type Handlers, METHOD_NAMES } from '../shared/contract/index.js';
import { dispatch } from './api/dispatch.js';
import { isTrustedSender } from './shell-policy/sender-check.js';

/**
 * Binds every contract method to its IPC channel. A call is answered only when
 * it comes from the top frame of the app's own window, showing the app's own
 * page; anything else is refused and logged (without its input).
 */
export function bindIpc(
  handlers: Handlers,
  appWindow: () => BrowserWindow | null,
  allowedOrigins: string[],
): void {
  const log = { warn: (message: string) => console.warn(`[sparekey] ${message}`) };
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const window = appWindow();
      const trusted = isTrustedSender(
        {
          frameUrl: frame?.url,
          isTopFrame: frame !== null && frame.parent === null,
          isAppWindow: window !== null && event.sender === window.webContents,
        },
        allowedOrigins,
      );
      if (!trusted) {
        log.warn(`Refused ${name} from an untrusted frame.`);
        return {
          ok: false,
          error: { code: 'REFUSED', message: 'Refused: not the Sparekey window.' },
        };
      }
      return dispatch(handlers, name, input, log);
    });
  }
}
