import type { Handlers } from '../../../shared/contract/index.js';
import type { AppSession } from '../app-session.js';

type VaultHandlers = Pick<
  Handlers,
  | 'getStatus'
  | 'createVault'
  | 'unlockVault'
  | 'prepareUnlock'
  | 'lockVault'
  | 'acceptOlderVault'
  | 'dismissUpgradeNotice'
  | 'previewPasswordChange'
  | 'changeVaultPassword'
>;

export function vaultHandlers(session: AppSession): VaultHandlers {
  return {
    getStatus: () => session.status(),
    createVault: ({ password }) => session.create(password),
    unlockVault: ({ password }) => session.unlock(password),
    prepareUnlock: () => session.prepareUnlock(),
    lockVault: () => session.lock(),
    acceptOlderVault: () => session.acceptOlderVault(),
    dismissUpgradeNotice: () => session.dismissUpgradeNotice(),
    previewPasswordChange: () => session.unlocked().backups.oldBackupsPreview(),
    changeVaultPassword: ({ currentPassword, newPassword, backups }) =>
      session.changePassword(currentPassword, newPassword, backups),
  };
}
