/**
 * The core's one public entry: everything Sparekey does, without Electron. The desktop
 * handlers (src/main/api), the shell and the CLI import the core from here and from
 * nowhere deeper (an ESLint rule enforces it); tests may reach inside.
 */

// The vault and what it is opened with.
export { Vault, type VaultOptions, MIN_PASSWORD_LENGTH } from './vault.js';
export { type Clock, FixedClock, systemClock } from './clock.js';
export { type Random, systemRandom } from './random.js';
export { DEFAULT_KDF_COST, type KdfCost, type KeyDerivation } from './crypto/kdf.js';
export { counterMemoryPath, defaultVaultPath } from './paths.js';
export {
  type CounterMemory,
  FileCounterMemory,
  type OlderVault,
} from './storage/counter-memory.js';
export { type VaultSettings, VaultSettingsSchema } from './settings/settings-schema.js';

// Authenticator seeds and their codes.
export { parseOtpauthUri, formatOtpauthUri, type OtpauthEntry } from './otp/otpauth.js';
export { makeSeed, seedWarnings, type SeedInput } from './otp/seed.js';
export {
  compactBase32Secret,
  decodeBase32Secret,
  encodeBase32Secret,
  groupBase32,
} from './otp/base32-secret.js';
export { codeForCounter } from './otp/codes.js';
export { qrPngDataUrl } from './qr/write-qr.js';

// Backup codes, passwords, health.
export type { CodeTarget } from './backup-codes/backup-codes.js';
export { generatePassword } from './passwords/passwords.js';
export type { HealthCheck } from './health/health.js';
export { groupReport } from './health/grouping.js';
export { describe as describeFinding } from './health/finding.js';
export type { DismissInput } from './health/dismissals.js';
export { type ClockCheck, measureClockOffset } from './clock-check/sntp.js';

// Files: copies, backups, restores, imports and exports.
export { copyVault } from './backups/vault-copy.js';
export { listBackupFiles } from './backups/backup-files.js';
export {
  type BackupTiming,
  DEFAULT_BACKUP_TIMING,
  nextBackupAt,
} from './backups/backup-schedule.js';
export { checkBackup, restoreVault, verifyVaultFile } from './backups/restore.js';
export { writePrivateFile, replacePrivateFile } from './exporters/private-file.js';
export { fileProblem } from './file-problem.js';
export type { SeedExportFormat } from './exporters/export-service.js';
export { type ImportPlan, previewOf } from './importers/import-plan.js';
export type { ImportFileInput } from './importers/import-service.js';
export { describeBytes, MAX_IMPORT_FILE_BYTES } from './importers/limits.js';
