import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8, wipe } from './bytes.js';

/**
 * Formats 2 and 3 never use the vault key itself: HKDF-SHA256 (RFC 5869) from it, salted
 * with the vault id, gives one key per purpose, so a key for one job can never be
 * turned into a key for another.
 */
export interface VaultSubkeys {
  /** XChaCha20-Poly1305 key of every record. */
  readonly records: Uint8Array;
  /** Key of each row's tag (the terms of the vault's set commitment): HMAC-SHA256 in format 2, keyed BLAKE3 in 3. */
  readonly rowTags: Uint8Array;
  /** HMAC-SHA256 key of the vault state (header, write counter, set commitment). */
  readonly state: Uint8Array;
}

/**
 * The HKDF info of each subkey, per format: format 3 tags rows with another
 * function than format 2, so its subkeys are others too (a key is only ever used
 * with one function).
 */
function subkeyInfo(format: number) {
  if (format !== 2 && format !== 3) throw new RangeError(`Format ${format} has no subkeys.`);
  return {
    records: `sparekey v${format} record encryption`,
    rowTags: `sparekey v${format} row tag`,
    state: `sparekey v${format} vault state`,
  } as const;
}

export function deriveSubkeys(
  vaultKey: Uint8Array,
  vaultId: Uint8Array,
  format: number,
): VaultSubkeys {
  const info = subkeyInfo(format);
  const derive = (label: string) => hkdf(sha256, vaultKey, vaultId, utf8(label), 32);
  return {
    records: derive(info.records),
    rowTags: derive(info.rowTags),
    state: derive(info.state),
  };
}

export function wipeSubkeys(keys: VaultSubkeys | null): void {
  if (keys !== null) wipe(keys.records, keys.rowTags, keys.state);
}
