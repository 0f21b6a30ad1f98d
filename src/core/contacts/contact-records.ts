import { z } from 'zod';
import { CONTACT_KINDS } from '../../shared/recovery.js';

export const CONTACT_KIND = 'contact';

export const ContactRecordSchema = z.object({
  kind: z.enum(CONTACT_KINDS),
  value: z.string().min(1),
  label: z.string(),
  confirmedAt: z.number().nullable(),
  retiredAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ContactRecord = z.infer<typeof ContactRecordSchema>;
