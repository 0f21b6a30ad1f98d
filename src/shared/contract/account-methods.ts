import { z } from 'zod';
import { type AccountSummary, type CodeView, OTP_ALGORITHMS, OTP_TYPES } from '../domain.js';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_URL_LENGTH,
} from '../input-limits.js';
import type { HistoryEvent } from '../history.js';
import type { RemovedAccount } from '../removed-accounts.js';
import { method } from './define.js';

export const AccountIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not an account id.');

const name = z.string().max(MAX_NAME_LENGTH);
const notes = z.string().max(MAX_NOTES_LENGTH);
const url = z.string().max(MAX_URL_LENGTH);
const tags = z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS);

/** A seed as a person gives it: an otpauth:// URI, or a secret with its parameters. */
export const SeedInputSchema = z.union([
  z.object({ otpauth: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      secret: z.string().min(1).max(1024),
      type: z.enum(OTP_TYPES).optional(),
      algorithm: z.enum(OTP_ALGORITHMS).optional(),
      digits: z.number().int().optional(),
      period: z.number().int().optional(),
      counter: z.number().int().optional(),
    })
    .strict(),
]);
export type SeedInputData = z.infer<typeof SeedInputSchema>;

export const AddAccountSchema = z
  .object({
    issuer: name,
    accountName: name.optional(),
    url: url.optional(),
    notes: notes.optional(),
    tags: tags.optional(),
    seed: SeedInputSchema.optional(),
  })
  .strict();

export const UpdateAccountSchema = z
  .object({
    id: AccountIdSchema,
    issuer: name.optional(),
    accountName: name.optional(),
    url: url.optional(),
    notes: notes.optional(),
    tags: tags.optional(),
  })
  .strict();

export interface AccountQrView {
  /** The QR code of the account's otpauth:// link, as a PNG data URL (held in memory only). */
  image: string;
}

export interface RevealedSeedView {
  /** The setup key as it was given; in groups of four when it was given without spaces. */
  secret: string;
  otpauthUri: string;
}

/** What the person should know about a setup key that works (nothing is stored). */
export interface SeedCheck {
  /** Sentences: a key under RFC 4226's 128 bits, a length no whole number of bytes gives. */
  warnings: string[];
}

export const accountMethods = {
  /** The core's warnings about a setup key as it is being typed; a key that does not read has none. */
  checkSeed: method(z.object({ seed: SeedInputSchema }).strict()).returns<SeedCheck>(),
  listAccounts: method(z.object({}).strict()).returns<AccountSummary[]>(),
  addAccount: method(AddAccountSchema).returns<AccountSummary>(),
  updateAccount: method(UpdateAccountSchema).returns<AccountSummary>(),
  setSeed: method(
    z.object({ id: AccountIdSchema, seed: SeedInputSchema.nullable() }).strict(),
  ).returns<AccountSummary>(),
  /** Sets the account aside for 30 days (see the removed-account methods), then it is purged. */
  removeAccount: method(z.object({ id: AccountIdSchema }).strict()).returns<RemovedAccount>(),
  /** The removed accounts that can still be brought back, most recently removed first. */
  listRemovedAccounts: method(z.object({}).strict()).returns<RemovedAccount[]>(),
  /** Brings a removed account back with everything it had. */
  restoreAccount: method(z.object({ id: AccountIdSchema }).strict()).returns<AccountSummary>(),
  /** Deletes a removed account for good now. */
  purgeRemovedAccount: method(z.object({ id: AccountIdSchema }).strict()).returns<null>(),
  /** Codes for the rows on screen; the renderer asks once a second and never holds a seed. */
  getCodes: method(z.object({ ids: z.array(AccountIdSchema).max(500) }).strict()).returns<
    CodeView[]
  >(),
  nextHotpCode: method(z.object({ id: AccountIdSchema }).strict()).returns<CodeView>(),
  /** The one way a seed crosses to the renderer: an explicit reveal. */
  revealSeed: method(z.object({ id: AccountIdSchema }).strict()).returns<RevealedSeedView>(),
  /**
   * The account's otpauth:// link as a QR code image (a PNG data URL), to add
   * it to another authenticator by scanning the screen; an explicit reveal too.
   */
  accountQr: method(z.object({ id: AccountIdSchema }).strict()).returns<AccountQrView>(),
  /** Everything recorded about the account (codes used, shown, copied; sheets printed…), oldest first. */
  getAccountHistory: method(z.object({ accountId: AccountIdSchema }).strict()).returns<
    HistoryEvent[]
  >(),
};
