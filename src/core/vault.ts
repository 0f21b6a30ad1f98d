import { VaultError } from '../shared/errors.js';
import { AccountService } from './accounts/accounts.js';
import { BackupCodeService } from './backup-codes/backup-codes.js';
import { type Clock, systemClock } from './clock.js';
import { KEY_LENGTH, open, packSealed, seal, unpackSealed } from './crypto/aead.js';
import { encodeFields, toHex, wipe } from './crypto/bytes.js';
import { DEFAULT_KDF_COST, deriveKey, type KdfCost, kdfParams, SALT_LENGTH } from './crypto/kdf.js';
import { type Random, systemRandom } from './random.js';
import { removeVaultFiles, VaultDatabase } from './storage/database.js';
import { HistoryService } from './history/history.js';
import { readHeader, VAULT_ID_LENGTH, type VaultHeader, writeHeader } from './storage/header.js';
import { RecordStore } from './storage/records.js';
import { CURRENT_FORMAT, migrations } from './storage/schema.js';
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
}

/** What `verifyDetailed` found: the problems (none when intact) and how many records were decrypted. */
export interface VerifyReport {
  problems: string[];
  records: number;
}

/** A copy of this vault checked with this vault's key. */
export interface CopyInspection extends VerifyReport {
  /** The copy's change count and backup bookkeeping, as it was when copied. */
  state: BackupState;
}

export const MIN_PASSWORD_LENGTH = 8;

