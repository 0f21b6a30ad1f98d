import { z } from 'zod';
import { OLD_BACKUPS_CHOICES, type OldBackupsPreview, type OldBackupsReport } from '../backups.js';
import { method, noInput } from './define.js';

export type VaultState = 'no-vault' | 'locked' | 'unlocked';

/** What the user should know about the vault just unlocked (all null while locked). */
export interface VaultNotices {
  /**
   * The vault's write counter is lower than the highest this computer has seen for
   * it (a backup restored by hand, the file replaced): how many changes are
   * missing. Null once the user goes on with it (`acceptOlderVault`).
   */
  olderVault: { missingChanges: number } | null;
  /**
   * The vault was just upgraded from an older format: that format, and where the
   * file as it was is kept. Null once dismissed.
   */
  upgraded: { fromFormat: number; copy: string } | null;
}

export const NO_VAULT_NOTICES: VaultNotices = { olderVault: null, upgraded: null };

export interface VaultStatus {
  state: VaultState;
  /** The vault file the app is working with. */
  vaultPath: string;
  notices: VaultNotices;
}

/** What a password change did: the backups made before it, or why they could not be looked at. */
export interface PasswordChangeOutcome {
  backups: OldBackupsReport | null;
  /** The password is changed, but the backups could not be looked at: why. */
  backupsProblem: string | null;
}

/** Bounded so a pasted novel cannot stall the key derivation. */
export const PasswordSchema = z.string().min(1, 'Enter the password.').max(1024);

export const vaultMethods = {
  getStatus: method(noInput).returns<VaultStatus>(),
  createVault: method(z.object({ password: PasswordSchema }).strict()).returns<VaultStatus>(),
  unlockVault: method(z.object({ password: PasswordSchema }).strict()).returns<VaultStatus>(),
  /**
   * The unlock screen is up: the core does the part of the unlock check that needs
   * no key while the password is typed (nothing secret; it is dropped if the vault
   * changes meanwhile).
   */
  prepareUnlock: method(noInput).returns<null>(),
  lockVault: method(noInput).returns<VaultStatus>(),
  /** The user goes on with a vault older than this computer last saw: it is remembered as it is. */
  acceptOlderVault: method(noInput).returns<VaultStatus>(),
  /** The notice that the vault was upgraded (and where the file as it was is kept) has been read. */
  dismissUpgradeNotice: method(noInput).returns<VaultStatus>(),
  /** Before a password change: which backups would still open with the old password. */
  previewPasswordChange: method(noInput).returns<OldBackupsPreview>(),
  /**
   * Changes the vault's password and key, then re-encrypts, deletes or keeps the
   * backups made before (`backups`). A wrong current password changes nothing.
   */
  changeVaultPassword: method(
    z
      .object({
        currentPassword: PasswordSchema,
        newPassword: PasswordSchema,
        backups: z.enum(OLD_BACKUPS_CHOICES),
      })
      .strict(),
  ).returns<PasswordChangeOutcome>(),
};
