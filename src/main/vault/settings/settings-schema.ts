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
    /** The desktop window is hidden from screenshots and screen sharing (setContentProtection). */
    screenCaptureProtection: z.boolean().default(false),
  })
  .loose();

export type VaultSettings = z.infer<typeof VaultSettingsSchema>;
export type VaultSettingsPatch = Partial<VaultSettings>;
