import {
  MAX_DIGITS,
  MIN_DIGITS,
  OTP_ALGORITHMS,
  OTP_TYPES,
  type OtpAlgorithm,
  type OtpSeed,
  type OtpType,
  STEAM_DIGITS,
} from '../../shared/domain.js';
import { invalidInput } from '../../shared/errors.js';
import { base32SecretWarnings, encodeBase32Secret, givenBase32Secret } from './base32-secret.js';

export const DEFAULT_PERIOD = 30;
/** Periods beyond a year make no sense for a one-time code; it also keeps step arithmetic exact. */
export const MAX_PERIOD = 366 * 24 * 3600;
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

export interface SeedInput {
  type?: string | undefined;
  secret: string;
  algorithm?: string | undefined;
  digits?: number | string | undefined;
  period?: number | string | undefined;
  counter?: number | string | undefined;
}

function parseWholeNumber(value: number | string, what: string): number {
  const number =
    typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 0) {
    throw invalidInput(`The ${what} must be a whole number, not "${value}".`);
  }
  return number;
}

export function parseOtpType(value: string): OtpType {
  const type = value.trim().toLowerCase();
  if (!(OTP_TYPES as readonly string[]).includes(type)) {
    throw invalidInput(`Unknown OTP type "${value}"; use totp, hotp or steam.`);
  }
  return type as OtpType;
}

export function parseAlgorithm(value: string): OtpAlgorithm {
  const algorithm = value.trim().toUpperCase().replace(/^SHA-/, 'SHA');
  if (!(OTP_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw invalidInput(`Unknown algorithm "${value}"; use SHA1, SHA256 or SHA512.`);
  }
  return algorithm as OtpAlgorithm;
}

/** A Steam Guard `shared_secret` in base64, as Steam and Steam Desktop Authenticator keep it: 20 bytes. */
const STEAM_BASE64 = /^[A-Za-z0-9+/]{27}=$/;

/**
 * True when a Steam secret is written in base64 (Steam's own form) rather than
 * Base32: 20 bytes' worth with its padding, or base64 with a character Base32
 * never has (0, 1, 8, 9, + or /).
 */
export function isSteamBase64(text: string): boolean {
  const trimmed = text.trim();
  if (STEAM_BASE64.test(trimmed)) return true;
  return (
    /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && /[0189+/]/.test(trimmed) && trimmed.length % 4 === 0
  );
}

/**
 * The secret a seed keeps: the Base32 key as given (trimmed, checked), or for
 * Steam a base64 `shared_secret` rewritten as Base32, the form every other
 * authenticator takes. Steam's base64 given for another type is refused with a hint.
 */
function seedSecret(type: OtpType, text: string): string {
  if (type === 'steam' && isSteamBase64(text)) {
    return encodeBase32Secret(new Uint8Array(Buffer.from(text.trim(), 'base64')));
  }
  if (STEAM_BASE64.test(text.trim()) && /[^A-Za-z2-7=]/.test(text.trim())) {
    throw invalidInput(
      'This looks like a Steam secret in base64 (as Steam Desktop Authenticator keeps it): choose the Steam Guard type, or give the Base32 key.',
    );
  }
  return givenBase32Secret(text);
}

/** Validates everything that defines a seed; throws INVALID_INPUT naming the problem. */
export function makeSeed(input: SeedInput): OtpSeed {
  const type = input.type === undefined ? 'totp' : parseOtpType(input.type);
  const secret = seedSecret(type, input.secret);
  const algorithm = input.algorithm === undefined ? 'SHA1' : parseAlgorithm(input.algorithm);
  if (type === 'steam' && algorithm !== 'SHA1') {
    throw invalidInput(`Steam codes always use SHA1, not ${algorithm}.`);
  }

  let digits: number;
  if (type === 'steam') {
    digits = STEAM_DIGITS;
    if (
      input.digits !== undefined &&
      parseWholeNumber(input.digits, 'number of digits') !== STEAM_DIGITS
    ) {
      throw invalidInput(
        `Steam codes always have ${STEAM_DIGITS} characters, not ${input.digits}.`,
      );
    }
  } else {
    digits = input.digits === undefined ? 6 : parseWholeNumber(input.digits, 'number of digits');
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
      throw invalidInput(`Codes must have ${MIN_DIGITS} to ${MAX_DIGITS} digits, not ${digits}.`);
    }
  }

  const period =
    input.period === undefined ? DEFAULT_PERIOD : parseWholeNumber(input.period, 'period');
  if (period < 1) throw invalidInput('The period must be at least 1 second, not 0.');
  if (period > MAX_PERIOD)
    throw invalidInput(`The period of ${period} seconds is longer than a year.`);

  // A counter only means something for HOTP; other apps write `counter=0` on TOTP entries.
  const counter =
    type === 'hotp' && input.counter !== undefined ? parseWholeNumber(input.counter, 'counter') : 0;

  return {
    type,
    secret,
    algorithm,
    digits,
    period: type === 'hotp' ? DEFAULT_PERIOD : period,
    counter,
  };
}

/**
 * What a person should be told about a seed that works: a key shorter than
 * RFC 4226's 128 bits, or of a length no whole number of bytes gives.
 */
export function seedWarnings(seed: Pick<OtpSeed, 'secret'>): string[] {
  return base32SecretWarnings(seed.secret);
}
