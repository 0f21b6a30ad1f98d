import type { Handlers } from '../../../shared/contract/index.js';
import { VaultError } from '../../../shared/errors.js';
import type { AppSession } from '../app-session.js';
import { checkBackup, restoreVault } from '../../../core/index.js';

type SheetHandlers = Pick<
  Handlers,
  | 'renderSheet'
  | 'markSheetPrinted'
  | 'getSheetPrint'
  | 'listSheetPrints'
  | 'getBackupStatus'
  | 'backUpNow'
  | 'listBackups'
  | 'restoreBackup'
>;

export function sheetHandlers(session: AppSession): SheetHandlers {
  const vault = () => session.unlocked();
  return {
    renderSheet: ({ accountIds, paper, includeUsed }) =>
      vault().sheets.render(accountIds === undefined ? { all: true } : { accountIds }, {
        paper,
        includeUsed,
      }),
    markSheetPrinted: ({ accountIds, ...options }) =>
      vault().sheets.markPrinted(accountIds, options),
    getSheetPrint: ({ accountId }) => vault().sheets.lastPrinted(accountId),
    listSheetPrints: () => vault().sheets.listPrinted(),
    getBackupStatus: () => vault().backups.status(),
    backUpNow: () => vault().backups.create(),
    listBackups: () => vault().backups.listWithPasswords(),
    restoreBackup: async ({ name, password }) => {
      const backup = vault()
        .backups.list()
        .find((file) => file.name === name);
      if (backup === undefined) {
        throw new VaultError(
          'NOT_FOUND',
          `There is no backup named ${name} in the backups folder.`,
        );
      }
      const clock = session.clock;
      // A wrong password or a damaged backup is refused here, with the vault still open.
      await checkBackup(backup.path, password, { clock, ...session.restoreOptions() });
      const result = await session.replaceVaultFile('restored', (to) =>
        restoreVault({
          from: backup.path,
          to,
          password,
          force: true,
          clock,
          vaultOptions: session.restoreOptions(),
        }),
      );
      return { restoredFrom: backup.name, keptAs: result.keptAs, records: result.records };
    },
  };
}
