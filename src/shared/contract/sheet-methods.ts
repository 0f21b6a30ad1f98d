import { z } from 'zod';
import type { BackupResult, BackupStatus, ListedBackup, RestoreOutcome } from '../backups.js';
import {
  type RenderedSheet,
  SHEET_PAPERS,
  type SheetPrint,
  type SheetPrintResult,
  type SheetSaveResult,
} from '../sheets.js';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';
import { PasswordSchema } from './vault-methods.js';

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
  /**
   * Desktop only: renders the sheet in main, turns it into a PDF in a hidden
   * window, asks the user where to save it (the OS dialog), writes it there
   * (mode 0600, never half-written) and records it as printed. Cancelled:
   * nothing written, nothing recorded. The sheet never reaches the renderer.
   */
  saveSheetPdf: method(RenderSheetSchema).returns<SheetSaveResult>(),
  /** Desktop only: sends the sheet to the system print dialog; recorded as printed only if printed. */
  printSheet: method(RenderSheetSchema).returns<SheetPrintResult>(),
  /** Every account's last printed sheet (accounts never printed are left out). */
  listSheetPrints: method(noInput).returns<SheetPrint[]>(),
  /** When the account's sheet was last printed, or null. */
  getSheetPrint: method(
    z.object({ accountId: AccountIdSchema }).strict(),
  ).returns<SheetPrint | null>(),
  getBackupStatus: method(noInput).returns<BackupStatus>(),
  /** Backs up now into the backups folder (checked, then rotated). */
  backUpNow: method(noInput).returns<BackupResult>(),
  /** The backups in the backups folder, newest first, with the password each opens with. */
  listBackups: method(noInput).returns<ListedBackup[]>(),
  /**
   * Replaces the open vault with one of its backups (named as listBackups
   * names it), checked first with the backup's password. The replaced vault is
   * kept in the backups folder; the vault is then locked, and opens with the
   * backup's password (the one given). A wrong password changes nothing.
   */
  restoreBackup: method(
    z.object({ name: z.string().min(1).max(255), password: PasswordSchema }).strict(),
  ).returns<RestoreOutcome>(),
};
