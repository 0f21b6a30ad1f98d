import { z } from 'zod';
import { MIN_EXPORT_PASSWORD_LENGTH } from '../import-export.js';
import { AccountIdSchema } from './account-methods.js';
import { method } from './define.js';

/** The export formats the app saves to one file (Google transfer QR codes are shown on screen). */
export const FILE_EXPORT_FORMATS = ['otpauth', 'aegis', 'aegis-encrypted'] as const;
export type FileExportFormat = (typeof FILE_EXPORT_FORMATS)[number];

export const ExportToFileSchema = z
  .object({
    format: z.enum(FILE_EXPORT_FORMATS),
    /** These accounts; every account when absent. */
    accountIds: z.array(AccountIdSchema).min(1).max(10_000).optional(),
    /** For aegis-encrypted only. */
    password: z.string().max(1024).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.format !== 'aegis-encrypted') {
      if (input.password !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['password'],
          message: 'Only an encrypted Aegis export takes a password.',
          params: { problem: 'unexpected' },
        });
      }
      return;
    }
    if (input.password === undefined || [...input.password].length < MIN_EXPORT_PASSWORD_LENGTH) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: `The export password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long.`,
        params: { problem: 'too-short', limit: MIN_EXPORT_PASSWORD_LENGTH },
      });
    }
  });

export interface ExportToFileResult {
  /** False when the user cancelled the save dialog: nothing was written. */
  saved: boolean;
  /** The saved file's name (not its folder); null when nothing was saved. */
  fileName: string | null;
  exported: number;
  /** Accounts left out (no seed), and why. */
  notExported: { issuer: string; accountName: string; reason: string }[];
}

/**
 * Exports seeds to a file the user picks in the OS save dialog (in main; the
 * renderer never names a path), written with mode 0600. Desktop app only.
 */
export const fileMethods = {
  exportToFile: method(ExportToFileSchema).returns<ExportToFileResult>(),
};
