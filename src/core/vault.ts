import { existsSync } from 'node:fs';
import { accountFullName } from '../shared/account-names.js';
import { VaultError } from '../shared/errors.js';
import { AccountService } from './accounts/accounts.js';
import { BackupCodeService } from './backup-codes/backup-codes.js';
import { type Clock, systemClock } from './clock.js';
import { KEY_LENGTH, packSealed, seal } from './crypto/aead.js';
import { toHex, wipe } from './crypto/bytes.js';
import {
  DEFAULT_KDF_COST,
  deriveKey as argon2idKey,
  type KdfCost,
  kdfCostProblem,
  kdfParams,
  type KeyDerivation,
  SALT_LENGTH,
} from './crypto/kdf.js';
import { deriveSubkeys, type VaultSubkeys, wipeSubkeys } from './crypto/subkeys.js';
import { type Random, systemRandom } from './random.js';
import { removeVaultFiles, VaultDatabase } from './storage/database.js';
import { HistoryService } from './history/history.js';
import {
  keySlotAssociatedData,
  readHeader,
  VAULT_ID_LENGTH,
  type VaultHeader,
  writeHeader,
} from './storage/header.js';
import { RecordStore } from './storage/records.js';
import { CURRENT_FORMAT, migrateSchema } from './storage/schema.js';
import { type PreparedStateCheck, prepareStateCheck, VaultState } from './storage/vault-state.js';
import { reencryptVault, unwrapVaultKey } from './vault-keys.js';
import type { CounterMemory, OlderVault } from './storage/counter-memory.js';
import { copyVault } from './backups/vault-copy.js';
import { ContactDirectory } from './contacts/contact-directory.js';
import { ContactService } from './contacts/contacts.js';
import { ExportService } from './exporters/export-service.js';
import { ImportService } from './importers/import-service.js';
import { LoginService } from './logins/logins.js';
import { RecoveryService } from './recovery/recovery.js';
import { PasswordService } from './passwords/passwords.js';
import { SettingsService } from './settings/settings.js';
import type { VaultContext } from './vault-context.js';
import { BackupService } from './backups/backups.js';
import { type BackupState, INITIAL_BACKUP_STATE } from './backups/backup-state.js';
import { ChangeTracker, readBackupState } from './backups/change-tracker.js';
import { SheetService } from './sheets/sheets.js';
import { HealthService } from './health/health-service.js';

export interface VaultOptions {
  clock?: Clock;
  random?: Random;
  /** Argon2id cost for a new vault or a new password; defaults to DEFAULT_KDF_COST. */
  kdfCost?: KdfCost;
  /** How long a write waits for another process's write before giving BUSY. */
  busyTimeoutMs?: number;
  /** Open without ever writing to the file (to check a backup); only `open`/`unlock`. */
  readOnly?: boolean;
  /**
   * This computer's memory of the highest write counter seen per vault (kept in the
   * per-user config folder, never in the vault): an older vault is reported at unlock.
   */
  counterMemory?: CounterMemory;
  /**
   * The password-key derivation; Argon2id with the vault's parameters unless a test
   * gives a cheaper stand-in (the parameters written and checked stay the real ones).
   */
  deriveKey?: KeyDerivation;
}

/** What `verifyDetailed` found: the problems (none when intact) and how many records were decrypted. */
/** A vault upgraded from an older format in this session: that format, and where the file as it was is kept. */
export interface VaultUpgrade {
  fromFormat: number;
  copy: string;
}

export interface VerifyReport {
  problems: string[];
  records: number;
  /** The vault's write counter (0 for a format-1 vault, which has none). */
  counter: number;
}

/** A copy of this vault checked with this vault's key. */
export interface CopyInspection extends VerifyReport {
  /** The copy's change count and backup bookkeeping, as it was when copied. */
  state: BackupState;
}

export const MIN_PASSWORD_LENGTH = 8;

