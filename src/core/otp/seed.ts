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
import { canonicalBase32Secret } from './base32-secret.js';

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

/** Validates and normalizes everything that defines a seed; throws INVALID_INPUT naming the problem. */
export function makeSeed(input: SeedInput): OtpSeed {
  const type = input.type === undefined ? 'totp' : parseOtpType(input.type);
  const secret = canonicalBase32Secret(input.secret);
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
