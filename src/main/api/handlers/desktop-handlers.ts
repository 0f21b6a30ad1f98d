import type { CodeStep, CopyResult } from '../../../shared/contract/desktop-methods.js';
import type { Handlers } from '../../../shared/contract/index.js';
import { VaultError } from '../../../shared/errors.js';
import type { AppSession } from '../app-session.js';
import type { DesktopServices } from '../desktop-services.js';
import { codeForCounter, type Vault } from '../../../core/index.js';

type DesktopHandlers = Pick<
  Handlers,
  'copyCode' | 'copyBackupCode' | 'copyPassword' | 'copySecret' | 'reportActivity'
>;

/** The code a copy puts on the clipboard, computed here in main from the seed. */
function codeToCopy(vault: Vault, id: string, step: CodeStep): string {
  const [view] = vault.accounts.codes([id]);
  if (view === undefined) throw new VaultError('NOT_FOUND', `There is no account with id ${id}.`);
  if (view.type === 'hotp') {
    // The stored counter is the next one to use: the last generated code is the one before it.
    const { seed } = vault.accounts.revealSeed(id);
    if (seed.counter === 0) {
      throw new VaultError('INVALID_INPUT', 'Generate a code first, then copy it.');
    }
    return codeForCounter(seed, seed.counter - 1);
  }
  const code = view[step];
  if (code === null) throw new VaultError('NOT_FOUND', 'There is no such code to copy.');
  return code;
}

/** The desktop services, or a refusal naming what only the desktop app does. */
export function needDesktop(
  desktop: DesktopServices | undefined,
  refusal = 'The clipboard and auto-lock belong to the desktop app.',
): DesktopServices {
  if (desktop === undefined) throw new VaultError('REFUSED', refusal);
  return desktop;
}

export function desktopHandlers(
  session: AppSession,
  desktop: DesktopServices | undefined,
): DesktopHandlers {
  /** Puts text from the vault on the clipboard through the guard; the text never leaves main. */
  async function copy(textOf: (vault: Vault) => string): Promise<CopyResult> {
    const shell = needDesktop(desktop);
    const vault = session.unlocked();
    const text = textOf(vault);
    const { clipboardClearSeconds } = vault.settings.get();
    await shell.clipboard.copy(text, clipboardClearSeconds);
    return { clearsAfterSeconds: clipboardClearSeconds };
  }

  return {
    copyCode: ({ id, step }) => copy((vault) => codeToCopy(vault, id, step ?? 'current')),
    copyBackupCode: ({ accountId, setId, number }) =>
      copy((vault) => vault.backupCodes.copy(accountId, setId, number)),
    copyPassword: ({ id }) => copy((vault) => vault.logins.revealPassword(id)),
    copySecret: ({ id }) => copy((vault) => vault.accounts.revealSeed(id).seed.secret),
    reportActivity: () => {
      needDesktop(desktop).activity();
      return null;
    },
  };
}
