import { z } from 'zod';

/**
 * Per-vault settings, one field per feature, each with its default. Settings a
 * newer Sparekey wrote are kept as they are (`loose`), never dropped on save.
 */
export const VaultSettingsSchema = z
  .object({
    /** The desktop app locks after this many minutes without input (0: never). */
    autoLockMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(5),
    /** A copied code or secret is cleared from the clipboard after this many seconds (0: never). */
    clipboardClearSeconds: z.number().int().min(0).max(600).default(20),
    /**
     * Backup codes are "low" when the unused ones are at or below the larger of
     * this many and `lowCodesFraction` of the set (rounded up), and below the set's size.
     */
    lowCodesMinimum: z.number().int().min(0).max(100).default(3),
    lowCodesFraction: z.number().min(0).max(1).default(0.25),
  })
  .loose();

export type VaultSettings = z.infer<typeof VaultSettingsSchema>;
export type VaultSettingsPatch = Partial<VaultSettings>;
