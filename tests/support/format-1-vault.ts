import { packSealed, seal } from '../../src/core/crypto/aead.js';
import { encodeFields, toHex, wipe } from '../../src/core/crypto/bytes.js';
import type { KeyDerivation } from '../../src/core/crypto/kdf.js';
import { deriveSubkeys, wipeSubkeys } from '../../src/core/crypto/subkeys.js';
import { systemRandom } from '../../src/core/random.js';
import { VaultDatabase } from '../../src/core/storage/database.js';
import {
  keySlotAssociatedData,
  readHeader,
  type VaultHeader,
  writeHeader,
} from '../../src/core/storage/header.js';
import { type PlainRecord, RecordStore } from '../../src/core/storage/records.js';
import { migrations } from '../../src/core/storage/schema.js';
import { VaultState } from '../../src/core/storage/vault-state.js';
import type { Vault } from '../../src/core/vault.js';

/** The vault key of an unlocked vault (tests only: the key never leaves the core otherwise). */
export function vaultKeyOf(vault: Vault): Uint8Array {
  const key = (vault as unknown as { key: Uint8Array | null }).key;
  if (key === null) throw new Error('The vault is locked.');
  return key.slice();
}

/**
 * Writes, at `path`, the vault `source` (unlocked, of the current format) as Sparekey 0.1 wrote
 * it in format 1: the same vault id, vault key and records, each sealed with the
 * vault key itself under format 1's associated data (no version), the key slot
 * wrapped under `password` with format 1's associated data, no vault state.
 */
export async function writeFormatOneCopy(
  source: Vault,
  path: string,
  password: string,
  derive: KeyDerivation,
): Promise<void> {
  const {
    vaultKey,
    header: formatOne,
    plaintexts,
  } = await olderCopyOf(source, 1, password, derive);
  const vaultIdHex = toHex(formatOne.vaultId);
  const db = VaultDatabase.createNew(path);
  try {
    db.write(() => {
      db.exec(migrations[0]!.sql);
      writeHeader(db, formatOne);
      for (const { kind, id, parent, plaintext } of plaintexts) {
        const ad = encodeFields([
          'sparekey-record',
          1,
          vaultIdHex,
          'records',
          kind,
          id,
          parent ?? '',
        ]);
        const sealed = seal(vaultKey, plaintext, ad, systemRandom);
        db.statement(
          'INSERT INTO records (kind, id, parent, nonce, body) VALUES (?, ?, ?, ?, ?)',
        ).run(kind, id, parent, sealed.nonce, sealed.ciphertext);
      }
    });
    db.checkpointAndTruncateWal();
    // As a backup is: one self-contained file.
    db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    db.close();
    wipe(vaultKey);
    for (const record of plaintexts) wipe(record.plaintext);
  }
}

/**
 * Writes, at `path`, the vault `source` (unlocked, of the current format) as
 * Sparekey wrote it in format 2 (commit 92c9c45): the same vault id, vault key and
 * records, each sealed under format 2's record subkey and associated data at
 * version 1, the key slot wrapped under `password` with format 2's associated
 * data, the state sealed at counter 1 with format 2's row tags (HMAC-SHA256).
 * (tests/fixtures/vaults/format-2.sparekey is the same, written by that version
 * itself, with the real key derivation.)
 */
export async function writeFormatTwoCopy(
  source: Vault,
  path: string,
  password: string,
  derive: KeyDerivation,
): Promise<void> {
  const {
    vaultKey,
    header: twoHeader,
    plaintexts,
  } = await olderCopyOf(source, 2, password, derive);
  const subkeys = deriveSubkeys(vaultKey, twoHeader.vaultId, 2);
  const db = VaultDatabase.createNew(path);
  const state = new VaultState(db, twoHeader, subkeys);
  try {
    db.write(() => {
      db.exec(migrations[0]!.sql);
      db.exec(migrations[1]!.sql);
      writeHeader(db, twoHeader);
      const store = new RecordStore(db, {
        vaultId: twoHeader.vaultId,
        format: 2,
        key: () => subkeys.records,
        random: systemRandom,
        ledger: { writeVersion: () => 1, rowRemoved() {}, rowAdded() {} },
      });
      for (const record of plaintexts) store.putPlaintext(record);
      state.seal(1);
    });
    db.checkpointAndTruncateWal();
    db.exec('PRAGMA journal_mode = DELETE');
  } finally {
    state.destroy();
    db.close();
    wipe(vaultKey);
    wipeSubkeys(subkeys);
    for (const record of plaintexts) wipe(record.plaintext);
  }
}

/**
 * What a copy of `source` in an older `format` is made from: its vault key (the
 * caller wipes it), every record's plaintext (the caller wipes them), and the
 * header of that format, its key slot wrapped under `password` with that format's
 * associated data.
 */
async function olderCopyOf(
  source: Vault,
  format: number,
  password: string,
  derive: KeyDerivation,
): Promise<{ vaultKey: Uint8Array; header: VaultHeader; plaintexts: PlainRecord[] }> {
  const vaultKey = vaultKeyOf(source);
  const current = source.database.read(() => readHeader(source.database));
  const subkeys = deriveSubkeys(vaultKey, current.vaultId, current.format);
  const plaintexts = source.database.read(() =>
    new RecordStore(source.database, {
      vaultId: current.vaultId,
      format: current.format,
      key: () => subkeys.records,
      random: systemRandom,
    }).allPlaintexts(),
  );
  wipeSubkeys(subkeys);
  const passwordKey = await derive(password, current.kdf);
  const older = { format, vaultId: current.vaultId, kdf: current.kdf };
  const keySlot = packSealed(
    seal(passwordKey, vaultKey, keySlotAssociatedData(older), systemRandom),
  );
  wipe(passwordKey);
  return { vaultKey, header: { ...older, keySlot }, plaintexts };
}
