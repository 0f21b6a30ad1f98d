import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type {
  LeftBackup,
  LeftBackupReason,
  OldBackupsChoice,
  OldBackupsPreview,
  OldBackupsReport,
} from '../../shared/backups.js';
import { isVaultError, VaultError } from '../../shared/errors.js';
import { toHex, wipe } from '../crypto/bytes.js';
import type { KeyDerivation } from '../crypto/kdf.js';
import { deriveSubkeys, wipeSubkeys } from '../crypto/subkeys.js';
import type { Random } from '../random.js';
import { removeVaultFiles, VaultDatabase } from '../storage/database.js';
import { readHeader, type VaultHeader } from '../storage/header.js';
import { RecordStore } from '../storage/records.js';
import { CURRENT_FORMAT, migrateSchema } from '../storage/schema.js';
import { VaultState } from '../storage/vault-state.js';
import { reencryptVault, type SealTarget, unwrapVaultKey } from '../vault-keys.js';
import { listBackupFiles, listUpgradeCopies } from './backup-files.js';
import { copyVault } from './vault-copy.js';

/**
 * What re-encrypting a backup needs from the unlocked vault: its key (to tell the
 * backups made under it), its header and subkeys (what a backup is re-encrypted
 * into), and how it derives password keys (to open a backup's key slot).
 */
export interface BackupKeyring {
  key: Uint8Array;
  target: SealTarget;
  derive: KeyDerivation;
}

/** What a backup is, seen with one vault key. */
export type BackupKeyState =
  /** Already under the target key slot (the vault's current one). */
  | { state: 'current' }
  /** Its records (and, in format 2, its sealed state) open with the key. */
  | { state: 'under-key'; header: VaultHeader }
  /** It does not open with the key (made under another one). */
  | { state: 'other-key'; header: VaultHeader }
  | { state: 'left'; reason: LeftBackupReason };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/**
 * Looks at a backup, read-only, with `key`: whether it is a copy of this vault
 * (`vaultId`), already under the key slot `currentSlot`, or made under `key`.
 * The key slot alone cannot tell (a backup of an older format has another key slot
 * over the same key): formats 2 and 3 are told by their sealed state, whose MAC is
 * under a subkey of the key, and format 1 by its records, sealed with the key itself.
 */
export function classifyBackup(
  path: string,
  key: Uint8Array,
  vaultId: Uint8Array,
  currentSlot: Uint8Array,
  random: Random,
): BackupKeyState {
  let db: VaultDatabase;
  try {
    db = VaultDatabase.openExisting(path, undefined, true);
  } catch (error) {
    return { state: 'left', reason: unreadableReason(error) };
  }
  try {
    return db.read(() => {
      const header = readHeader(db);
      if (!sameBytes(header.vaultId, vaultId)) return { state: 'left', reason: 'another-vault' };
      if (header.format === CURRENT_FORMAT && sameBytes(header.keySlot, currentSlot)) {
        return { state: 'current' };
      }
      const opens = opensWithKey(db, header, key, random);
      if (opens === 'damaged') return { state: 'left', reason: 'damaged' };
      return opens ? { state: 'under-key', header } : { state: 'other-key', header };
    });
  } catch (error) {
    return { state: 'left', reason: unreadableReason(error) };
  } finally {
    db.close();
  }
}

/**
 * A backup that cannot be looked at is left and named, whatever the reason: the
 * password may already be changed, and one unreadable file must not stop the rest.
 */
function unreadableReason(error: unknown): LeftBackupReason {
  return isVaultError(error) && error.code === 'VAULT_DAMAGED' ? 'damaged' : 'unreadable';
}

/** Whether the backup's records open with `key`: true, false, or 'damaged' when only some do. */
function opensWithKey(
  db: VaultDatabase,
  header: VaultHeader,
  key: Uint8Array,
  random: Random,
): boolean | 'damaged' {
  if (header.format === 1) {
    const records = new RecordStore(db, {
      vaultId: header.vaultId,
      format: 1,
      key: () => key,
      random,
    });
    const failed = records.verifyAll().length;
    if (failed === 0) return true;
    return failed === records.count() ? false : 'damaged';
  }
  const subkeys = deriveSubkeys(key, header.vaultId, header.format);
  const state = new VaultState(db, header, subkeys);
  try {
    state.check();
    return true;
  } catch (error) {
    if (!isVaultError(error) || error.code !== 'VAULT_DAMAGED') throw error;
    // The state is not sealed under this key. Records that open with it all the
    // same are this key's, changed outside Sparekey.
    const records = new RecordStore(db, {
      vaultId: header.vaultId,
      format: header.format,
      key: () => subkeys.records,
      random,
    });
    const count = records.count();
    return count > 0 && records.verifyAll().length === 0 ? 'damaged' : false;
  } finally {
    state.destroy();
    wipeSubkeys(subkeys);
  }
}

