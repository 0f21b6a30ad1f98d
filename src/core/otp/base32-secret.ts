import { base32nopad } from '@scure/base';
import { invalidInput } from '../../shared/errors.js';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Reads a Base32 secret the way people and sites write it: any case, with spaces
 * or dashes between groups, with or without `=` padding. Returns the raw bytes.
 * Leftover bits that do not fill a byte are ignored, as authenticator apps do.
 */
export function decodeBase32Secret(input: string): Uint8Array {
  const compact = input.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
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
  const leftoverBits = (compact.length * 5) % 8;
  if (leftoverBits >= 5) {
    // 1, 3 or 6 characters of a final group cannot come from whole bytes.
    throw invalidInput(
      `The secret has ${compact.length} Base32 characters, a length no secret can have.`,
    );
  }
  const last = BASE32_ALPHABET.indexOf(compact.charAt(compact.length - 1));
  const cleared = BASE32_ALPHABET.charAt(last & ~((1 << leftoverBits) - 1));
  return base32nopad.decode(compact.slice(0, -1) + cleared);
}

/** The canonical form Sparekey stores: upper case, no spaces, no padding. */
export function encodeBase32Secret(bytes: Uint8Array): string {
  return base32nopad.encode(bytes);
}

export function canonicalBase32Secret(input: string): string {
  return encodeBase32Secret(decodeBase32Secret(input));
}

/** Base32 in groups of four, the way authenticator apps show a secret for typing. */
export function groupBase32(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
