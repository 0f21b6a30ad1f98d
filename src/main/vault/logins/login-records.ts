import { z } from 'zod';

/** The first factor of an account, in its own record (id = the account's id). */
export const LOGIN_KIND = 'login';

export const LoginRecordSchema = z.object({
  username: z.string(),
  password: z.string(),
  /** Extra sign-in addresses besides the account's URL. */
  urls: z.array(z.string()).default([]),
  /** When the password was last set (epoch ms), or null when there is none. */
  passwordChangedAt: z.number().nullable(),
  updatedAt: z.number(),
});
export type LoginRecord = z.infer<typeof LoginRecordSchema>;
