import type { OtpSeed } from '../../shared/domain.js';
import { kdbxLibrary } from '../importers/kdbx/kdbx-library.js';
import { compactBase32Secret, encodeBase32Secret, readBase32Secret } from '../otp/base32-secret.js';
import type { ExportAccount } from './export-types.js';

/**
 * A KeePass database (KDBX 4, Argon2id, AES-256) that KeePassXC and KeePass
 * open with their one-time passwords working, for a second copy in another
 * vault. One entry an account: issuer as title, account name as username, URL,
 * notes, tags. The seed, as KeePassXC reads it (core/Totp.cpp):
 *
 * - TOTP and Steam: the `otp` field, `otpauth://totp/…?secret=…&period=…&digits=…`
 *   with `&encoder=steam` for Steam and `&algorithm=` when not SHA1 (KeePassXC
 *   reads the query, not the type). TOTP also gets KeePass 2.47's own
 *   `TimeOtp-Secret-Base32`, `-Length`, `-Period`, `-Algorithm`.
 * - HOTP: KeePass 2.47's `HmacOtp-Secret-Base32` and `HmacOtp-Counter`, and no
 *   `otp` field: KeePassXC computes every `otp` as TOTP and would show wrong codes.
 *
 * The key's characters go as given (upper case, no separators), except a key of
 * a length no whole number of bytes gives: KeePassXC's Base32 refuses those, so
 * its bytes are written re-encoded (the same codes).
 */

/** RFC 9106's second recommended option, as Sparekey's own vault: 64 MiB, 3 passes, 4 lanes. */
export const KDBX_EXPORT_KDF = { memoryBytes: 64 * 1024 * 1024, passes: 3, lanes: 4 } as const;

const KEEPASS_ALGORITHM = { SHA1: 'HMAC-SHA-1', SHA256: 'HMAC-SHA-256', SHA512: 'HMAC-SHA-512' };

/** The key as KeePassXC's Base32 reads it. */
export function keePassSecret(secret: string): string {
  const read = readBase32Secret(secret);
  return read.oddLength ? encodeBase32Secret(read.bytes) : compactBase32Secret(secret);
}

/** The `otp` field KeePassXC reads for a TOTP or Steam seed. */
export function keePassXcOtp(issuer: string, accountName: string, seed: OtpSeed): string {
  const title = encodeURIComponent(issuer || 'Sparekey');
  const user = encodeURIComponent(accountName || 'none');
  const query = [
    `secret=${keePassSecret(seed.secret)}`,
    `period=${seed.period}`,
    `digits=${seed.digits}`,
    `issuer=${title}`,
  ];
  if (seed.type === 'steam') query.push('encoder=steam');
  if (seed.algorithm !== 'SHA1') query.push(`algorithm=${seed.algorithm}`);
  return `otpauth://totp/${title}:${user}?${query.join('&')}`;
}

export async function kdbxFile(
  accounts: readonly ExportAccount[],
  password: string,
): Promise<Uint8Array> {
  const kdbx = kdbxLibrary();
  const credentials = new kdbx.Credentials(kdbx.ProtectedValue.fromString(password));
  await credentials.ready;
  const db = kdbx.Kdbx.create(credentials, 'Sparekey export');
  db.setKdf(kdbx.Consts.KdfId.Argon2id);
  const params = db.header.kdfParameters;
  if (params === undefined) throw new Error('kdbxweb created no KDF parameters');
  params.set('M', kdbx.VarDictionary.ValueType.UInt64, new kdbx.Int64(KDBX_EXPORT_KDF.memoryBytes));
  params.set('I', kdbx.VarDictionary.ValueType.UInt64, new kdbx.Int64(KDBX_EXPORT_KDF.passes));
  params.set('P', kdbx.VarDictionary.ValueType.UInt32, KDBX_EXPORT_KDF.lanes);
  const group = db.getDefaultGroup();
  const protect = (text: string) => kdbx.ProtectedValue.fromString(text);
  for (const { account, seed } of accounts) {
    const entry = db.createEntry(group);
    entry.fields.set('Title', account.issuer);
    entry.fields.set('UserName', account.accountName);
    entry.fields.set('URL', account.url);
    entry.fields.set('Notes', account.notes);
    entry.tags = [...account.tags];
    if (seed.type === 'hotp') {
      entry.fields.set('HmacOtp-Secret-Base32', protect(keePassSecret(seed.secret)));
      entry.fields.set('HmacOtp-Counter', String(seed.counter));
      continue;
    }
    entry.fields.set('otp', protect(keePassXcOtp(account.issuer, account.accountName, seed)));
    if (seed.type === 'totp') {
      entry.fields.set('TimeOtp-Secret-Base32', protect(keePassSecret(seed.secret)));
      entry.fields.set('TimeOtp-Length', String(seed.digits));
      entry.fields.set('TimeOtp-Period', String(seed.period));
      entry.fields.set('TimeOtp-Algorithm', KEEPASS_ALGORITHM[seed.algorithm]);
    }
  }
  return new Uint8Array(await db.save());
}
