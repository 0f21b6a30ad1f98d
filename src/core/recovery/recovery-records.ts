import { z } from 'zod';
import { METHOD_KINDS } from '../../shared/recovery.js';

/** One record per account (id = parent = account id): its 2FA methods and recovery facts. */
export const RECOVERY_KIND = 'recovery';

export const MethodSchema = z.object({
  id: z.string(),
  kind: z.enum(METHOD_KINDS),
  contactId: z.string().nullable(),
  device: z.string(),
  addedAt: z.number(),
  // Added after the first release: records written before it have no mark.
  notWorkingSince: z.number().nullable().default(null),
});

export const RecoveryRecordSchema = z.object({
  methods: z.array(MethodSchema),
  recoveryContactIds: z.array(z.string()),
  supportUrl: z.string(),
  recoveryNotes: z.string(),
  lastTestedAt: z.number().nullable(),
  changedAt: z.number().nullable(),
});
export type RecoveryRecord = z.infer<typeof RecoveryRecordSchema>;

export const EMPTY_RECOVERY: RecoveryRecord = {
  methods: [],
  recoveryContactIds: [],
  supportUrl: '',
  recoveryNotes: '',
  lastTestedAt: null,
  changedAt: null,
};
