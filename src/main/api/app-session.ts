import { existsSync } from 'node:fs';
import type { LockReason } from '../../shared/contract/events.js';
import type { OldBackupsChoice } from '../../shared/backups.js';
import {
  NO_VAULT_NOTICES,
  type PasswordChangeOutcome,
  type VaultNotices,
  type VaultStatus,
} from '../../shared/contract/vault-methods.js';
import { isVaultError, VaultError } from '../../shared/errors.js';
import {
  type ClockCheck,
  type Clock,
  systemClock,
  type CounterMemory,
  type KeyDerivation,
  type Random,
  Vault,
} from '../../core/index.js';

export interface AppSessionOptions {
  vaultPath: string;
  clock?: Clock;
  random?: Random;
  /** This computer's memory of each vault's write counter (the per-user config folder). */
  counterMemory?: CounterMemory;
  /** Tests only: a cheaper stand-in for Argon2id (see VaultOptions.deriveKey). */
  deriveKey?: KeyDerivation;
  /** The time server's UDP port for the opt-in clock check (tests use one on loopback); default 123. */
  timeServerPort?: number;
}

/**
 * The app's one vault, as the desktop app (and its e2e test host) sees it: which
 * file, and whether it is unlocked. Holds no Electron; the shell and the test
 * host both drive it through the same handler table.
 */
export class AppSession {
  private vault: Vault | null = null;
  private vaultPath: string;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  private readonly unlockListeners = new Set<() => void>();

  constructor(private readonly options: AppSessionOptions) {
    this.vaultPath = options.vaultPath;
  }

  status(): VaultStatus {
    const state = this.vault?.isUnlocked
      ? 'unlocked'
      : existsSync(this.vaultPath)
        ? 'locked'
        : 'no-vault';
    return { state, vaultPath: this.vaultPath, notices: this.notices() };
  }

  /** What unlocking found that the user should know, until they have seen to it. */
  private notices(): VaultNotices {
    const vault = this.vault;
    if (vault === null || !vault.isUnlocked) return NO_VAULT_NOTICES;
    const older = vault.olderThanLastSeen;
    const upgraded = vault.upgradedFrom;
    return {
      olderVault: older === null ? null : { missingChanges: older.missingChanges },
      upgraded:
        upgraded === null || upgraded.copy === this.upgradeNoticeRead
          ? null
          : { fromFormat: upgraded.fromFormat, copy: upgraded.copy },
    };
  }
  private upgradeNoticeRead: string | null = null;

  /** The user goes on with a vault older than this computer last saw. */
  acceptOlderVault(): VaultStatus {
    this.unlocked().acceptOlderVault();
    return this.status();
  }

  /** The upgrade notice has been read: it is not shown again. */
  dismissUpgradeNotice(): VaultStatus {
    this.upgradeNoticeRead = this.unlocked().upgradedFrom?.copy ?? null;
    return this.status();
  }

  /**
   * Changes the password and the vault key, then does `choice` with the backups
   * made before. A wrong current password (or a new one the core refuses)
   * changes nothing and names its field; once the password is changed, a failure
   * to look at the backups is reported, never thrown.
   */
  async changePassword(
    currentPassword: string,
    newPassword: string,
    choice: OldBackupsChoice,
  ): Promise<PasswordChangeOutcome> {
    const vault = this.unlocked();
    let oldKey: Uint8Array;
    try {
      oldKey = await vault.rotateKey(currentPassword, newPassword);
    } catch (error) {
      throw passwordRefusal(error);
    }
    try {
      return {
        backups: await vault.backups.afterPasswordChange(oldKey, choice),
        backupsProblem: null,
      };
    } catch (error) {
      return {
        backups: null,
        // The core's own sentences; never a system's text (an I/O error carries one).
        backupsProblem:
          isVaultError(error) && error.code !== 'IO_ERROR'
            ? error.message
            : 'Sparekey could not read the backups folder.',
      };
    }
  }

  async create(password: string): Promise<VaultStatus> {
    this.closeVault();
    this.vault = await Vault.create(this.vaultPath, password, this.vaultOptions());
    this.notifyUnlocked();
    return this.status();
  }

