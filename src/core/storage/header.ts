import { sha256 } from '@noble/hashes/sha2.js';
import { VaultError } from '../../shared/errors.js';
import { encodeFields } from '../crypto/bytes.js';
import { type KdfParams, kdfParamsProblem, KdfParamsSchema } from '../crypto/kdf.js';
import type { VaultDatabase } from './database.js';
import { CURRENT_FORMAT } from './schema.js';
import { unexpectedWrite } from './checked-writes.js';
import { checkSchema } from './schema-lock.js';

export const VAULT_MAGIC = 'sparekey-vault';
export const VAULT_ID_LENGTH = 16;
/** A sealed 32-byte key: 24-byte nonce, ciphertext, 16-byte tag. */
export const KEY_SLOT_LENGTH = 24 + 32 + 16;

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

/**
 * Reads and checks the header, after the schema lock: the format it claims must be
 * the one whose tables the file has.
 */
export function readHeader(db: VaultDatabase): VaultHeader {
  const schemaFormats = checkSchema(db);
  const header = readHeaderRow(db);
  if (!schemaFormats.includes(header.format)) {
    throw new VaultError(
      'VAULT_DAMAGED',
      `The vault header of ${db.path} is damaged: it claims format ${header.format}, but the file's tables are those of format ${schemaFormats.join(' or ')}.`,
      { part: 'header' },
    );
  }
  return header;
}

function readHeaderRow(db: VaultDatabase): VaultHeader {
  // The file already carries Sparekey's application id, so a missing or altered header is damage.
  const damaged = (what: string) =>
    new VaultError('VAULT_DAMAGED', `The vault header of ${db.path} is damaged: ${what}.`, {
      part: 'header',
    });
  if (!db.tableExists('vault_header')) throw damaged('it is missing');
  // One row, the one Sparekey writes: a second one (its CHECK turned off) would be
  // read in its place by whoever sorts it first.
  const rows = db
    .statement(
      'SELECT singleton, magic, format, vault_id, kdf, key_slot, checksum FROM vault_header',
    )
    .all() as (HeaderRow & { singleton: unknown })[];
  const [row] = rows;
  if (row === undefined) throw damaged('it is missing');
  if (rows.length > 1) throw damaged('it holds more than one header');
  if (row.singleton !== 1) throw damaged('its row is not the one Sparekey writes');
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
  if (!Number.isSafeInteger(row.format) || row.format < 1) {
    throw damaged(`its format number (${row.format}) is not one Sparekey ever wrote`);
  }
  if (row.vault_id.length !== VAULT_ID_LENGTH) throw damaged('the vault id has the wrong length');
  if (row.key_slot.length !== KEY_SLOT_LENGTH)
    throw damaged('the wrapped key has the wrong length');
  let kdfJson: unknown;
  try {
    kdfJson = JSON.parse(row.kdf);
  } catch {
    throw damaged('the key-derivation parameters are unreadable');
  }
  const kdf = KdfParamsSchema.safeParse(kdfJson);
  if (!kdf.success) throw damaged('the key-derivation parameters are invalid');
  // Written exactly as Sparekey writes them, so the text bound into the key slot and
  // the vault state is the text in the file (no other spacing, order or extra field).
  if (JSON.stringify(kdf.data) !== row.kdf) {
    throw damaged('the key-derivation parameters are not written the way Sparekey writes them');
  }
  // Checked before Argon2id ever runs: a planted header must not cost minutes and gigabytes.
  const problem = kdfParamsProblem(kdf.data);
  if (problem !== undefined) throw damaged(problem);
  return { format: row.format, vaultId: row.vault_id, kdf: kdf.data, keySlot: row.key_slot };
}

/**
 * The associated data of the key slot: everything else in the header, so none of
 * it can be changed without the password failing to unwrap the vault key. Format
 * 1 bound the vault id and the KDF parameters; format 2 adds the format itself.
 */
export function keySlotAssociatedData(
  header: Pick<VaultHeader, 'format' | 'vaultId' | 'kdf'>,
): Uint8Array {
  return header.format === 1
    ? encodeFields(['sparekey-key-slot', header.vaultId, JSON.stringify(header.kdf)])
    : encodeFields([
        'sparekey-key-slot',
        header.format,
        VAULT_MAGIC,
        header.vaultId,
        JSON.stringify(header.kdf),
      ]);
}

export function writeHeader(db: VaultDatabase, header: VaultHeader): void {
  const row = {
    magic: VAULT_MAGIC,
    format: header.format,
    vault_id: header.vaultId,
    kdf: JSON.stringify(header.kdf),
    key_slot: header.keySlot,
  };
  const written = db
    .statement(
      `INSERT INTO vault_header (singleton, magic, format, vault_id, kdf, key_slot, checksum)
     VALUES (1, @magic, @format, @vault_id, @kdf, @key_slot, @checksum)
     ON CONFLICT (singleton) DO UPDATE SET magic = excluded.magic, format = excluded.format,
       vault_id = excluded.vault_id, kdf = excluded.kdf, key_slot = excluded.key_slot,
       checksum = excluded.checksum`,
    )
    .run({ ...row, checksum: checksum(row) }).changes;
  if (written !== 1) throw unexpectedWrite('the vault header', written);
}
