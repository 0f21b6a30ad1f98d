import { VaultError } from '../shared/errors.js';
import { KEY_LENGTH, open, unpackSealed } from './crypto/aead.js';
import { wipe } from './crypto/bytes.js';
import type { KeyDerivation } from './crypto/kdf.js';
import type { VaultSubkeys } from './crypto/subkeys.js';
import type { Random } from './random.js';
import type { VaultDatabase } from './storage/database.js';
import { keySlotAssociatedData, type VaultHeader, writeHeader } from './storage/header.js';
import { RecordStore } from './storage/records.js';
import { CURRENT_FORMAT, formatsWithTablesOf } from './storage/schema.js';
import type { RowTagger } from './storage/set-commitment.js';
import { type RowLedger, VaultState } from './storage/vault-state.js';

/**
 * Derives the password key with the header's parameters and unwraps the vault key
 * from its key slot; WRONG_PASSWORD when the password (or anything the key slot
 * binds) does not match. The caller wipes the key.
 *
 * A header whose format was changed to another format with the same tables (2 and
 * 3) passes the schema lock, and its key slot then opens for no password. The key
 * slot is tried under those formats too, with the same password key (no second
 * derivation): when it opens under one, the password is right and the header was
 * changed, which is said as such (VAULT_DAMAGED), not as a wrong password.
 */
export async function unwrapVaultKey(
  header: VaultHeader,
  password: string,
  derive: KeyDerivation,
  path?: string,
): Promise<Uint8Array> {
  const passwordKey = await derive(password, header.kdf);
  const slot = unpackSealed(header.keySlot);
  const vaultKey = open(passwordKey, slot, keySlotAssociatedData(header));
  if (vaultKey !== null && vaultKey.length === KEY_LENGTH) {
    wipe(passwordKey);
    return vaultKey;
  }
  wipe(vaultKey);
  const sealedFor = formatsWithTablesOf(header.format).find((format) => {
    const opened = open(passwordKey, slot, keySlotAssociatedData({ ...header, format }));
    wipe(opened);
    return opened !== null;
  });
  wipe(passwordKey);
  if (sealedFor !== undefined) {
    throw new VaultError(
      'VAULT_DAMAGED',
      `The vault header${path === undefined ? '' : ` of ${path}`} was changed outside Sparekey: it says format ${header.format}, but its key slot was sealed for format ${sealedFor}. Sparekey does not use the vault, so that nothing in it is trusted by mistake. Restore the latest backup.`,
      { part: 'header', format: header.format, sealedFor },
    );
  }
  throw new VaultError('WRONG_PASSWORD', 'Wrong password: it does not unlock this vault.');
}

/** What a vault is re-encrypted into: a header of the current format (with its key slot) and the subkeys of the key it wraps. */
export interface SealTarget {
  header: VaultHeader;
  subkeys: VaultSubkeys;
  /**
   * The row tagger of `subkeys` (VaultState.rowTagger), lent by the caller with
   * its faster implementation loaded (VaultState.ready), so the tags of a large
   * vault are computed at full speed; the state makes its own if none is lent.
   */
  tagger?: RowTagger;
  /**
   * The state that seals (a VaultState of `header` and `subkeys`), lent by a caller
   * that checked the whole vault earlier in the same write transaction: once that
   * commits, it holds the sealed state as checked (VaultState.seal, `checkedBefore`),
   * so the vault need not be read again under the new key. Without one, a state
   * of its own seals and is dropped.
   */
  sealer?: VaultState;
}

/**
 * A record store that writes every record at `version` (re-encrypting a whole
 * vault): the state is sealed from the rows after, so its ledger keeps no sum and
 * the rows it replaces are not looked up.
 */
export function rewritingStore(
  db: VaultDatabase,
  target: SealTarget,
  version: number,
  random: Random,
): RecordStore {
  const ledger: RowLedger = { writeVersion: () => version, rowRemoved() {}, rowAdded() {} };
  const key = target.subkeys.records;
  return new RecordStore(db, {
    vaultId: target.header.vaultId,
    format: CURRENT_FORMAT,
    key: () => key,
    random,
    ledger,
    replacedRowsUntold: true,
  });
}

export interface ReencryptOptions {
  /** Reads the records as they are (format 1 or 2, with the key they are under now). */
  from: RecordStore;
  to: SealTarget;
  /** The write counter the vault is sealed at; every record gets it as its version. */
  counter: number;
  random: Random;
  /** Runs once every record is read, before any is written (format 1's tables gain their versions). */
  beforeWriting?: () => void;
  /** Writes more through the re-encrypting store before the state is sealed (a change's count). */
  alsoWrite?: (records: RecordStore) => void;
}

/**
 * Inside the caller's write transaction: every record decrypted with its current
 * key and written again under the target's record subkey at version `counter`,
 * the target's header (its key slot) written, and the state sealed at `counter`.
 * The vault's own password change, its upgrade from format 1, and re-encrypting
 * its backups after a password change all do this. Plaintexts are wiped as soon
 * as they are written.
 */
export function reencryptVault(db: VaultDatabase, options: ReencryptOptions): void {
  const into = (): RecordStore => rewritingStore(db, options.to, options.counter, options.random);
  if (options.beforeWriting === undefined) {
    // Read, decrypted, written again and wiped a chunk of rows at a time.
    const records = into();
    options.from.eachPlaintextChunk((chunk) => {
      for (const record of chunk) records.putPlaintext(record);
    });
    options.alsoWrite?.(records);
  } else {
    // Every record read before any is written: the tables change in between.
    const plaintexts = options.from.allPlaintexts();
    try {
      options.beforeWriting();
      const records = into();
      for (const record of plaintexts) records.putPlaintext(record);
      options.alsoWrite?.(records);
    } finally {
      for (const record of plaintexts) wipe(record.plaintext);
    }
  }
  writeHeader(db, options.to.header);
  if (options.to.sealer !== undefined) {
    options.to.sealer.seal(options.counter, options.to.header, true);
    return;
  }
  const state = new VaultState(db, options.to.header, options.to.subkeys, options.to.tagger);
  try {
    state.seal(options.counter);
  } finally {
    state.destroy();
  }
}