/**
 * Rewrites the backup at `path` under `target` (the vault's new header and key):
 * a copy in the same folder, every record decrypted with `key` (after the copy's
 * sealed state is checked with it) and encrypted again under the target's record
 * subkey, the state sealed again at the backup's own counter (backups of an older
 * format are upgraded in the same step; format 1, which has none, at counter 1); the copy is vacuumed (no free
 * page keeps an old cell; secure_delete zeroes what SQLite frees, the rollback
 * journal is removed at commit), checked with `inspect`, then renamed over the
 * backup. The old file's bytes are overwritten with zeros once it is replaced.
 * On any failure the backup is left as it was and the copy removed.
 */
export async function reencryptBackup(
  path: string,
  key: Uint8Array,
  target: SealTarget,
  random: Random,
  inspect: (path: string) => { problems: string[] },
): Promise<void> {
  const copyPath = join(dirname(path), `.${basename(path)}.reencrypting`);
  removeVaultFiles(copyPath); // left by an earlier run that was interrupted
  const source = VaultDatabase.openExisting(path, undefined, true);
  try {
    await copyVault({ database: source }, copyPath);
  } finally {
    source.close();
  }
  try {
    const db = VaultDatabase.openExisting(copyPath);
    try {
      // One file, as a backup is: the rollback journal (holding the old pages) is deleted at commit.
      db.exec('PRAGMA journal_mode = DELETE');
      db.write(() => rewriteUnder(db, key, target, random));
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    const { problems } = inspect(copyPath);
    if (problems.length > 0) {
      throw new VaultError(
        'VAULT_DAMAGED',
        `The re-encrypted copy did not check out: ${problems.join(' ')}`,
      );
    }
    replaceWith(copyPath, path);
  } catch (error) {
    removeVaultFiles(copyPath);
    throw error;
  }
}

/** Inside a write transaction on the copy: everything re-encrypted under `target`. */
function rewriteUnder(
  db: VaultDatabase,
  key: Uint8Array,
  target: SealTarget,
  random: Random,
): void {
  const header = readHeader(db);
  if (!sameBytes(header.vaultId, target.header.vaultId)) {
    throw new VaultError('REFUSED', `${db.path} is a copy of another vault.`);
  }
  if (header.format === 1) {
    reencryptVault(db, {
      from: new RecordStore(db, { vaultId: header.vaultId, format: 1, key: () => key, random }),
      to: target,
      counter: 1,
      random,
      beforeWriting: () => migrateSchema(db, 1),
    });
    return;
  }
  const subkeys = deriveSubkeys(key, header.vaultId, header.format);
  const state = new VaultState(db, header, subkeys);
  try {
    // A backup changed outside Sparekey is refused rather than sealed in under the new key.
    state.check();
    reencryptVault(db, {
      from: new RecordStore(db, {
        vaultId: header.vaultId,
        format: header.format,
        key: () => subkeys.records,
        random,
      }),
      to: target,
      // The backup keeps its place in the vault's history: restored by hand, it is
      // reported as older than the vault by as many changes as before.
      counter: state.counter,
      random,
      // A format-2 backup is upgraded in the same step (its tables are format 3's).
      beforeWriting: () => migrateSchema(db, header.format),
    });
  } finally {
    state.destroy();
    wipeSubkeys(subkeys);
  }
}

/** Renames `from` over `to` (both synced to disk), then overwrites the replaced file's bytes with zeros. */
function replaceWith(from: string, to: string): void {
  const fd = openSync(from, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  let old: number | null = null;
  try {
    old = openSync(to, 'r+');
  } catch {
    // Gone meanwhile: the copy takes its place all the same.
  }
  try {
    renameSync(from, to);
  } catch (error) {
    if (old === null) throw error;
    // Some systems refuse to replace a file that is open: replace it closed, unzeroed.
    closeSync(old);
    old = null;
    renameSync(from, to);
  }
  if (old !== null) {
    try {
      zeroFill(old);
    } catch {
      // The file is replaced; zeroing its old bytes is a precaution only.
    } finally {
      closeSync(old);
    }
  }
  syncFolder(dirname(to));
}

/**
 * Deletes a backup: unlinked first (a failure leaves it as it was), then its
 * bytes overwritten with zeros through the handle still open (where the file
 * system writes in place, nothing of it stays on the disk).
 */
export function destroyBackup(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    unlinkSync(path);
    try {
      zeroFill(fd);
    } catch {
      // Deleted already; zeroing its bytes is a precaution only.
    }
  } finally {
    closeSync(fd);
  }
  removeVaultFiles(path); // a journal left beside it, if any
  syncFolder(dirname(path));
}

function zeroFill(fd: number): void {
  const size = fstatSync(fd).size;
  const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
  for (let at = 0; at < size;) at += writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
  fsyncSync(fd);
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every system syncs a folder (Windows); the rename is durable there by other means.
  }
}

