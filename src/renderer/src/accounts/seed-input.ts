import type { SeedInputData } from '../../../shared/contract/account-methods.js';
import type { OtpAlgorithm, OtpType } from '../../../shared/domain.js';

/** What the seed fields hold while the user types (numbers as typed, checked on save). */
export interface SeedDraft {
  text: string;
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  period: string;
  counter: string;
}

export const EMPTY_SEED: SeedDraft = {
  text: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: '30',
  counter: '0',
};

/** The longest period the form offers (the core accepts longer ones from links). */
export const MAX_FORM_PERIOD = 300;

export function isOtpauth(text: string): boolean {
  return text.trim().toLowerCase().startsWith('otpauth://');
}

const WHOLE = /^\s*\d+\s*$/;

/** The typed parameters' problems, by field (`seed.period`, `seed.counter`); empty when none. */
export function seedDraftProblems(draft: SeedDraft): Record<string, string> {
  const text = draft.text.trim();
  if (text === '' || isOtpauth(text) || draft.type === 'steam') return {};
  if (draft.type === 'totp') {
    const period = Number(draft.period);
    if (!WHOLE.test(draft.period) || period < 1 || period > MAX_FORM_PERIOD) {
      return {
        'seed.period': `The period is a whole number of seconds from 1 to ${MAX_FORM_PERIOD} (most sites use 30).`,
      };
    }
  }
  if (draft.type === 'hotp' && !WHOLE.test(draft.counter)) {
    return { 'seed.counter': 'The counter is a whole number, 0 or more (new keys start at 0).' };
  }
  return {};
}

/**
 * The seed as the contract takes it: the otpauth:// link as pasted, or the
 * typed secret with its parameters (the core checks both). Empty: no seed.
 * Check `seedDraftProblems` first.
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
    period: Number(draft.period),
    ...(draft.type === 'hotp' ? { counter: Number(draft.counter) } : {}),
  };
}

/** How the seed fields are named in a sentence (merge into a form's `fields`). */
export const SEED_FIELDS = {
  seed: {
    noun: 'the setup key or link',
    say: {
      required: 'Paste an otpauth:// link or type the setup key.',
      'too-long':
        'This is longer than any setup key or otpauth:// link: paste only the key or the link.',
      format: 'This is not a setup key or an otpauth:// link Sparekey can read.',
    },
  },
  'seed.period': { noun: 'the period' },
  'seed.counter': { noun: 'the counter' },
} as const;
