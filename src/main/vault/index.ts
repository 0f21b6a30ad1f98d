/** The core: everything Sparekey does, without Electron. Used by the app, the CLI and the tests. */
export { Vault, type VaultOptions, MIN_PASSWORD_LENGTH } from './vault.js';
export { type Clock, FixedClock, systemClock } from './clock.js';
export { type Random, systemRandom } from './random.js';
export { DEFAULT_KDF_COST, type KdfCost } from './crypto/kdf.js';
export { parseOtpauthUri, formatOtpauthUri, type OtpauthEntry } from './otp/otpauth.js';
export { makeSeed, type SeedInput } from './otp/seed.js';
export { decodeBase32Secret, encodeBase32Secret } from './otp/base32-secret.js';
export { defaultVaultPath } from './paths.js';
