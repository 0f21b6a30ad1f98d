import { z } from 'zod';
import {
  IMPORT_FORMATS,
  type ImportOutcome,
  type ImportPreview,
  type ExportOutcome,
} from '../import-export.js';
import { AccountIdSchema } from './account-methods.js';
import { method } from './define.js';

/** A file of up to 16 MiB, Base64 (an export or a screenshot is far smaller). */
export const MAX_IMPORT_FILE_BASE64 = Math.ceil((16 * 1024 * 1024) / 3) * 4;

const ImportFileSchema = z
  .object({
    /** Shown in messages; the format is detected from the content. */
    name: z.string().min(1).max(255),
    content: z.base64().max(MAX_IMPORT_FILE_BASE64),
    password: z.string().min(1).max(1024).optional(),
  })
  .strict();

/** An import preview: the plan (kept in main, under planId) as it may be shown, or which files need a password. */
export type ImportPreviewResult =
  | { needsPassword: true; files: string[] }
  | { needsPassword: false; planId: string; preview: ImportPreview };

export interface GoogleMigrationQrView {
  /** PNG data URLs, one QR code per batch of ten accounts, in order. */
  images: string[];
  exported: number;
  notExported: ExportOutcome['notExported'];
}

export const PlanIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not an import plan id.');

export const importMethods = {
  /** Reads files from other apps into a plan; nothing is written. Secrets stay in main. */
  previewImport: method(
    z
      .object({
        files: z.array(ImportFileSchema).min(1).max(20),
        format: z.enum(IMPORT_FORMATS).optional(),
      })
      .strict(),
  ).returns<ImportPreviewResult>(),
  /**
   * Adds the plan's entries (not the duplicates, nor those left out: indexes
   * into the preview's entries) in one transaction, or nothing.
   */
  commitImport: method(
    z
      .object({
        planId: PlanIdSchema,
        leaveOut: z.array(z.number().int().nonnegative()).max(100_000).optional(),
      })
      .strict(),
  ).returns<ImportOutcome>(),
  /** The authenticator codes in an image (pasted or dropped), as a plan to commit like an import. */
  decodeQrImage: method(
    z.object({ image: z.base64().max(MAX_IMPORT_FILE_BASE64) }).strict(),
  ).returns<ImportPreviewResult>(),
  /** Google Authenticator transfer QR codes for accounts, to scan from the screen: an explicit export. */
  googleMigrationQr: method(
    z.object({ ids: z.array(AccountIdSchema).min(1).max(500) }).strict(),
  ).returns<GoogleMigrationQrView>(),
};
