import { z } from 'zod';
import { DAY_MS, MINUTE_MS } from '../../shared/durations.js';

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
      .max(DAY_MS / MINUTE_MS)
      .default(5),
    /** A copied code or secret is cleared from the clipboard after this many seconds (0: never). */
    clipboardClearSeconds: z.number().int().min(0).max(600).default(20),
    /** A contact not confirmed for longer than this is flagged as stale. */
    staleContactDays: z.number().int().min(1).max(3650).default(180),
    /** A sign-in not tested for longer than this gets a reminder. */
    untestedSignInDays: z.number().int().min(1).max(3650).default(180),
    /** Opt-in: compare the system clock with a network time server (the only network access Sparekey makes). */
    clockCheckEnabled: z.boolean().default(false),
    clockCheckServer: z.string().min(1).max(253).default('pool.ntp.org'),
    /** A clock off by more than this many seconds is flagged (authenticator codes get rejected). */
    clockToleranceSeconds: z.number().int().min(1).max(3600).default(15),
    /**
     * Backup codes are "low" when the unused ones are at or below the larger of
     * this many and `lowCodesFraction` of the set (rounded up), and below the set's size.
     */
    lowCodesMinimum: z.number().int().min(0).max(100).default(3),
    lowCodesFraction: z.number().min(0).max(1).default(0.25),
    /** A password not changed for this many days is flagged by `password.old` (0: never). */
    passwordMaxAgeDays: z
      .number()
      .int()
      .min(0)
      .max(10 * 366)
      .default(0),
    /** The desktop window is hidden from screenshots and screen sharing (setContentProtection). */
    screenCaptureProtection: z.boolean().default(false),
    /** The desktop app backs the vault up by itself (after changes, and daily) into `backups` beside it. */
    autoBackup: z.boolean().default(true),
    /** Backup rotation: the newest this many backups are kept… */
    backupKeepLast: z.number().int().min(1).max(1000).default(10),
    /** …plus the newest of each of this many days. */
    backupKeepDays: z.number().int().min(0).max(3650).default(30),
    /** `backup.stale` turns from info to warning when a change has been in no backup for this long. */
    backupStaleHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366)
      .default(24),
  })
  .loose();

export type VaultSettings = z.infer<typeof VaultSettingsSchema>;
export type VaultSettingsPatch = Partial<VaultSettings>;