/** A backup's key slot's identity, to derive a password key once per key slot. */
export function keySlotId(header: VaultHeader): string {
  return `${header.format}:${toHex(header.keySlot)}`;
}

/** A file Sparekey looked at and left, named for the report. */
export function leftFile(path: string, reason: LeftBackupReason, detail?: string): LeftBackup {
  return { path, name: basename(path), reason, ...(detail === undefined ? {} : { detail }) };
}

/** Where the backups are, and how a re-encrypted copy is checked (with the vault's current key). */
export interface BackupScope {
  vaultPath: string;
  random: Random;
  inspect: (path: string) => { problems: string[] };
}

function emptyReport(choice: OldBackupsChoice): OldBackupsReport {
  return { choice, reencrypted: [], deleted: [], kept: [], left: [] };
}

/** The copies kept beside the vault when it was upgraded from an older format, reported as left. */
function upgradeCopiesLeft(scope: BackupScope, keyring: BackupKeyring): LeftBackup[] {
  const { vaultId, keySlot } = keyring.target.header;
  return listUpgradeCopies(scope.vaultPath)
    .filter((path) => {
      const seen = classifyBackup(path, keyring.key, vaultId, keySlot, scope.random);
      return seen.state !== 'left' || seen.reason === 'damaged';
    })
    .map((path) => leftFile(path, 'upgrade-copy'));
}

/**
 * Before a password change: which backups in the backups folder are under the
 * vault's current key (after the change they open with the old password, and
 * can be re-encrypted), and which no change can re-encrypt.
 */
export function previewOldBackups(scope: BackupScope, keyring: BackupKeyring): OldBackupsPreview {
  const { vaultId, keySlot } = keyring.target.header;
  const preview: OldBackupsPreview = { underCurrentKey: [], left: [] };
  for (const file of listBackupFiles(scope.vaultPath)) {
    const seen = classifyBackup(file.path, keyring.key, vaultId, keySlot, scope.random);
    if (seen.state === 'current' || seen.state === 'under-key') {
      preview.underCurrentKey.push(file.path);
    } else {
      preview.left.push(
        leftFile(file.path, seen.state === 'left' ? seen.reason : 'earlier-password'),
      );
    }
  }
  preview.left.push(...upgradeCopiesLeft(scope, keyring));
  return preview;
}

/**
 * After a password change (`Vault.rotateKey` returned `oldKey`): each backup in the
 * backups folder made under the old key is re-encrypted under the vault's new key,
 * deleted, or kept, as `choice` says. Backups already under the new key are not
 * touched; those under an even older key, damaged or not this vault's are left
 * and reported with why.
 */
export async function handleOldBackups(
  scope: BackupScope,
  keyring: BackupKeyring,
  oldKey: Uint8Array,
  choice: OldBackupsChoice,
): Promise<OldBackupsReport> {
  const { vaultId, keySlot } = keyring.target.header;
  const report = emptyReport(choice);
  for (const file of listBackupFiles(scope.vaultPath)) {
    const seen = classifyBackup(file.path, oldKey, vaultId, keySlot, scope.random);
    if (seen.state === 'current') continue;
    if (seen.state === 'left') report.left.push(leftFile(file.path, seen.reason));
    else if (seen.state === 'other-key') report.left.push(leftFile(file.path, 'earlier-password'));
    else await act(scope, keyring, file.path, oldKey, choice, report);
  }
  report.left.push(...upgradeCopiesLeft(scope, keyring));
  return report;
}

