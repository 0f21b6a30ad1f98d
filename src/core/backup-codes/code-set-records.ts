import { z } from 'zod';

/** One encrypted record per set of codes; parent = the account, so removing it removes its codes. */
export const CODE_SET_KIND = 'codeset';

export const StoredCodeSchema = z.object({
  /** Exactly as the site issued it. */
  code: z.string().min(1),
  /** Lower case, no spaces or dashes: what matching compares. */
  normalized: z.string().min(1),
  usedAt: z.number().nullable(),
  note: z.string(),
});
export type StoredCode = z.infer<typeof StoredCodeSchema>;

export const CodeSetRecordSchema = z.object({
  label: z.string(),
  state: z.enum(['current', 'replaced']),
  issuedAt: z.number(),
  addedAt: z.number(),
  replacedAt: z.number().nullable(),
  /** The last add, replace, use or undo on this set. */
  changedAt: z.number(),
  codes: z.array(StoredCodeSchema).min(1),
  /** Positions (1-based) in the order they were marked used; undo takes back the last. */
  marks: z.array(z.number().int().positive()),
});
export type CodeSetRecord = z.infer<typeof CodeSetRecordSchema>;
