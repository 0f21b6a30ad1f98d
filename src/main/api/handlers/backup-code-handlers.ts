import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';

type BackupCodeHandlers = Pick<
  Handlers,
  | 'previewBackupCodes'
  | 'addBackupCodes'
  | 'listBackupCodeSets'
  | 'revealBackupCodes'
  | 'useBackupCode'
  | 'useTypedBackupCode'
  | 'undoBackupCodeUse'
  | 'getBackupCodeHistory'
  | 'getCodesStatus'
  | 'listCodesStatus'
>;

export function backupCodeHandlers(session: AppSession): BackupCodeHandlers {
  const codes = () => session.unlocked().backupCodes;
  return {
    previewBackupCodes: ({ text, accountId }) => codes().preview(text, accountId),
    addBackupCodes: ({ accountId, ...input }) => codes().add(accountId, input),
    listBackupCodeSets: ({ accountId }) =>
      session.unlocked().snapshot(() => ({
        status: codes().status(accountId),
        sets: codes().sets(accountId),
      })),
    revealBackupCodes: ({ accountId, setId }) => codes().reveal(accountId, setId),
    useBackupCode: ({ accountId, setId, number, note }) =>
      codes().use(accountId, { setId, number }, note),
    useTypedBackupCode: ({ accountId, code, note }) => codes().use(accountId, { code }, note),
    undoBackupCodeUse: ({ accountId }) => codes().undo(accountId),
    getBackupCodeHistory: ({ accountId }) => codes().usageHistory(accountId),
    getCodesStatus: ({ accountId }) => codes().status(accountId),
    listCodesStatus: () => codes().statusAll(),
  };
}
