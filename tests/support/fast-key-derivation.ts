import { deriveKey, type KeyDerivation } from '../../src/core/crypto/kdf.js';

/**
 * Argon2id at its cheapest in place of the vault's real parameters: tests check
 * behaviour, not the KDF's strength (which has its own tests). The vault files
 * keep, and are checked against, the real parameters; only the work is skipped,
 * so a vault made with this opens only with it (not in the CLI as a child process).
 */
export const fastKeyDerivation: KeyDerivation = (password, params) =>
  deriveKey(password, { ...params, memoryKiB: 64, passes: 1, lanes: 1 });
