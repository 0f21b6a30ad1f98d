import { createGuardrails } from '@otplib/core';
import { generateSync } from '@otplib/hotp';
import { crypto } from '@otplib/plugin-crypto-noble';
import type { CodeView, OtpSeed } from '../../shared/domain.js';
import { decodeBase32Secret } from './base32-secret.js';
import { SECOND_MS } from '../../shared/durations.js';

/** Short secrets are common in the wild (80-bit seeds); Sparekey must show their codes too. */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1 });

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** Steam Guard: the RFC 4226 truncated value written in Steam's 26-character alphabet. */
function encodeSteam(value: number, length: number): string {
  let code = '';
  let rest = value;
  for (let index = 0; index < length; index++) {
    code += STEAM_ALPHABET.charAt(rest % STEAM_ALPHABET.length);
    rest = Math.floor(rest / STEAM_ALPHABET.length);
  }
  return code;
}

/** The code for one counter value (HOTP) or one time step (TOTP and Steam). */
export function codeForCounter(
  seed: OtpSeed,
  counter: number,
  secret = decodeBase32Secret(seed.secret),
): string {
  return generateSync({
    secret,
    counter,
    algorithm: seed.algorithm.toLowerCase() as 'sha1' | 'sha256' | 'sha512',
    digits: seed.digits,
    crypto,
    guardrails,
    ...(seed.type === 'steam' ? { hooks: { encodeToken: encodeSteam } } : {}),
  });
}

/** The TOTP time step an instant falls in (RFC 6238, T0 = 0). */
export function timeStep(seed: OtpSeed, atMs: number): number {
  return Math.floor(Math.floor(atMs / SECOND_MS) / seed.period);
}

/** Current, previous and next codes of a TOTP or Steam seed at an instant. */
export function timeBasedCodes(accountId: string, seed: OtpSeed, atMs: number): CodeView {
  const secret = decodeBase32Secret(seed.secret);
  try {
    const step = timeStep(seed, atMs);
    const elapsed = Math.floor(atMs / SECOND_MS) - step * seed.period;
    return {
      accountId,
      type: seed.type,
      current: codeForCounter(seed, step, secret),
      previous: step > 0 ? codeForCounter(seed, step - 1, secret) : null,
      next: codeForCounter(seed, step + 1, secret),
      period: seed.period,
      secondsRemaining: seed.period - elapsed,
      at: atMs,
    };
  } finally {
    secret.fill(0);
  }
}
