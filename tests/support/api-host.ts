import { AppSession } from '../../src/main/api/app-session.js';
import { DesktopServices, type SaveFileRequest } from '../../src/main/api/desktop-services.js';
import { dispatch } from '../../src/main/api/dispatch.js';
import { createHandlers } from '../../src/main/api/handlers/index.js';
import { FixedClock } from '../../src/core/clock.js';
import type { Envelope } from '../../src/shared/contract/index.js';
import { ManualTimers, MemoryClipboard } from './manual-timers.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from './temp-vault.js';

/** The OS save dialog, scripted: the paths "chosen" in order (null: cancel), and what each was asked. */
export interface ScriptedSaveDialog {
  answers: (string | null)[];
  requests: SaveFileRequest[];
  /** Runs while the dialog is open (before it answers): the vault may lock meanwhile. */
  whileOpen?: () => void;
}

/**
 * The UI's path without the UI: a session with a new, unlocked vault, and every
 * call through the contract's schemas and the handler table, as over IPC.
 * With `desktop`, the desktop services run on in-memory ports (a scripted save dialog).
 */
export async function unlockedApiHost({ desktop = false } = {}) {
  const warnings: string[] = [];
  const clock = new FixedClock(T0);
  const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF, clock });
  const saveDialog: ScriptedSaveDialog = { answers: [], requests: [] };
  const services = desktop
    ? new DesktopServices(session, {
        clipboard: new MemoryClipboard(),
        timers: new ManualTimers(clock),
        clock,
        send: () => undefined,
        setContentProtection: () => undefined,
        chooseSavePath: (request) => {
          saveDialog.requests.push(request);
          saveDialog.whileOpen?.();
          return Promise.resolve(saveDialog.answers.shift() ?? null);
        },
        renderPdf: () => Promise.reject(new Error('This host makes no PDFs.')),
        printHtml: () => Promise.reject(new Error('This host prints nothing.')),
      })
    : undefined;
  const handlers = createHandlers(session, services);
  const log = { warn: (message: string) => warnings.push(message) };
  /** The envelope, ok or not. */
  const call = async <T>(name: string, input: unknown): Promise<Envelope<T>> =>
    (await dispatch(handlers, name, input, log)) as Envelope<T>;
  /** The value; a refused call fails the test with its code and message. */
  const value = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await call<T>(name, input);
    if (!result.ok)
      throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  await value('createVault', { password: PASSWORD });
  return { session, clock, handlers, log, warnings, call, value, saveDialog };
}
