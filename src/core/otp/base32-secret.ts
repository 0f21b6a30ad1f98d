import { base32nopad } from '@scure/base';
import { invalidInput } from '../../shared/errors.js';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SEPARATORS = /[\s-]/g;

/**
 * The longest setup key Sparekey takes, in Base32 characters (separators not
 * counted): 256 characters, 160 bytes. The longest keys in use are SHA-512's
 * 64 bytes (103 characters, RFC 6238's test key); HMAC hashes any key longer
 * than its block (64 bytes, 128 for SHA-512) before use, so a longer key adds
 * nothing, and a limit keeps a hostile file or paste from carrying megabytes.
 */
export const MAX_SECRET_CHARACTERS = 256;
/** The longest key text as given, spaces and dashes between groups included. */
export const MAX_SECRET_TEXT_LENGTH = 512;
/** RFC 4226's minimum key length (section 4, R6); it recommends 160 bits. */
export const MIN_RECOMMENDED_SECRET_BITS = 128;

/** What a setup key is made of, once read. */
export interface Base32Secret {
  /** The key's bytes (leftover bits that do not fill a byte are dropped). */
  bytes: Uint8Array;
  /** Base32 characters, separators and padding not counted. */
  characters: number;
  /** Bits of the last character that no whole byte uses (0 to 7). */
  leftoverBits: number;
  /** True for lengths no encoding of whole bytes gives (9, 11, 14, 17, 19, … characters). */
  oddLength: boolean;
}

/** The key's Base32 characters: upper case, without spaces, dashes or trailing `=` padding. */
export function compactBase32Secret(input: string): string {
  return input.replace(SEPARATORS, '').toUpperCase().replace(/=+$/, '');
}

/**
 * Reads a setup key the way people, sites and other apps write it: any case,
 * spaces or dashes between groups, with or without `=` padding, and any length
 * (leftover bits that do not fill a byte are ignored, as authenticator apps
 * ignore them). Throws INVALID_INPUT naming the problem.
 */
export function readBase32Secret(input: string): Base32Secret {
  if (input.length > MAX_SECRET_TEXT_LENGTH) {
    throw invalidInput(
      `The secret is ${input.length} characters long; a setup key is at most ${MAX_SECRET_CHARACTERS} Base32 characters.`,
    );
  }
  const compact = compactBase32Secret(input);
  if (compact.length === 0) throw invalidInput('The secret is empty.');
  for (let index = 0; index < compact.length; index++) {
    const char = compact.charAt(index);
    if (!BASE32_ALPHABET.includes(char)) {
      throw invalidInput(
        char === '='
          ? 'The secret has "=" padding in the middle; Base32 padding can only come at the end.'
          : `The secret has "${char}" at position ${index + 1}, which is not a Base32 character (A-Z and 2-7 only).`,
      );
    }
  }
  if (compact.length > MAX_SECRET_CHARACTERS) {
    throw invalidInput(
      `The secret has ${compact.length} Base32 characters; a setup key is at most ${MAX_SECRET_CHARACTERS} (${(MAX_SECRET_CHARACTERS * 5) / 8} bytes, more than any HMAC uses).`,
    );
  }
  const wholeBytes = Math.floor((compact.length * 5) / 8);
  if (wholeBytes === 0) {
    throw invalidInput('The secret has a single Base32 character; a setup key is longer.');
  }
  const leftoverBits = (compact.length * 5) % 8;
  // 1, 3 or 6 characters of a final group cannot come from whole bytes: one more
  // zero character makes them decodable, and the byte it adds is cut off.
  const oddLength = leftoverBits >= 5;
  const padded = oddLength ? `${compact}A` : compact;
  const lastBits = (padded.length * 5) % 8;
  const last = BASE32_ALPHABET.indexOf(padded.charAt(padded.length - 1));
  const cleared = BASE32_ALPHABET.charAt(last & ~((1 << lastBits) - 1));
  const bytes = base32nopad.decode(padded.slice(0, -1) + cleared).subarray(0, wholeBytes);
  return { bytes, characters: compact.length, leftoverBits, oddLength };
}

/** The key's bytes; see `readBase32Secret`. */
export function decodeBase32Secret(input: string): Uint8Array {
  return readBase32Secret(input).bytes;
}

/** Base32 of raw bytes (upper case, no padding): how a key that came as bytes is kept. */
export function encodeBase32Secret(bytes: Uint8Array): string {
  return base32nopad.encode(bytes);
}

/**
 * The key as given, checked: surrounding space trimmed, nothing else changed.
 * This is what a seed keeps and shows.
 */
export function givenBase32Secret(input: string): string {
  const given = input.trim();
  readBase32Secret(given);
  return given;
}

/**
 * What a person should know about a key that works: shorter than RFC 4226's
 * 128 bits, or of a length no whole number of bytes gives (a character missing
 * or extra, usually). Sentences, for the add form, `sparekey add` and imports.
 */
export function base32SecretWarnings(input: string): string[] {
  const secret = readBase32Secret(input);
  const warnings: string[] = [];
  const bits = secret.bytes.length * 8;
  if (bits < MIN_RECOMMENDED_SECRET_BITS) {
    warnings.push(
      `This setup key is ${bits} bits long; RFC 4226 asks for at least ${MIN_RECOMMENDED_SECRET_BITS} (160 recommended). Check that you copied all of it — if the site gave only this, it still works.`,
    );
  }
  if (secret.oddLength) {
    warnings.push(
      `This setup key has ${secret.characters} characters, a length no whole number of bytes gives: its last ${secret.leftoverBits} bits are ignored, as other authenticator apps ignore them. Check that no character is missing or extra.`,
    );
  }
  return warnings;
}

/**
 * A key for reading or typing: as it was given when it has its own spaces or
 * dashes, otherwise in groups of four, the way authenticator apps show one.
 */
export function groupBase32(secret: string): string {
  if (/[\s-]/.test(secret)) return secret;
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
