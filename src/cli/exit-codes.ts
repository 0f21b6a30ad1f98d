import type { ErrorCode } from '../shared/errors.js';

/** 0 done; 1 bad input, not found, ambiguous or refused; 2 wrong password; 3 damaged, not a vault, or newer format. */
export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_WRONG_PASSWORD = 2;
export const EXIT_VAULT_UNUSABLE = 3;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSWORD':
      return EXIT_WRONG_PASSWORD;
    case 'VAULT_DAMAGED':
    case 'NOT_A_VAULT':
    case 'NEWER_FORMAT':
      return EXIT_VAULT_UNUSABLE;
    default:
      return EXIT_REFUSED;
  }
}