  /**
   * While the unlock screen is up: opens the vault (locked) if it is not open yet
   * and does the part of the unlock check that needs no key (Vault.prepareUnlock).
   * A vault that cannot be opened is left for the unlock to report.
   */
  prepareUnlock(): null {
    try {
      if (this.vault === null && existsSync(this.vaultPath)) {
        this.vault = Vault.open(this.vaultPath, this.vaultOptions());
      }
      if (this.vault !== null && !this.vault.isUnlocked) this.vault.prepareUnlock();
    } catch {
      // The unlock opens it again and says what is wrong.
    }
    return null;
  }

  async unlock(password: string): Promise<VaultStatus> {
    if (this.vault === null) this.vault = Vault.open(this.vaultPath, this.vaultOptions());
    const wasUnlocked = this.vault.isUnlocked;
    await this.vault.unlock(password);
    if (!wasUnlocked) {
      // Accounts removed more than 30 days ago are purged now (they are no longer offered anyway).
      // Housekeeping only: a vault busy elsewhere or damaged still opens; the purge waits.
      try {
        this.vault.accounts.removed.purgeExpired();
      } catch {
        // Purged at the next unlock or removal.
      }
      this.notifyUnlocked();
    }
    return this.status();
  }

  /** Drops key material and tells listeners (the shell clears the renderer and the clipboard). */
  lock(reason: LockReason = 'user'): VaultStatus {
    const wasUnlocked = this.vault?.isUnlocked ?? false;
    this.vault?.lock();
    if (wasUnlocked) for (const listener of this.lockListeners) listener(reason);
    return this.status();
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Called after every create or unlock (the shell starts the idle timer, applies settings). */
  onUnlock(listener: () => void): () => void {
    this.unlockListeners.add(listener);
    return () => this.unlockListeners.delete(listener);
  }

  /** Switches to another vault file (locked). */
  useVaultFile(path: string): VaultStatus {
    this.lock('vault-file-changed');
    this.closeVault();
    this.vaultPath = path;
    return this.status();
  }

  /**
   * Locks and closes the vault, then lets `replace` change its file (a restore
   * from a backup); the vault stays locked, to be opened with its new password.
   */
  async replaceVaultFile<T>(reason: LockReason, replace: (path: string) => Promise<T>): Promise<T> {
    this.lock(reason);
    this.closeVault();
    return replace(this.vaultPath);
  }

  /** The unlocked vault; LOCKED otherwise. */
  unlocked(): Vault {
    if (this.vault === null || !this.vault.isUnlocked) {
      throw new VaultError('LOCKED', 'The vault is locked. Unlock it with its password first.');
    }
    return this.vault;
  }

  /** The clock the app runs on (tests inject a fixed one). */
  get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  now(): number {
    return this.clock.now();
  }

  get timeServerPort(): number | undefined {
    return this.options.timeServerPort;
  }

  /** The last opt-in clock check, shown in health reports until the app quits. */
  lastClockCheck: ClockCheck | null = null;

  close(): void {
    this.lock();
    this.closeVault();
  }

  private notifyUnlocked(): void {
    for (const listener of this.unlockListeners) listener();
  }

  private closeVault(): void {
    this.vault?.close();
    this.vault = null;
  }

  /** What a restore opens the restored vault with (so this computer's counter memory follows it). */
  restoreOptions(): { counterMemory?: CounterMemory; deriveKey?: KeyDerivation } {
    const { counterMemory, deriveKey } = this.options;
    return { ...(counterMemory ? { counterMemory } : {}), ...(deriveKey ? { deriveKey } : {}) };
  }

  private vaultOptions() {
    return {
      clock: this.options.clock,
      random: this.options.random,
      counterMemory: this.options.counterMemory,
      deriveKey: this.options.deriveKey,
    };
  }
}

/** A refused password change, placed at the field it concerns. */
function passwordRefusal(error: unknown): unknown {
  if (!isVaultError(error)) return error;
  if (error.code === 'WRONG_PASSWORD') {
    return new VaultError(
      'WRONG_PASSWORD',
      'That is not the vault’s current password; nothing was changed.',
      { field: 'currentPassword' },
    );
  }
  if (error.code === 'INVALID_INPUT') {
    return new VaultError(error.code, error.message, { ...error.details, field: 'newPassword' });
  }
  return error;
}
