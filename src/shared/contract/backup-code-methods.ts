import { z } from 'zod';
import type {
  AddCodeSetResult,
  CodeBlockPreview,
  CodeHistory,
  CodeSetView,
  CodesStatus,
  CodeUseResult,
  RevealedCodeSet,
} from '../backup-codes.js';
import {
  MAX_CODE_BLOCK_LENGTH,
  MAX_CODE_NOTE_LENGTH,
  MAX_CODE_SET_LABEL_LENGTH,
  MAX_CODE_TEXT_LENGTH,
  MAX_CODES_PER_SET,
} from '../input-limits.js';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';

export const SetIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not a code set id.');
/** A pasted page of codes; bounded so a pasted novel is refused before it is parsed. */
const BlockSchema = z.string().min(1, 'Paste the codes.').max(MAX_CODE_BLOCK_LENGTH);
const NoteSchema = z.string().max(MAX_CODE_NOTE_LENGTH);
const CodeTextSchema = z.string().min(1).max(MAX_CODE_TEXT_LENGTH);
export const CodeNumberSchema = z.number().int().min(1).max(MAX_CODES_PER_SET);

export const AddBackupCodesSchema = z
  .object({
    accountId: AccountIdSchema,
    /** The block as the site shows it; or `codes`, e.g. as confirmed after a preview. */
    text: BlockSchema.optional(),
    codes: z.array(CodeTextSchema).min(1).max(MAX_CODES_PER_SET).optional(),
    /** When the site issued the codes (epoch ms); default now. */
    issuedAt: z.number().int().optional(),
    label: z.string().max(MAX_CODE_SET_LABEL_LENGTH).optional(),
    /** Required when the account has current codes: did the site replace them? */
    replace: z.boolean().optional(),
    /** Save what `text` holds although the preview had doubts (the person checked it). */
    acceptDoubts: z.boolean().optional(),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.codes === undefined), {
    message: 'Give either text or codes.',
  });

export interface CodeSetsView {
  status: CodesStatus;
  /** Current sets first, newest first; no code text. */
  sets: CodeSetView[];
}

/**
 * Backup codes. A use that is refused answers with a REFUSED error whose
 * `details.reason` is `already-used` (with `usedAt`, `note`), `replaced` (with
 * `replacedAt`) or `no-match` (with `suggestions`: set, number, distance,
 * usedAt of the nearest codes); the message says it in words. Adding when the
 * account already has current codes without saying `replace` is REFUSED with
 * `reason: 'has-current-codes'`; a doubtful block without `acceptDoubts`, with
 * `reason: 'unsure'` and the `doubts`.
 */
export const backupCodeMethods = {
  /** What a pasted block holds (codes, duplicates, left-out text, doubts); writes nothing. */
  previewBackupCodes: method(
    z.object({ text: BlockSchema, accountId: AccountIdSchema.optional() }).strict(),
  ).returns<CodeBlockPreview>(),
  addBackupCodes: method(AddBackupCodesSchema).returns<AddCodeSetResult>(),
  /** Sets with per-code state and dates, without the codes' text. */
  listBackupCodeSets: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<CodeSetsView>(),
  /** A set with its codes' text; recorded in the account's history. */
  revealBackupCodes: method(
    z.object({ accountId: AccountIdSchema, setId: SetIdSchema }).strict(),
  ).returns<RevealedCodeSet>(),
  /** Marks a picked code used. */
  useBackupCode: method(
    z
      .object({
        accountId: AccountIdSchema,
        setId: SetIdSchema,
        number: CodeNumberSchema,
        note: NoteSchema.optional(),
      })
      .strict(),
  ).returns<CodeUseResult>(),
  /** "I just used this one": finds the typed code in the current set and marks it used. */
  useTypedBackupCode: method(
    z
      .object({
        accountId: AccountIdSchema,
        code: CodeTextSchema,
        note: NoteSchema.optional(),
      })
      .strict(),
  ).returns<CodeUseResult>(),
  /** Takes back the last mark (the returned code is unused again; `usedAt` is when it had been marked). */
  undoBackupCodeUse: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<CodeUseResult>(),
  getBackupCodeHistory: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<CodeHistory>(),
  getCodesStatus: method(z.object({ accountId: AccountIdSchema }).strict()).returns<CodesStatus>(),
  /** Every account that has or had codes. */
  listCodesStatus: method(noInput).returns<CodesStatus[]>(),
};
