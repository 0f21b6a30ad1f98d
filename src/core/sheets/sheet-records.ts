import { z } from 'zod';
import { SHEET_PAPERS } from '../../shared/sheets.js';

/** One record per account (id = parent = account id): its last printed recovery sheet. */
export const SHEET_PRINT_KIND = 'sheet-print';

export const SheetPrintRecordSchema = z.object({
  printedAt: z.number(),
  paper: z.enum(SHEET_PAPERS),
  includeUsed: z.boolean(),
  /** Whether the sheet carried a seed (so removing the seed later makes it out of date). */
  seedPrinted: z.boolean(),
  /** The contacts it listed, as they were (so a changed or retired one makes it out of date). */
  contacts: z.array(z.object({ id: z.string(), value: z.string(), retired: z.boolean() })),
});
export type SheetPrintRecord = z.infer<typeof SheetPrintRecordSchema>;
