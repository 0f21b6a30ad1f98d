import { sha256 } from '@noble/hashes/sha2.js';
import { VaultError } from '../../shared/errors.js';
import { encodeFields } from '../crypto/bytes.js';
import { type KdfParams, KdfParamsSchema } from '../crypto/kdf.js';
import type { VaultDatabase } from './database.js';
import { CURRENT_FORMAT } from './schema.js';

export const VAULT_MAGIC = 'sparekey-vault';
export const VAULT_ID_LENGTH = 16;

/** The only plaintext a vault needs before it is unlocked. */
export interface VaultHeader {
  format: number;
  vaultId: Uint8Array;
  kdf: KdfParams;
  /** The vault key, sealed with the password-derived key (nonce ‖ ciphertext). */
  keySlot: Uint8Array;
}

interface HeaderRow {
  magic: string;
  format: number;
  vault_id: Uint8Array;
  kdf: string;
  key_slot: Uint8Array;
  checksum: Uint8Array;
}

/** Detects accidental damage to the header; deliberate edits fail at unlock instead. */
function checksum(row: Omit<HeaderRow, 'checksum'>): Uint8Array {
  return sha256(encodeFields([row.magic, row.format, row.vault_id, row.kdf, row.key_slot]));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

export function readHeader(db: VaultDatabase): VaultHeader {
  // The file already carries Sparekey's application id, so a missing or altered header is damage.
  const damaged = (what: string) =>
    new VaultError('VAULT_DAMAGED', `The vault header of ${db.path} is damaged: ${what}.`, {
      part: 'header',
    });
  if (!db.tableExists('vault_header')) throw damaged('it is missing');
  const row = db
    .statement('SELECT magic, format, vault_id, kdf, key_slot, checksum FROM vault_header')
    .get() as HeaderRow | undefined;
  if (row === undefined) throw damaged('it is missing');
  if (
    typeof row.format !== 'number' ||
    !(row.vault_id instanceof Uint8Array) ||
    typeof row.kdf !== 'string' ||
    !(row.key_slot instanceof Uint8Array) ||
    !(row.checksum instanceof Uint8Array)
  ) {
    throw damaged('a field has the wrong type');
  }
  if (!sameBytes(checksum(row), row.checksum)) throw damaged('its checksum does not match');
  if (row.magic !== VAULT_MAGIC) throw damaged('its signature is wrong');
  if (row.format > CURRENT_FORMAT) {
    throw new VaultError(
      'NEWER_FORMAT',
      `${db.path} was written by a newer version of Sparekey (vault format ${row.format}; this version reads up to ${CURRENT_FORMAT}). Update Sparekey to open it; the file was not changed.`,
      { format: row.format, supported: CURRENT_FORMAT },
    );
  }
  if (row.vault_id.length !== VAULT_ID_LENGTH) throw damaged('the vault id has the wrong length');
  let kdfJson: unknown;
  try {
    kdfJson = JSON.parse(row.kdf);
  } catch {
    throw damaged('the key-derivation parameters are unreadable');
  }
  const kdf = KdfParamsSchema.safeParse(kdfJson);
  if (!kdf.success) throw damaged('the key-derivation parameters are invalid');
  return { format: row.format, vaultId: row.vault_id, kdf: kdf.data, keySlot: row.key_slot };
}

export function writeHeader(db: VaultDatabase, header: VaultHeader): void {
  const row = {
    magic: VAULT_MAGIC,
    format: header.format,
    vault_id: header.vaultId,
    kdf: JSON.stringify(header.kdf),
    key_slot: header.keySlot,
  };
  db.statement(
    `INSERT INTO vault_header (singleton, magic, format, vault_id, kdf, key_slot, checksum)
     VALUES (1, @magic, @format, @vault_id, @kdf, @key_slot, @checksum)
     ON CONFLICT (singleton) DO UPDATE SET magic = excluded.magic, format = excluded.format,
       vault_id = excluded.vault_id, kdf = excluded.kdf, key_slot = excluded.key_slot,
       checksum = excluded.checksum`,
  ).run({ ...row, checksum: checksum(row) });
}
