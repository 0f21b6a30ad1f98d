import { decodeBase32Secret } from '../otp/base32-secret.js';
import { formatMigrationUri, type MigrationOtp } from '../otp/google-migration.js';
import type { Random } from '../random.js';
import type { ExportAccount } from './export-types.js';

/**
 * Google Authenticator transfer links, in batches of ten accounts (one QR code
 * each, dense but scannable). Google Authenticator knows 6 or 8 digits and
 * 30-second TOTP only; other seeds are left out with the reason.
 */
export const GOOGLE_BATCH_SIZE = 10;

const ALGORITHMS = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
const DIGITS: Record<number, number> = { 6: 1, 8: 2 };

/** Why Google Authenticator cannot take this seed, or null when it can. */
export function googleIncompatibility({ seed }: ExportAccount): string | null {
  if (seed.type === 'steam') return 'Google Authenticator has no Steam codes';
  if (DIGITS[seed.digits] === undefined) {
    return `Google Authenticator shows 6 or 8 digits, not ${seed.digits}`;
  }
  if (seed.type === 'totp' && seed.period !== 30) {
    return `Google Authenticator uses 30-second codes, not ${seed.period}-second ones`;
  }
  return null;
}

function migrationOtp({ account, seed }: ExportAccount): MigrationOtp {
  return {
    secret: decodeBase32Secret(seed.secret),
    name: account.accountName || account.issuer,
    issuer: account.issuer,
    algorithm: ALGORITHMS[seed.algorithm],
    digits: DIGITS[seed.digits] ?? 1,
    type: seed.type === 'hotp' ? 1 : 2,
    counter: seed.type === 'hotp' ? seed.counter : 0,
  };
}

/** One otpauth-migration:// link per batch, all with the same random batch id. */
export function googleTransferLinks(accounts: readonly ExportAccount[], random: Random): string[] {
  const batches: ExportAccount[][] = [];
  for (let start = 0; start < accounts.length; start += GOOGLE_BATCH_SIZE) {
    batches.push(accounts.slice(start, start + GOOGLE_BATCH_SIZE));
  }
  const batchId = new DataView(random.bytes(4).buffer).getInt32(0);
  return batches.map((batch, batchIndex) =>
    formatMigrationUri({
      otpParameters: batch.map(migrationOtp),
      version: 1,
      batchSize: batches.length,
      batchIndex,
      batchId,
    }),
  );
}
