import { z } from 'zod';
import type { BackupFileInfo, BackupResult, BackupStatus } from '../backups.js';
import { type RenderedSheet, SHEET_PAPERS, type SheetPrint } from '../sheets.js';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';

const AccountIdsSchema = z.array(AccountIdSchema).min(1).max(1000);
const paper = z.enum(SHEET_PAPERS).default('a4');
const includeUsed = z.boolean().default(false);

export const RenderSheetSchema = z
  .object({
    /** These accounts, in this order… */
    accountIds: AccountIdsSchema.optional(),
    /** …or every account: the emergency kit. */
    all: z.literal(true).optional(),
    paper,
    /** List used codes (struck through, dated) below the unused ones. */
    includeUsed,
  })
  .strict()
  .refine((input) => (input.accountIds === undefined) !== (input.all === undefined), {
    message: 'Give either accountIds or all.',
  });

/**
 * Recovery sheets and backups. A rendered sheet holds the accounts' backup codes
 * and seeds: the shell prints it (or writes its PDF where the user chose, mode
 * 0600) from a hidden, sandboxed window, then calls markSheetPrinted with the
 * sheet's `printedAt`.
 */
export const sheetMethods = {
  renderSheet: method(RenderSheetSchema).returns<RenderedSheet>(),
  markSheetPrinted: method(
    z
      .object({
        accountIds: AccountIdsSchema,
        /** The sheet's `printedAt` (the date on the paper); default now. */
        printedAt: z.number().int().optional(),
        paper,
        includeUsed,
      })
      .strict(),
  ).returns<SheetPrint[]>(),
  /** When the account's sheet was last printed, or null. */
  getSheetPrint: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<SheetPrint | null>(),
  getBackupStatus: method(noInput).returns<BackupStatus>(),
  /** Backs up now into the backups folder (checked, then rotated). */
  backUpNow: method(noInput).returns<BackupResult>(),
  /** The backups in the backups folder, newest first. */
  listBackups: method(noInput).returns<BackupFileInfo[]>(),
};