function checkNewPassword(password: string): void {
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
    throw new VaultError(
      'INVALID_INPUT',
      `The vault password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  }
}

/**
 * An open vault file. It starts locked (only the header is read); `unlock`
 * derives the password key, unwraps the vault key, and makes the features
 * available; `lock` overwrites the key and drops everything decrypted.
 */
export class Vault {
  /** The vault key and, in format 2, the subkeys derived from it (the key itself encrypts nothing). */
  private key: Uint8Array | null = null;
  private subkeys: VaultSubkeys | null = null;
  private state: VaultState | null = null;
  private recordStore: RecordStore | null = null;
  private header: VaultHeader;
  private olderVault: OlderVault | null = null;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly kdfCost: KdfCost;
  private readonly derive: KeyDerivation;
  private readonly counterMemory: CounterMemory | undefined;
  private readonly context: VaultContext;
  private readonly changes: ChangeTracker;
  private readonly readOnly: boolean;

  readonly accounts: AccountService;
  readonly settings: SettingsService;
  readonly logins: LoginService;
  readonly recovery: RecoveryService;
  readonly contacts: ContactService;
  readonly history: HistoryService;
  readonly backupCodes: BackupCodeService;
  readonly passwords: PasswordService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly backups: BackupService;
  readonly sheets: SheetService;
  readonly health: HealthService;

  private constructor(
    private readonly db: VaultDatabase,
    options: VaultOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.kdfCost = options.kdfCost ?? DEFAULT_KDF_COST;
    this.derive = options.deriveKey ?? argon2idKey;
    this.counterMemory = options.counterMemory;
    this.readOnly = options.readOnly ?? false;
    this.header = db.read(() => readHeader(db));
    this.changes = new ChangeTracker(db, this.clock);
    this.context = {
      db,
      clock: this.clock,
      random: this.random,
      records: () => {
        if (this.recordStore === null) {
          throw new VaultError('LOCKED', 'The vault is locked. Unlock it with its password first.');
        }
        return this.recordStore;
      },
      write: (fn) => {
        const records = this.context.records();
        const state = this.state;
        if (state === null) {
          throw new VaultError('REFUSED', 'This copy of the vault is opened to be read only.');
        }
        // One transaction: the change, its count for "changes no backup holds", and the
        // vault's sealed state (write counter, MAC over every record).
        return db.write(() => state.write(() => this.changes.track(records, fn)));
      },
      read: (fn) => {
        this.context.records();
        const state = this.state;
        // What another program changed while the vault is open is checked before it is read.
        return db.read(() => {
          if (!this.namingDamage) state?.checkIfChangedElsewhere();
          return fn();
        });
      },
      newId: () => toHex(this.random.bytes(8)),
      onLock: (listener) => this.lockListeners.push(listener),
    };
    // Each service gets the context and the services whose data it reads, nothing more
    // (docs/architecture.md draws these dependencies).
    const context = this.context;
    this.accounts = new AccountService(context);
    this.settings = new SettingsService(context);
    this.history = new HistoryService(context, this.accounts);
    this.logins = new LoginService(context, this.accounts);
    const contactDirectory = new ContactDirectory(context);
    this.recovery = new RecoveryService(context, this.accounts, contactDirectory);
    this.contacts = new ContactService(
      context,
      contactDirectory,
      this.accounts,
      this.recovery,
      this.history,
    );
    this.backupCodes = new BackupCodeService(context, this.accounts, this.history, this.settings);
    this.passwords = new PasswordService(context, this.accounts, this.logins);
    this.imports = new ImportService(context, this.accounts, this.logins);
    this.exports = new ExportService(context, this.accounts);
    this.backups = new BackupService(
      context,
      this.changes,
      this.settings,
      (path) => this.inspectCopy(path),
      () => ({
        key: this.currentKey(),
        target: {
          header: this.header,
          subkeys: this.currentSubkeys(),
          tagger: this.currentState().rowTagger,
        },
        derive: this.derive,
      }),
    );
    this.sheets = new SheetService(
      context,
      this.accounts,
      this.backupCodes,
      this.contacts,
      this.recovery,
      this.history,
    );
    this.health = new HealthService(context, {
      settings: this.settings,
      accounts: this.accounts,
      contacts: this.contacts,
      recovery: this.recovery,
      backupCodes: this.backupCodes,
      logins: this.logins,
      sheets: this.sheets,
      backups: this.backups,
    });
  }

  /** Creates a new vault at `path` (refusing to overwrite anything) and returns it unlocked. */
  static async create(path: string, password: string, options: VaultOptions = {}): Promise<Vault> {
    checkNewPassword(password);
    const random = options.random ?? systemRandom;
    const kdf = kdfParams(
      checkedCost(options.kdfCost ?? DEFAULT_KDF_COST),
      random.bytes(SALT_LENGTH),
    );
    const vaultKey = random.bytes(KEY_LENGTH);
    const header = await wrapKey(
      { format: CURRENT_FORMAT, vaultId: random.bytes(VAULT_ID_LENGTH), kdf },
      vaultKey,
      password,
      options.deriveKey ?? argon2idKey,
      random,
    );

    const db = VaultDatabase.createNew(path, options.busyTimeoutMs);
    try {
      const subkeys = deriveSubkeys(vaultKey, header.vaultId, CURRENT_FORMAT);
      const sealer = new VaultState(db, header, subkeys);
      try {
        db.write(() => {
          migrateSchema(db, 0);
          writeHeader(db, header);
          sealer.seal(1);
        });
      } finally {
        sealer.destroy();
        wipeSubkeys(subkeys);
      }
      const vault = new Vault(db, options);
      await vault.becomeUnlocked(vaultKey);
      const state = vault.state!;
      db.read(() => state.check());
      vault.rememberCounter();
      return vault;
    } catch (error) {
      wipe(vaultKey);
      db.close();
      removeVaultFiles(path);
      throw error;
    }
  }

  /** Opens an existing vault, locked. Refuses a file that is not a vault, or from a newer Sparekey. */
  static open(path: string, options: VaultOptions = {}): Vault {
    const db = VaultDatabase.openExisting(path, options.busyTimeoutMs, options.readOnly);
    try {
      return new Vault(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Opens and unlocks in one step. */
  static async unlock(path: string, password: string, options: VaultOptions = {}): Promise<Vault> {
    const vault = Vault.open(path, options);
    try {
      await vault.unlock(password);
      return vault;
    } catch (error) {
      vault.close();
      throw error;
    }
  }

  get path(): string {
    return this.db.path;
  }

  /** The vault's SQLite file, for features that work on the file as a whole (copies, backups). */
  get database(): VaultDatabase {
    return this.db;
  }

  get isUnlocked(): boolean {
    return this.key !== null;
  }

  /** Hex id of this vault (not secret; it binds every record to this file's lineage). */
  get vaultId(): string {
    return toHex(this.header.vaultId);
  }

  get kdfParameters(): KdfCost {
    const { memoryKiB, passes, lanes } = this.header.kdf;
    return { memoryKiB, passes, lanes };
  }

  /**
   * Derives the password key and unwraps the vault key, upgrades a format-1 vault
   * (after keeping a copy of it), then checks the whole vault: every record's
   * row against the sealed state. A vault changed outside Sparekey is refused
   * (VAULT_DAMAGED); one older than this computer last saw opens, with
   * `olderThanLastSeen` saying so.
   */
  async unlock(password: string): Promise<void> {
    if (this.isUnlocked) return;
    // Another process may have changed the password since this vault was opened.
    this.header = this.db.read(() => readHeader(this.db));
    const header = this.header;
    const unwrapping = this.unwrapKey(header, password);
    // Everything of the whole-vault check that needs no key (the schema lock, SQLite's
    // index check, every row read and encoded): done while the password was typed
    // (prepareUnlock), or now, while Argon2id runs on other threads.
    const prepared = this.takePreparedCheck(header) ?? this.prepareCheck(header);
    let vaultKey = await unwrapping;
    try {
      if (this.header.format !== CURRENT_FORMAT && !this.readOnly) {
        vaultKey = await this.upgradeFormat(vaultKey, password);
      }
      await this.becomeUnlocked(vaultKey);
      // Damage found before the key was known is reported now, so it can be named.
      if (prepared.error !== undefined) throw prepared.error;
      const state = this.state;
      if (state !== null) this.db.read(() => state.check(prepared.check));
    } catch (error) {
      const explained = this.explainDamage(error);
      this.lock();
      throw explained;
    }
    if (!this.readOnly) this.compareWithMemory();
  }

  /**
   * A failed state check says only that the rows are not the ones sealed. Where a
   * row does not decrypt either (moved to another id or parent, copied from
   * another vault, edited), that row and its account are named.
   */
  private explainDamage(error: unknown): unknown {
    const records = this.recordStore;
    if (!(error instanceof VaultError) || error.details?.part !== 'state' || records === null) {
      return error;
    }
    // The check has just failed: the reads below, which name what it found, skip it.
    this.namingDamage = true;
    try {
      const [row] = this.db.read(() => records.verifyAll());
      const suspect = row ?? (typeof error.details.kind === 'string' ? error.details : undefined);
      if (suspect === undefined) return error;
      const kind = String(suspect.kind);
      const id = String(suspect.id);
      const account = this.db.read(() => this.accountNameOf(kind, id));
      return new VaultError(
        'VAULT_DAMAGED',
        `The vault at ${this.db.path} was changed outside Sparekey: the ${kind} record ${id}${account === undefined ? '' : ` of ${account}`} is not the one Sparekey wrote. Sparekey does not use the vault, so that nothing in it is trusted by mistake. Restore the latest backup.`,
        { ...error.details, kind, id, ...(account === undefined ? {} : { account }) },
      );
    } catch {
      return error;
    } finally {
      this.namingDamage = false;
    }
  }
  private namingDamage = false;

  /** The name of the account a record belongs to, when that account's own record reads. */
  private accountNameOf(kind: string, id: string): string | undefined {
    const records = this.recordStore;
    if (records === null) return undefined;
    const accountId = this.accounts.exists(id) ? id : (records.parentOf(kind, id) ?? undefined);
    if (accountId === undefined || !this.accounts.exists(accountId)) return undefined;
    try {
      return accountFullName(this.accounts.get(accountId));
    } catch {
      return undefined;
    }
  }

  /**
   * When this vault's write counter is lower than the highest this computer has
   * seen for it: how many changes are missing (a backup restored by hand, or the
   * file replaced). Null otherwise, and after `acceptOlderVault`.
   */
  get olderThanLastSeen(): OlderVault | null {
    return this.olderVault;
  }

  /** The user chose to go on with an older vault: this computer now remembers it as it is. */
  acceptOlderVault(): void {
    if (this.olderVault === null || this.state === null) return;
    const counter = this.state.counter;
    updateMemory(() => this.counterMemory?.reset(this.vaultId, counter));
    this.olderVault = null;
  }

  /** The vault's write counter as last checked or written here (format 2; locked: an error). */
  get writeCounter(): number {
    if (this.state === null) throw new VaultError('LOCKED', 'The vault is locked.');
    return this.state.counter;
  }

  private compareWithMemory(): void {
    const memory = this.counterMemory;
    if (memory === undefined || this.state === null) return;
    const counter = this.state.counter;
    const seen = memory.highest(this.vaultId);
    if (seen !== undefined && seen > counter) {
      this.olderVault = { counter, seen, missingChanges: seen - counter };
    } else {
      updateMemory(() => memory.remember(this.vaultId, counter));
    }
  }

  private rememberCounter(): void {
    if (this.state === null || this.olderVault !== null || this.readOnly) return;
    const state = this.state;
    updateMemory(() => this.counterMemory?.remember(this.vaultId, state.counter));
  }

  /** Overwrites the vault key and forgets everything decrypted. */
  lock(): void {
    this.preparedCheck = null;
    this.rememberCounter();
    wipe(this.key);
    wipeSubkeys(this.subkeys);
    this.state?.destroy();
    this.key = null;
    this.subkeys = null;
    this.state = null;
    this.recordStore = null;
    for (const listener of this.lockListeners) listener();
  }
  private readonly lockListeners: (() => void)[] = [];

  close(): void {
    this.lock();
    this.db.close();
  }

  /**
   * Changes the password and rotates the vault key: a new random vault key, every
   * record re-encrypted under it and the state sealed again, all in one
   * transaction; then the WAL is emptied, so neither the old key slot nor any old
   * ciphertext is left in the file or beside it (secure_delete zeroes what SQLite
   * frees). Backups made before keep the old key and password (`rotateKey` hands
   * the old key to `BackupService.afterPasswordChange`, which re-encrypts, deletes
   * or keeps them).
   */
  async changePassword(
    currentPassword: string,
    newPassword: string,
    cost?: KdfCost,
  ): Promise<void> {
    const oldKey = await this.rotateKey(currentPassword, newPassword, cost);
    wipe(oldKey);
  }

  /** `changePassword`, handing the old vault key to the caller (to re-encrypt backups with). */
  async rotateKey(
    currentPassword: string,
    newPassword: string,
    cost?: KdfCost,
  ): Promise<Uint8Array> {
    checkNewPassword(newPassword);
    if (this.readOnly)
      throw new VaultError('REFUSED', 'This copy of the vault is opened to be read only.');
    const kdf = kdfParams(checkedCost(cost ?? this.kdfCost), this.random.bytes(SALT_LENGTH));
    const verified = this.db.read(() => readHeader(this.db));
    if (verified.format !== CURRENT_FORMAT) {
      throw new VaultError('REFUSED', 'Unlock the vault once before changing its password.');
    }
    const oldKey = await this.unwrapKey(verified, currentPassword);
    const newKey = this.random.bytes(KEY_LENGTH);
    const oldSubkeys = deriveSubkeys(oldKey, verified.vaultId, verified.format);
    const newSubkeys = deriveSubkeys(newKey, verified.vaultId, CURRENT_FORMAT);
    let oldState: VaultState | undefined;
    let newState: VaultState | undefined;
    let handedOver = false;
    try {
      const next = await wrapKey(
        { format: CURRENT_FORMAT, vaultId: verified.vaultId, kdf },
        newKey,
        newPassword,
        this.derive,
        this.random,
      );
      const checking = new VaultState(this.db, verified, oldSubkeys);
      oldState = checking;
      const sealing = new VaultState(this.db, next, newSubkeys);
      newState = sealing;
      await Promise.all([checking.ready(), sealing.ready()]);
      this.db.write(() => {
        const now = readHeader(this.db);
        if (Buffer.compare(now.keySlot, verified.keySlot) !== 0) {
          throw new VaultError(
            'BUSY',
            'The password was changed elsewhere at the same time; nothing was changed here.',
          );
        }
        // The vault is checked before it is re-encrypted, so a change made outside
        // Sparekey is refused rather than sealed in under the new key.
        checking.check();
        const counter = checking.counter + 1;
        const oldRecords = new RecordStore(this.db, {
          vaultId: verified.vaultId,
          format: CURRENT_FORMAT,
          key: () => oldSubkeys.records,
          random: this.random,
        });
        reencryptVault(this.db, {
          from: oldRecords,
          // Checked above in this transaction: the sealed state needs no check after.
          to: { header: next, subkeys: newSubkeys, tagger: sealing.rowTagger, sealer: sealing },
          counter,
          random: this.random,
          // Counted as a change: a backup made before holds the old key slot.
          alsoWrite: (records) => this.changes.stamp(records),
        });
      });
      this.header = next;
      if (this.isUnlocked) {
        // The new key's state, already loaded, is the vault's from now on: nothing
        // waits between the commit and the switch, so no write meets the old key.
        this.takeKey(newKey, newSubkeys, sealing);
        handedOver = true;
        // Sealed as checked: every row is read again only if another connection
        // committed since (or, should the seal not have been taken, in full).
        this.db.read(() => sealing.checkIfChangedElsewhere());
      }
    } catch (error) {
      wipe(oldKey, newKey);
      throw error;
    } finally {
      oldState?.destroy();
      wipeSubkeys(oldSubkeys);
      if (!handedOver) {
        newState?.destroy();
        wipeSubkeys(newSubkeys);
      }
    }
    if (!this.isUnlocked) wipe(newKey);
    if (!this.db.checkpointAndTruncateWal()) {
      // A reader in another process holds an old snapshot; the next checkpoint clears it.
      this.db.checkpointAndTruncateWal();
    }
    return oldKey;
  }

  /**
   * A vault of an older format, on its first unlock by this version. A format-2
   * vault is checked first (its sealed state, under its own subkeys), so a file
   * changed outside Sparekey is refused rather than sealed in as format 3. Then a
   * copy of the file is kept beside it, and in one transaction every record is
   * re-encrypted under the current format's record subkey with its version in its
   * associated data, the key slot is wrapped again with the format in its
   * associated data, and the state is sealed: at counter 1 for format 1 (which
   * has none), at the next counter for format 2 (so this computer's memory of the
   * vault still matches).
   */
  private async upgradeFormat(vaultKey: Uint8Array, password: string): Promise<Uint8Array> {
    const old = this.header;
    const oldSubkeys = old.format === 1 ? null : deriveSubkeys(vaultKey, old.vaultId, old.format);
    const oldState = oldSubkeys === null ? null : new VaultState(this.db, old, oldSubkeys);
    const subkeys = deriveSubkeys(vaultKey, old.vaultId, CURRENT_FORMAT);
    let state: VaultState | undefined;
    try {
      const checked = this.db.read(() => {
        oldState?.check();
        return { counter: oldState?.counter ?? 0, dataVersion: this.db.dataVersion() };
      });
      const kept = await copyVault(this, olderFormatCopyPath(this.db.path, old.format));
      const next = await wrapKey(
        { format: CURRENT_FORMAT, vaultId: old.vaultId, kdf: old.kdf },
        vaultKey,
        password,
        this.derive,
        this.random,
      );
      const sealing = new VaultState(this.db, next, subkeys);
      state = sealing;
      await sealing.ready();
      this.db.write(() => {
        const now = readHeader(this.db);
        if (
          now.format !== old.format ||
          Buffer.compare(now.keySlot, old.keySlot) !== 0 ||
          this.db.dataVersion() !== checked.dataVersion
        ) {
          throw new VaultError(
            'BUSY',
            'The vault was changed elsewhere while it was being upgraded; try again.',
          );
        }
        const oldRecords = new RecordStore(this.db, {
          vaultId: old.vaultId,
          format: old.format,
          key: () => (oldSubkeys === null ? vaultKey : oldSubkeys.records),
          random: this.random,
        });
        reencryptVault(this.db, {
          from: oldRecords,
          to: { header: next, subkeys, tagger: sealing.rowTagger },
          counter: checked.counter + 1,
          random: this.random,
          beforeWriting: () => migrateSchema(this.db, old.format),
        });
      });
      this.header = next;
      this.upgrade = { fromFormat: old.format, copy: kept.path };
    } finally {
      oldState?.destroy();
      state?.destroy();
      wipeSubkeys(oldSubkeys);
      wipeSubkeys(subkeys);
    }
    this.db.checkpointAndTruncateWal();
    return vaultKey;
  }

  /**
   * When this vault was upgraded from an older format in this session: that format
   * and where the file as it was is kept. Null otherwise.
   */
  get upgradedFrom(): VaultUpgrade | null {
    return this.upgrade;
  }
  private upgrade: VaultUpgrade | null = null;

  /** Runs `fn` as one write transaction (for features that touch several services at once). */
  transaction<T>(fn: () => T): T {
    return this.context.write(fn);
  }

  /** Changes whenever anything is committed to the vault (by any connection). */
  changeStamp(): string {
    return this.db.changeStamp();
  }

  /** Runs `fn` on one consistent snapshot (for features that read several services at once). */
  snapshot<T>(fn: () => T): T {
    return this.context.read(fn);
  }

  /** Integrity check of the file, the sealed state, and decryption of every record; lists what is wrong. */
  verify(): string[] {
    return this.verifyDetailed().problems;
  }

  /** `verify`, also saying how many records were decrypted. */
  verifyDetailed(): VerifyReport {
    // Not through context.read, which throws at the first problem: verify lists them all.
    const records = this.context.records();
    return this.db.read(() => checkFile(this.db, records, this.state));
  }

  /**
   * Opens `path`, a copy of this vault, read-only and checks it with this vault's key:
   * SQLite integrity, the header, the sealed state, and that every record decrypts.
   */
  inspectCopy(path: string): CopyInspection {
    const subkeys = this.currentSubkeys(); // LOCKED unless unlocked: the copy is read with this vault's key.
    const copy = VaultDatabase.openExisting(path, undefined, true);
    try {
      return copy.read(() => {
        const header = readHeader(copy);
        const none = { records: 0, counter: 0, state: INITIAL_BACKUP_STATE };
        if (Buffer.compare(header.vaultId, this.header.vaultId) !== 0) {
          return { problems: [`${path} is a copy of another vault.`], ...none };
        }
        if (
          header.format !== CURRENT_FORMAT ||
          Buffer.compare(header.keySlot, this.header.keySlot) !== 0
        ) {
          return { problems: [`${path} is not sealed with this vault's current key.`], ...none };
        }
        const records = new RecordStore(copy, {
          vaultId: header.vaultId,
          format: header.format,
          key: () => subkeys.records,
          random: this.random,
        });
        // Under the vault's own key: its row tagger (already loaded) is lent.
        const state = new VaultState(copy, header, subkeys, this.currentState().rowTagger);
        try {
          const report = checkFile(copy, records, state);
          const backupState =
            report.problems.length === 0 ? readBackupState(records) : INITIAL_BACKUP_STATE;
          return { ...report, state: backupState };
        } finally {
          state.destroy();
        }
      });
    } finally {
      copy.close();
    }
  }

  /**
   * Does the part of the unlock check that needs no key now, while the vault is
   * locked and the password is being typed (the app's unlock screen, the CLI's
   * prompt), so that unlocking is left only the part that needs the key. What it
   * reads is public (kinds, ids, parents, versions, nonces); it is used only if
   * nothing is committed to the vault before the unlock, and dropped otherwise.
   * Never throws: damage it finds is reported by the unlock.
   */
  prepareUnlock(): void {
    if (this.isUnlocked) return;
    this.preparedCheck = { header: this.header, ...this.prepareCheck(this.header) };
  }
  private preparedCheck: {
    header: VaultHeader;
    check?: PreparedStateCheck;
    error?: unknown;
  } | null = null;

  /** The check prepareUnlock did, if it was done for this very header (and only once). */
  private takePreparedCheck(header: VaultHeader): ReturnType<Vault['prepareCheck']> | null {
    const prepared = this.preparedCheck;
    this.preparedCheck = null;
    if (
      prepared === null ||
      // Damage found then is looked for again now: the file may have been put right since.
      prepared.error !== undefined ||
      prepared.header.format !== header.format ||
      Buffer.compare(prepared.header.keySlot, header.keySlot) !== 0
    ) {
      return null;
    }
    return prepared;
  }

  /**
   * The keyless part of the whole-vault check (prepareStateCheck), or the damage it
   * found, kept to be reported after the password is known to be right: a wrong
   * password is said first, as it would be without this.
   */
  private prepareCheck(header: VaultHeader): {
    check?: PreparedStateCheck;
    error?: unknown;
  } {
    if (header.format !== CURRENT_FORMAT) return {};
    try {
      return { check: this.db.read(() => prepareStateCheck(this.db, header)) };
    } catch (error) {
      return { error };
    }
  }

  private unwrapKey(header: VaultHeader, password: string): Promise<Uint8Array> {
    return unwrapVaultKey(header, password, this.derive, this.db.path);
  }

  private currentSubkeys(): VaultSubkeys {
    if (this.key === null) throw new VaultError('LOCKED', 'The vault is locked.');
    if (this.subkeys === null) {
      throw new VaultError('REFUSED', 'This vault must be upgraded to the current format first.');
    }
    return this.subkeys;
  }

  /**
   * Takes `vaultKey` as the key of the vault as its header now says (a format-1
   * or format-2 file is read in its own format when opened read-only; otherwise
   * it was upgraded first). The state's faster row tags are loaded before the
   * vault counts as unlocked.
   */
  private async becomeUnlocked(vaultKey: Uint8Array): Promise<void> {
    const { vaultId, format } = this.header;
    if (format === 1) {
      this.takeKey(vaultKey, null, null);
      // A format-1 copy opened read-only: its records are read with the vault key itself.
      this.recordStore = new RecordStore(this.db, {
        vaultId,
        format,
        key: () => this.currentKey(),
        random: this.random,
      });
      return;
    }
    const subkeys = deriveSubkeys(vaultKey, vaultId, format);
    const state = new VaultState(this.db, this.header, subkeys);
    try {
      await state.ready();
    } catch (error) {
      state.destroy();
      wipeSubkeys(subkeys);
      throw error;
    }
    this.takeKey(vaultKey, subkeys, state);
    if (this.recordStore !== null && this.recordStore.format === format) return; // a new key, the same store (its watchers keep watching)
    this.recordStore = new RecordStore(this.db, {
      vaultId,
      format,
      key: () => this.currentSubkeys().records,
      random: this.random,
      ledger: {
        writeVersion: () => this.currentState().ledger.writeVersion(),
        rowRemoved: (row) => this.currentState().ledger.rowRemoved(row),
        rowAdded: (row) => this.currentState().ledger.rowAdded(row),
      },
    });
  }

  /** Replaces the key, subkeys and state held (wiping and destroying the ones before). */
  private takeKey(
    vaultKey: Uint8Array,
    subkeys: VaultSubkeys | null,
    state: VaultState | null,
  ): void {
    if (this.key !== null && this.key !== vaultKey) wipe(this.key);
    wipeSubkeys(this.subkeys);
    this.state?.destroy();
    this.key = vaultKey;
    this.subkeys = subkeys;
    this.state = state;
  }

  private currentKey(): Uint8Array {
    if (this.key === null) throw new VaultError('LOCKED', 'The vault is locked.');
    return this.key;
  }

  private currentState(): VaultState {
    if (this.state === null) throw new VaultError('LOCKED', 'The vault is locked.');
    return this.state;
  }
}