/**
 * Re-encrypts under the vault's current key every backup in the backups folder
 * that opens with `password` (an earlier password of the vault) or is already
 * under the current key with another key slot (a format-1 backup). The password
 * key is derived once per key slot.
 */
export async function reencryptBackupsWithPassword(
  scope: BackupScope,
  keyring: BackupKeyring,
  password: string,
): Promise<OldBackupsReport> {
  const { vaultId, keySlot } = keyring.target.header;
  const report = emptyReport('reencrypt');
  const keys = new Map<string, Uint8Array | null>();
  try {
    for (const file of listBackupFiles(scope.vaultPath)) {
      const seen = classifyBackup(file.path, keyring.key, vaultId, keySlot, scope.random);
      if (seen.state === 'current') continue;
      if (seen.state === 'left') {
        report.left.push(leftFile(file.path, seen.reason));
        continue;
      }
      if (seen.state === 'under-key') {
        await act(scope, keyring, file.path, keyring.key, 'reencrypt', report);
        continue;
      }
      const slot = keySlotId(seen.header);
      if (!keys.has(slot)) {
        const unwrapped = await unwrapOrNull(seen.header, password, keyring);
        if (unwrapped === 'damaged') {
          report.left.push(leftFile(file.path, 'damaged'));
          continue;
        }
        keys.set(slot, unwrapped);
      }
      const key = keys.get(slot) ?? null;
      const again =
        key === null ? null : classifyBackup(file.path, key, vaultId, keySlot, scope.random);
      if (key !== null && again?.state === 'under-key') {
        await act(scope, keyring, file.path, key, 'reencrypt', report);
      } else {
        report.left.push(
          leftFile(file.path, again?.state === 'left' ? again.reason : 'other-password'),
        );
      }
    }
  } finally {
    for (const key of keys.values()) wipe(key);
  }
  report.left.push(...upgradeCopiesLeft(scope, keyring));
  return report;
}

/** The key under `password`; null for another password, 'damaged' for a header changed outside Sparekey. */
async function unwrapOrNull(
  header: VaultHeader,
  password: string,
  keyring: BackupKeyring,
): Promise<Uint8Array | null | 'damaged'> {
  try {
    return await unwrapVaultKey(header, password, keyring.derive);
  } catch (error) {
    if (isVaultError(error) && error.code === 'WRONG_PASSWORD') return null;
    if (isVaultError(error) && error.code === 'VAULT_DAMAGED') return 'damaged';
    throw error;
  }
}

/** Does what `choice` says with one backup under `key`, and notes it in `report`. */
async function act(
  scope: BackupScope,
  keyring: BackupKeyring,
  path: string,
  key: Uint8Array,
  choice: OldBackupsChoice,
  report: OldBackupsReport,
): Promise<void> {
  if (choice === 'keep') {
    report.kept.push(path);
    return;
  }
  try {
    if (choice === 'delete') {
      destroyBackup(path);
      report.deleted.push(path);
    } else {
      await reencryptBackup(path, key, keyring.target, scope.random, scope.inspect);
      report.reencrypted.push(path);
    }
  } catch (error) {
    if (isVaultError(error) && error.code === 'VAULT_DAMAGED') {
      report.left.push(leftFile(path, 'damaged'));
    } else {
      report.left.push(leftFile(path, 'failed', failureSentence(choice, error)));
    }
  }
}

/** Why a backup could not be changed, in the user's words (never the system's text). */
function failureSentence(choice: OldBackupsChoice, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what =
    choice === 'delete'
      ? 'Sparekey could not delete it'
      : 'Sparekey could not write its re-encrypted copy beside it';
  const why =
    code === 'ENOSPC'
      ? ': the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? ': the folder or the file may not be changed'
        : code === 'BUSY' || code === 'EBUSY'
          ? ': it is in use'
          : '';
  return `${what}${why}; it is as it was.`;
}
