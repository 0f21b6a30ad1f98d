import type { SeedInputData } from '../../../shared/contract/account-methods.js';
import type { OtpAlgorithm, OtpType } from '../../../shared/domain.js';

/** What the seed fields hold while the user types. */
export interface SeedDraft {
  text: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
}

export const EMPTY_SEED: SeedDraft = {
  text: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

export function isOtpauth(text: string): boolean {
  return text.trim().toLowerCase().startsWith('otpauth://');
}

/**
 * The seed as the contract takes it: the otpauth:// link as pasted, or the
 * typed secret with its parameters (the core checks both). Empty: no seed.
 */
export function seedInputOf(draft: SeedDraft): SeedInputData | undefined {
  const text = draft.text.trim();
  if (text === '') return undefined;
  if (isOtpauth(text)) return { otpauth: text };
  if (draft.type === 'steam') return { secret: text, type: 'steam' };
  return {
    secret: text,
    type: draft.type,
    algorithm: draft.algorithm,
    digits: draft.digits,
    period: draft.period,
    ...(draft.type === 'hotp' ? { counter: draft.counter } : {}),
  };
}
