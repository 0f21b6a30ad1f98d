import { z } from 'zod';
import {
  type GeneratedPassword,
  type LoginDetails,
  PASSPHRASE_WORDS_RANGE,
  PASSWORD_LENGTH_RANGE,
  type PasswordHistoryEntry,
  type PasswordStrength,
} from '../passwords.js';
import {
  MAX_LOGIN_URLS,
  MAX_PASSWORD_LENGTH,
  MAX_URL_LENGTH,
  MAX_USERNAME_LENGTH,
} from '../input-limits.js';
import { AccountIdSchema } from './account-methods.js';
import { method } from './define.js';

const AccountPasswordSchema = z.string().max(MAX_PASSWORD_LENGTH);

export const SetLoginSchema = z
  .object({
    id: AccountIdSchema,
    username: z.string().max(MAX_USERNAME_LENGTH).optional(),
    /** A new password; '' removes it (the old one goes to the history); absent leaves it. */
    password: AccountPasswordSchema.optional(),
    urls: z.array(z.string().max(MAX_URL_LENGTH)).max(MAX_LOGIN_URLS).optional(),
  })
  .strict();

export const GeneratorOptionsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('random'),
      length: z
        .number()
        .int()
        .min(PASSWORD_LENGTH_RANGE.min)
        .max(PASSWORD_LENGTH_RANGE.max)
        .optional(),
      lowercase: z.boolean().optional(),
      uppercase: z.boolean().optional(),
      digits: z.boolean().optional(),
      symbols: z.boolean().optional(),
      excludeAmbiguous: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('passphrase'),
      words: z
        .number()
        .int()
        .min(PASSPHRASE_WORDS_RANGE.min)
        .max(PASSPHRASE_WORDS_RANGE.max)
        .optional(),
      separator: z.string().min(1).max(3).optional(),
    })
    .strict(),
]);

const byAccount = z.object({ id: AccountIdSchema }).strict();

export const loginMethods = {
  /** Username, URLs and whether a password is stored (with its date, score and history size); no secret. */
  getLogin: method(byAccount).returns<LoginDetails | null>(),
  /** Sets what is given; a replaced password goes to the history. */
  setLogin: method(SetLoginSchema).returns<LoginDetails>(),
  /** The one way the current password crosses to the renderer: an explicit reveal or copy. */
  revealPassword: method(byAccount).returns<{ password: string }>(),
  /** The previous passwords, newest first, with their dates: an explicit reveal. */
  revealPasswordHistory: method(byAccount).returns<PasswordHistoryEntry[]>(),
  clearPasswordHistory: method(byAccount).returns<LoginDetails | null>(),
  /** A new random password or passphrase, with its entropy and strength; nothing is stored. */
  generatePassword: method(GeneratorOptionsSchema).returns<GeneratedPassword>(),
  /** zxcvbn's estimate with the guess-time explanation; with an account, its names count as guessable. */
  estimatePasswordStrength: method(
    z.object({ password: AccountPasswordSchema, accountId: AccountIdSchema.optional() }).strict(),
  ).returns<PasswordStrength>(),
};
