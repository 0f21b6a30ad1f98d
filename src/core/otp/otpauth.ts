import type { OtpSeed } from '../../shared/domain.js';
import { invalidInput } from '../../shared/errors.js';
import { compactBase32Secret } from './base32-secret.js';
import { makeSeed } from './seed.js';

/** What an otpauth:// URI describes. */
export interface OtpauthEntry {
  issuer: string;
  accountName: string;
  seed: OtpSeed;
  /** Parameters other apps add (Ente's codeDisplay, an image URL, …), kept for importers. */
  extra: Record<string, string>;
}

const KNOWN_PARAMETERS = new Set([
  'secret',
  'issuer',
  'algorithm',
  'digits',
  'period',
  'counter',
  'encoder',
]);

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidInput(`The ${what} of the otpauth URI is not validly URL-encoded.`);
  }
}

/**
 * Parses an otpauth:// URI as Google's Key Uri Format describes it, plus the
 * `steam` type and `encoder=steam` parameter other apps write. Throws
 * INVALID_INPUT naming the problem.
 */
export function parseOtpauthUri(input: string): OtpauthEntry {
  const text = input.trim();
  const match = /^otpauth:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i.exec(text);
  if (match === null) {
    throw invalidInput(
      text.length === 0
        ? 'The otpauth URI is empty.'
        : 'This is not an otpauth:// URI (it should look like otpauth://totp/Issuer:name?secret=...).',
    );
  }
  const [, rawType = '', rawLabel = '', rawQuery = ''] = match;

  const params = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals < 0 ? pair : pair.slice(0, equals), 'query').toLowerCase();
    const value =
      equals < 0
        ? ''
        : decodeComponent(pair.slice(equals + 1).replace(/\+/g, ' '), `"${name}" parameter`);
    if (params.has(name)) throw invalidInput(`The otpauth URI has the "${name}" parameter twice.`);
    params.set(name, value);
  }

  let type = rawType.toLowerCase();
  if (type === '') throw invalidInput('The otpauth URI has no type (totp, hotp or steam).');
  if ((params.get('encoder') ?? '').toLowerCase() === 'steam') type = 'steam';
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    throw invalidInput(
      `Unknown OTP type "${rawType}" in the otpauth URI; expected totp, hotp or steam.`,
    );
  }

  const secret = params.get('secret');
  if (secret === undefined) throw invalidInput('The otpauth URI has no secret parameter.');

  const label = decodeComponent(rawLabel, 'label');
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const accountName = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  // When both are present the issuer parameter wins, as in Google Authenticator.
  const issuer = (params.get('issuer') ?? '').trim() || labelIssuer;

  let seed: OtpSeed;
  try {
    seed = makeSeed({
      type,
      secret,
      algorithm: params.get('algorithm') || undefined,
      digits: params.get('digits') || undefined,
      period: params.get('period') || undefined,
      counter: params.get('counter') || undefined,
    });
  } catch (error) {
    if (error instanceof Error) error.message = `In the otpauth URI: ${error.message}`;
    throw error;
  }

  const extra: Record<string, string> = {};
  for (const [name, value] of params) if (!KNOWN_PARAMETERS.has(name)) extra[name] = value;
  return { issuer, accountName, seed, extra };
}

/**
 * Writes an otpauth:// URI: issuer both as label prefix and parameter, every
 * parameter explicit, so any authenticator app reads it the same way. The key's
 * characters are written as given, upper case, without separators or padding.
 */
export function formatOtpauthUri(issuer: string, accountName: string, seed: OtpSeed): string {
  const label = issuer
    ? `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`
    : encodeURIComponent(accountName);
  const query = [`secret=${compactBase32Secret(seed.secret)}`];
  if (issuer) query.push(`issuer=${encodeURIComponent(issuer)}`);
  query.push(`algorithm=${seed.algorithm}`, `digits=${seed.digits}`);
  query.push(seed.type === 'hotp' ? `counter=${seed.counter}` : `period=${seed.period}`);
  return `otpauth://${seed.type}/${label}?${query.join('&')}`;
}
