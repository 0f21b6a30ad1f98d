import { z } from 'zod';

/** The first factor of an account, in its own record (id = the account's id). */
export const LOGIN_KIND = 'login';
/** The account's previous passwords, in their own record (id = parent = the account's id). */
export const PASSWORD_HISTORY_KIND = 'password-history';

/** At most this many previous passwords are kept per account; the oldest go first. */
export const MAX_PASSWORD_HISTORY = 20;

/** The stored password's strength, so a health check need not estimate every password again. */
export const StoredStrengthSchema = z.object({
  /** Which estimator gave it (STRENGTH_MODEL); another one means: estimate again. */
  model: z.string(),
  score: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  guessesLog10: z.number(),
});
export type StoredStrength = z.infer<typeof StoredStrengthSchema>;

export const LoginRecordSchema = z.object({
  username: z.string(),
  password: z.string(),
  /** Extra sign-in addresses besides the account's URL. */
  urls: z.array(z.string()).default([]),
  /** When the password was last set (epoch ms), or null when there is none. */
  passwordChangedAt: z.number().nullable(),
  updatedAt: z.number(),
  /** The password's strength when it was set; null when there is none, or for older records. */
  strength: StoredStrengthSchema.nullable().default(null),
});
export type LoginRecord = z.infer<typeof LoginRecordSchema>;

export const PasswordHistoryRecordSchema = z.object({
  /** Newest first. */
  entries: z.array(
    z.object({
      password: z.string().min(1),
      setAt: z.number().nullable(),
      replacedAt: z.number(),
    }),
  ),
});
export type PasswordHistoryRecord = z.infer<typeof PasswordHistoryRecordSchema>;