/**
 * The counter memory only ever adds a warning: a config folder that cannot be
 * written (full, read-only) must not stop an unlock, a lock or a close.
 */
function updateMemory(update: () => void): void {
  try {
    update();
  } catch {
    // Left as it was; the next unlock, lock or close tries again.
  }
}

/** Wraps the vault key under a key derived from the password, binding the rest of the header. */
async function wrapKey(
  header: Omit<VaultHeader, 'keySlot'>,
  vaultKey: Uint8Array,
  password: string,
  derive: KeyDerivation,
  random: Random,
): Promise<VaultHeader> {
  const passwordKey = await derive(password, header.kdf);
  try {
    const sealed = seal(passwordKey, vaultKey, keySlotAssociatedData(header), random);
    return { ...header, keySlot: packSealed(sealed) };
  } finally {
    wipe(passwordKey);
  }
}

function checkedCost(cost: KdfCost): KdfCost {
  const problem = kdfCostProblem(cost);
  if (problem !== undefined) {
    throw new VaultError(
      'INVALID_INPUT',
      `Those key-derivation settings cannot be used: ${problem}.`,
    );
  }
  return cost;
}

/** `vault.sparekey` → `vault.format-2.sparekey` (then `vault.format-2-2.sparekey`… if taken). */
function olderFormatCopyPath(vaultPath: string, format: number): string {
  const base = vaultPath.replace(/\.sparekey$/i, '');
  for (let attempt = 1; ; attempt++) {
    const candidate = `${base}.format-${format}${attempt === 1 ? '' : `-${attempt}`}.sparekey`;
    if (!existsSync(candidate)) return candidate;
  }
}

function checkFile(
  db: VaultDatabase,
  records: RecordStore,
  state: VaultState | null,
): VerifyReport {
  const problems = db.integrityCheck().map((line) => `SQLite integrity check: ${line}`);
  let counter = 0;
  if (state !== null) {
    try {
      state.check();
      counter = state.counter;
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      problems.push(error.message);
    }
  }
  for (const { kind, id } of records.verifyAll()) {
    problems.push(`The ${kind} record ${id} does not decrypt.`);
  }
  return { problems, records: records.count(), counter };
}
