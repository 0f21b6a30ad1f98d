import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8, wipe } from './bytes.js';

/**
 * Format 2 never uses the vault key itself: HKDF-SHA256 (RFC 5869) from it, salted
 * with the vault id, gives one key per purpose, so a key for one job can never be
 * turned into a key for another.
 */
export interface VaultSubkeys {
  /** XChaCha20-Poly1305 key of every record. */
  readonly records: Uint8Array;
  /** HMAC-SHA256 key of each row's tag (the terms of the vault's set commitment). */
  readonly rowTags: Uint8Array;
  /** HMAC-SHA256 key of the vault state (header, write counter, set commitment). */
  readonly state: Uint8Array;
}

const SUBKEY_INFO = {
  records: 'sparekey v2 record encryption',
  rowTags: 'sparekey v2 row tag',
  state: 'sparekey v2 vault state',
} as const;

export function deriveSubkeys(vaultKey: Uint8Array, vaultId: Uint8Array): VaultSubkeys {
  const derive = (info: string) => hkdf(sha256, vaultKey, vaultId, utf8(info), 32);
  return {
    records: derive(SUBKEY_INFO.records),
    rowTags: derive(SUBKEY_INFO.rowTags),
    state: derive(SUBKEY_INFO.state),
  };
}

export function wipeSubkeys(keys: VaultSubkeys | null): void {
  if (keys !== null) wipe(keys.records, keys.rowTags, keys.state);
}
