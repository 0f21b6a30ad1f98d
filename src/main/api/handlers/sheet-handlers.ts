import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';

type SheetHandlers = Pick<
  Handlers,
  | 'renderSheet'
  | 'markSheetPrinted'
  | 'getSheetPrint'
  | 'getBackupStatus'
  | 'backUpNow'
  | 'listBackups'
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
    getBackupStatus: () => vault().backups.status(),
    backUpNow: () => vault().backups.create(),
    listBackups: () => vault().backups.list(),
  };
}
