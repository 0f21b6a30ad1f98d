import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { OtpSeed } from '../../src/shared/domain.js';
import { decodeBase32Secret } from '../../src/core/otp/base32-secret.js';
import { codeForCounter, timeBasedCodes } from '../../src/core/otp/codes.js';

/**
 * The real export files of other apps, copied unchanged into the repository's test
 * fixtures; where each came from is in tests/fixtures/importers/SOURCES.md, what each
 * must yield in EXPECTED.md beside it.
 */
export const CORPUS = resolve(import.meta.dirname, '../fixtures/importers');

export function corpusPath(relative: string): string {
  return join(CORPUS, relative);
}

export function corpusFile(relative: string): { name: string; bytes: Uint8Array } {
  return { name: basename(relative), bytes: new Uint8Array(readFileSync(corpusPath(relative))) };
}

export interface ReferenceEntry {
  issuer: string;
  accountName: string;
  seed: OtpSeed;
}

/** The seven reference entries of EXPECTED.md (aegis-tests/plain.txt holds them as otpauth URIs). */
export const REFERENCE: ReferenceEntry[] = [
  ['Deno', 'Mason', 'totp', 'SHA1', 6, 30, 0, '4SJHB4GSD43FZBAI7C2HLRJGPQ'],
  ['SPDX', 'James', 'totp', 'SHA256', 7, 20, 0, '5OM4WOOGPLQEF6UGN3CPEOOLWU'],
  ['Airbnb', 'Elijah', 'totp', 'SHA512', 8, 50, 0, '7ELGJSGXNCCTV3O6LKJWYFV2RA'],
  ['Issuu', 'James', 'hotp', 'SHA1', 6, 30, 1, 'YOOMIXWS5GN6RTBPUFFWKTW5M4'],
  ['Air Canada', 'Benjamin', 'hotp', 'SHA256', 7, 30, 50, 'KUVJJOM753IHTNDSZVCNKL7GII'],
  ['WWE', 'Mason', 'hotp', 'SHA512', 8, 30, 10300, '5VAML3X35THCEBVRLV24CGBKOY'],
  ['Boeing', 'Sophia', 'steam', 'SHA1', 5, 30, 0, 'JRZCL47CMXVOQMNPZR2F7J4RGI'],
].map(([issuer, accountName, type, algorithm, digits, period, counter, secret]) => ({
  issuer: issuer as string,
  accountName: accountName as string,
  seed: {
    type: type as OtpSeed['type'],
    algorithm: algorithm as OtpSeed['algorithm'],
    digits: digits as number,
    period: period as number,
    counter: counter as number,
    secret: secret as string,
  },
}));

export function secretHex(secret: string): string {
  return Buffer.from(decodeBase32Secret(secret)).toString('hex');
}

/** The reference row with the same decoded secret bytes. */
export function referenceFor(seed: OtpSeed): ReferenceEntry | undefined {
  return REFERENCE.find((row) => secretHex(row.seed.secret) === secretHex(seed.secret));
}

/** Fixed instants (ms) at which imported codes must equal the reference's. */
export const CODE_INSTANTS = [
  59_000,
  1_111_111_109_000,
  1_234_567_890_000,
  Date.UTC(2026, 4, 3, 10),
];

/** Codes of a seed at the fixed instants (TOTP, Steam) or at its next three counters (HOTP). */
export function codesOf(seed: OtpSeed): string[] {
  if (seed.type === 'hotp') {
    return [0, 1, 2].map((step) => codeForCounter(seed, seed.counter + step));
  }
  return CODE_INSTANTS.map((at) => timeBasedCodes('x', seed, at).current ?? '');
}
