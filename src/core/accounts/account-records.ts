import { z } from 'zod';
import { OTP_ALGORITHMS, OTP_TYPES } from '../../shared/domain.js';

/** Record kinds owned by the accounts feature. */
export const ACCOUNT_KIND = 'account';
export const OTP_KIND = 'otp';

export const OtpSummarySchema = z.object({
  type: z.enum(OTP_TYPES),
  algorithm: z.enum(OTP_ALGORITHMS),
  digits: z.number().int(),
  period: z.number().int().positive(),
});

/** An account's own record: everything but the seed's secret. */
export const AccountRecordSchema = z.object({
  issuer: z.string(),
  accountName: z.string(),
  url: z.string(),
  notes: z.string(),
  tags: z.array(z.string()).default([]),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** What kind of seed the account has, so listing never decrypts a secret. */
  otp: OtpSummarySchema.nullable(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** The seed, in its own record (id = the account's id), decrypted only to compute, reveal or export. */
export const OtpRecordSchema = OtpSummarySchema.extend({
  secret: z.string().min(1),
  counter: z.number().int().nonnegative(),
  /** When the seed was last set (for "printed sheet is out of date" checks). */
  changedAt: z.number(),
});
export type OtpRecord = z.infer<typeof OtpRecordSchema>;
