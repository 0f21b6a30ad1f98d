import type { OtpSeed } from '../../../shared/domain.js';
import { invalidInput } from '../../../shared/errors.js';
import { encodeBase32Secret } from '../../otp/base32-secret.js';
import { parseOtpauthUri } from '../../otp/otpauth.js';
import { base64Bytes, hexBytes } from '../encoding.js';
import { seedFrom } from '../entries.js';

/**
 * The one-time-password seed of a KeePass entry, from the fields the KeePass
 * family writes, in this order:
 *
 * - `otp`: an otpauth:// URI (KeePassXC 2.6+, KeeWeb), or KeeOtp's
 *   `key=…&step=…&size=…&type=…&otpHashMode=…` (KeeOtp, KeeTrayTOTP).
 * - KeePassXC's legacy `TOTP Seed` (Base32) with `TOTP Settings` "period;digits"
 *   ("30;6", or "30;S" for Steam).
 * - KeePass 2.47's own fields: `TimeOtp-Secret` (UTF-8 text), `-Hex`, `-Base32`,
 *   `-Base64`, with `TimeOtp-Length`, `-Period`, `-Algorithm` (HMAC-SHA-1,
 *   HMAC-SHA-256, HMAC-SHA-512); `HmacOtp-Secret…` with `HmacOtp-Counter` (6 digits).
 *
 * Returns null when the entry has none; throws INVALID_INPUT naming the field.
 */
export interface KdbxOtp {
  seed: OtpSeed;
  /** The label's names when the field was an otpauth URI. */
  issuer: string;
  accountName: string;
  /** What of the entry's OTP fields was not used. */
  warnings: string[];
}

export type FieldReader = (name: string) => string | undefined;

const KEEPASS_ALGORITHMS: Record<string, string> = {
  'HMAC-SHA-1': 'SHA1',
  'HMAC-SHA-256': 'SHA256',
  'HMAC-SHA-512': 'SHA512',
};

function inField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof Error) error.message = `its "${field}" field: ${error.message}`;
    throw error;
  }
}

/** KeeOtp's `key=BASE32&step=30&size=6&type=Totp&otpHashMode=Sha256&counter=0`. */
function keeOtp(text: string): OtpSeed {
  const params = new URLSearchParams(text);
  const key = params.get('key');
  if (!key) throw invalidInput('it has no key');
  const type = (params.get('type') ?? 'totp').toLowerCase();
  return seedFrom({
    type: type === 'hotp' ? 'hotp' : 'totp',
    secret: key,
    algorithm: params.get('otpHashMode') ?? undefined,
    digits: params.get('size') ?? undefined,
    period: params.get('step') ?? undefined,
    counter: params.get('counter') ?? undefined,
  });
}

/** KeePassXC's legacy pair: `TOTP Seed` and `TOTP Settings` ("30;6", "30;S", "30;8;…"). */
function legacyKeePassXc(seed: string, settings: string | undefined): OtpSeed {
  if (/^otpauth:\/\//i.test(seed.trim())) return parseOtpauthUri(seed).seed;
  const [period, digits] = (settings ?? '').split(';').map((part) => part.trim());
  // KeePassXC reads "step;S" as Steam with its own 30-second step, whatever the step says.
  if (digits?.toUpperCase() === 'S') return seedFrom({ type: 'steam', secret: seed });
  return seedFrom({ secret: seed, period: period || undefined, digits: digits || undefined });
}

/** KeePass 2.47's `TimeOtp-` or `HmacOtp-` secret, in whichever encoding the entry has it. */
function keePassSecret(prefix: 'TimeOtp' | 'HmacOtp', field: FieldReader): string | null {
  const base32 = field(`${prefix}-Secret-Base32`);
  if (base32 !== undefined) return base32;
  const hex = field(`${prefix}-Secret-Hex`);
  if (hex !== undefined) {
    const bytes = hexBytes(hex.replace(/\s+/g, ''));
    if (!bytes) throw invalidInput(`its "${prefix}-Secret-Hex" field is not hexadecimal`);
    return encodeBase32Secret(bytes);
  }
  const base64 = field(`${prefix}-Secret-Base64`);
  if (base64 !== undefined) {
    const bytes = base64Bytes(base64);
    if (!bytes) throw invalidInput(`its "${prefix}-Secret-Base64" field is not Base64`);
    return encodeBase32Secret(bytes);
  }
  const text = field(`${prefix}-Secret`);
  if (text !== undefined) return encodeBase32Secret(new Uint8Array(Buffer.from(text, 'utf8')));
  return null;
}

function keePassTotp(field: FieldReader, secret: string): OtpSeed {
  const algorithmName = field('TimeOtp-Algorithm')?.trim();
  const algorithm =
    algorithmName === undefined || algorithmName === ''
      ? 'SHA1'
      : KEEPASS_ALGORITHMS[algorithmName.toUpperCase()];
  if (algorithm === undefined) {
    throw invalidInput(
      `its "TimeOtp-Algorithm" field names an unknown algorithm (${algorithmName})`,
    );
  }
  return inField('TimeOtp-Secret', () =>
    seedFrom({
      secret,
      algorithm,
      digits: field('TimeOtp-Length')?.trim() || undefined,
      period: field('TimeOtp-Period')?.trim() || undefined,
    }),
  );
}

function keePassHotp(field: FieldReader, secret: string): OtpSeed {
  return inField('HmacOtp-Secret', () =>
    seedFrom({ type: 'hotp', secret, counter: field('HmacOtp-Counter')?.trim() || '0' }),
  );
}

export function kdbxOtp(field: FieldReader): KdbxOtp | null {
  const found: { source: string; read: () => KdbxOtp }[] = [];
  const otp = field('otp')?.trim();
  if (otp) {
    found.push({
      source: 'otp',
      read: () =>
        inField('otp', () => {
          if (/^otpauth:\/\//i.test(otp)) {
            const parsed = parseOtpauthUri(otp);
            return { ...parsed, warnings: [] };
          }
          if (/(^|&)key=/i.test(otp))
            return { seed: keeOtp(otp), issuer: '', accountName: '', warnings: [] };
          throw invalidInput('it is neither an otpauth:// link nor KeeOtp settings');
        }),
    });
  }
  const legacySeed = field('TOTP Seed')?.trim();
  if (legacySeed) {
    found.push({
      source: 'TOTP Seed',
      read: () => ({
        seed: inField('TOTP Seed', () => legacyKeePassXc(legacySeed, field('TOTP Settings'))),
        issuer: '',
        accountName: '',
        warnings: [],
      }),
    });
  }
  const plain = (seed: OtpSeed): KdbxOtp => ({ seed, issuer: '', accountName: '', warnings: [] });
  const timeSecret = keePassSecret('TimeOtp', field);
  if (timeSecret !== null) {
    found.push({ source: 'TimeOtp-Secret', read: () => plain(keePassTotp(field, timeSecret)) });
  }
  const counterSecret = keePassSecret('HmacOtp', field);
  if (counterSecret !== null) {
    found.push({ source: 'HmacOtp-Secret', read: () => plain(keePassHotp(field, counterSecret)) });
  }
  const [first, ...others] = found;
  if (first === undefined) return null;
  const result = first.read();
  for (const other of others) {
    result.warnings.push(
      `its "${other.source}" one-time password was not imported (Sparekey keeps one seed an account; the "${first.source}" one was)`,
    );
  }
  return result;
}
