import { z } from 'zod';
import { method, noInput } from './define.js';

/**
 * The settings the desktop app shows. The core's settings schema
 * (src/core/settings/settings-schema.ts) holds their ranges and defaults
 * and checks every change; the contract only checks the shape.
 */
export interface DesktopSettings {
  /** Lock after this many minutes without input (0: never). */
  autoLockMinutes: number;
  /** Clear a copied code or secret after this many seconds (0: never). */
  clipboardClearSeconds: number;
  /** Hide the window from screenshots and screen sharing where the OS allows it. */
  screenCaptureProtection: boolean;
  /** Backup codes are low at or below the larger of this many and this fraction of the set. */
  lowCodesMinimum: number;
  lowCodesFraction: number;
  /** A contact not confirmed for longer than this many days is flagged. */
  staleContactDays: number;
  /** A sign-in not tested for longer than this many days gets a reminder. */
  untestedSignInDays: number;
  /** A password older than this many days is flagged (0: never). */
  passwordMaxAgeDays: number;
  /** Check the clock against the time server whenever the health view opens. */
  clockCheckEnabled: boolean;
  clockCheckServer: string;
  /** A clock off by more than this many seconds is flagged. */
  clockToleranceSeconds: number;
}

export const UpdateSettingsSchema = z
  .object({
    autoLockMinutes: z.number().int().optional(),
    clipboardClearSeconds: z.number().int().optional(),
    screenCaptureProtection: z.boolean().optional(),
    lowCodesMinimum: z.number().int().optional(),
    lowCodesFraction: z.number().optional(),
    staleContactDays: z.number().int().optional(),
    untestedSignInDays: z.number().int().optional(),
    passwordMaxAgeDays: z.number().int().optional(),
    clockCheckEnabled: z.boolean().optional(),
    clockCheckServer: z
      .string()
      .max(253)
      .regex(/^[A-Za-z0-9.:-]+$/, 'A host name or an IP address.')
      .optional(),
    clockToleranceSeconds: z.number().int().optional(),
  })
  .strict();

export const settingsMethods = {
  getSettings: method(noInput).returns<DesktopSettings>(),
  /** Saves what is given in one transaction; the shell applies it at once (auto-lock, capture protection). */
  updateSettings: method(UpdateSettingsSchema).returns<DesktopSettings>(),
};