function keySlotAssociatedData(header: Pick<VaultHeader, 'vaultId' | 'kdf'>): Uint8Array {
  return encodeFields(['sparekey-key-slot', header.vaultId, JSON.stringify(header.kdf)]);
}

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
  private key: Uint8Array | null = null;
  private recordStore: RecordStore | null = null;
  private header: VaultHeader;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly kdfCost: KdfCost;
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
        // Every write that changes something is counted, for "changes no backup holds".
        return db.write(() => this.changes.track(records, fn));
      },
      read: (fn) => {
        this.context.records();
        return db.read(fn);
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
    this.backups = new BackupService(context, this.changes, this.settings, (path) =>
      this.inspectCopy(path),
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
    const cost = options.kdfCost ?? DEFAULT_KDF_COST;
    const vaultId = random.bytes(VAULT_ID_LENGTH);
    const kdf = kdfParams(cost, random.bytes(SALT_LENGTH));
    const vaultKey = random.bytes(KEY_LENGTH);
    const passwordKey = await deriveKey(password, kdf);
    const keySlot = packSealed(
      seal(passwordKey, vaultKey, keySlotAssociatedData({ vaultId, kdf }), random),
    );
    wipe(passwordKey);

    const db = VaultDatabase.createNew(path, options.busyTimeoutMs);
    try {
      db.write(() => {
        for (const migration of migrations) migration.up(db);
        writeHeader(db, { format: CURRENT_FORMAT, vaultId, kdf, keySlot });
      });
      const vault = new Vault(db, options);
      vault.becomeUnlocked(vaultKey);
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

  async unlock(password: string): Promise<void> {
    if (this.isUnlocked) return;
    // Another process may have changed the password since this vault was opened.
    this.header = this.db.read(() => readHeader(this.db));
    const vaultKey = await this.unwrapKey(this.header, password);
    this.becomeUnlocked(vaultKey);
    if (this.readOnly) return;
    try {
      this.migrate();
    } catch (error) {
      this.lock();
      throw error;
    }
  }

  /** Overwrites the vault key and forgets everything decrypted. */
  lock(): void {
    wipe(this.key);
    this.key = null;
    this.recordStore = null;
    for (const listener of this.lockListeners) listener();
  }
  private readonly lockListeners: (() => void)[] = [];

  close(): void {
    this.lock();
    this.db.close();
  }

  /**
   * Re-wraps the vault key under a key derived from the new password, in one
   * transaction; no record is re-encrypted. Afterwards the old key slot is gone
   * from the file and from its WAL.
   */
  async changePassword(
    currentPassword: string,
    newPassword: string,
    cost?: KdfCost,
  ): Promise<void> {
    checkNewPassword(newPassword);
    const verified = this.db.read(() => readHeader(this.db));
    const vaultKey = await this.unwrapKey(verified, currentPassword);
    try {
      const kdf = kdfParams(cost ?? this.kdfCost, this.random.bytes(SALT_LENGTH));
      const passwordKey = await deriveKey(newPassword, kdf);
      const keySlot = packSealed(
        seal(
          passwordKey,
          vaultKey,
          keySlotAssociatedData({ vaultId: verified.vaultId, kdf }),
          this.random,
        ),
      );
      wipe(passwordKey);
      const next: VaultHeader = { ...verified, kdf, keySlot };
      // Counted as a change: until a backup is made, the backups open only with the old password.
      const records = new RecordStore(this.db, verified.vaultId, () => vaultKey, this.random);
      this.db.write(() => {
        const now = readHeader(this.db);
        if (Buffer.compare(now.keySlot, verified.keySlot) !== 0) {
          throw new VaultError(
            'BUSY',
            'The password was changed elsewhere at the same time; nothing was changed here.',
          );
        }
        writeHeader(this.db, next);
        this.changes.stamp(records);
      });
      this.header = next;
    } finally {
      wipe(vaultKey);
    }
    if (!this.db.checkpointAndTruncateWal()) {
      // A reader in another process holds an old snapshot; the next checkpoint clears it.
      this.db.checkpointAndTruncateWal();
    }
  }

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

  /** Integrity check of the file plus decryption of every record; lists what is wrong. */
  verify(): string[] {
    return this.verifyDetailed().problems;
  }

  /** `verify`, also saying how many records were decrypted. */
  verifyDetailed(): VerifyReport {
    return this.context.read(() => checkFile(this.db, this.context.records()));
  }

  /**
   * Opens `path`, a copy of this vault, read-only and checks it with this vault's key:
   * SQLite integrity, the header, and that every record decrypts.
   */
  inspectCopy(path: string): CopyInspection {
    this.context.records(); // LOCKED unless unlocked: the copy is read with this vault's key.
    const copy = VaultDatabase.openExisting(path, undefined, true);
    try {
      return copy.read(() => {
        const header = readHeader(copy);
        if (Buffer.compare(header.vaultId, this.header.vaultId) !== 0) {
          return {
            problems: [`${path} is a copy of another vault.`],
            records: 0,
            state: INITIAL_BACKUP_STATE,
          };
        }
        const records = new RecordStore(copy, header.vaultId, () => this.currentKey(), this.random);
        const report = checkFile(copy, records);
        const state =
          report.problems.length === 0 ? readBackupState(records) : INITIAL_BACKUP_STATE;
        return { ...report, state };
      });
    } finally {
      copy.close();
    }
  }

  private async unwrapKey(header: VaultHeader, password: string): Promise<Uint8Array> {
    const passwordKey = await deriveKey(password, header.kdf);
    const vaultKey = open(passwordKey, unpackSealed(header.keySlot), keySlotAssociatedData(header));
    wipe(passwordKey);
    if (vaultKey === null || vaultKey.length !== KEY_LENGTH) {
      wipe(vaultKey);
      throw new VaultError('WRONG_PASSWORD', 'Wrong password: it does not unlock this vault.');
    }
    return vaultKey;
  }

  private currentKey(): Uint8Array {
    if (this.key === null) throw new VaultError('LOCKED', 'The vault is locked.');
    return this.key;
  }

  private becomeUnlocked(vaultKey: Uint8Array): void {
    this.key = vaultKey;
    this.recordStore = new RecordStore(
      this.db,
      this.header.vaultId,
      () => this.currentKey(),
      this.random,
    );
  }

  private migrate(): void {
    if (this.header.format >= CURRENT_FORMAT) return;
    this.db.write(() => {
      const header = readHeader(this.db);
      for (let format = header.format; format < CURRENT_FORMAT; format++) {
        migrations[format]?.up(this.db);
      }
      this.header = { ...header, format: CURRENT_FORMAT };
      writeHeader(this.db, this.header);
    });
  }
}

function checkFile(db: VaultDatabase, records: RecordStore): VerifyReport {
  const problems = db.integrityCheck().map((line) => `SQLite integrity check: ${line}`);
  for (const { kind, id } of records.verifyAll()) {
    problems.push(`The ${kind} record ${id} does not decrypt.`);
  }
  return { problems, records: records.count() };
}
