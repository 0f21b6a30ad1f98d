import { z } from 'zod';
import { method, noInput } from './define.js';

/**
 * The settings the desktop app shows. The core's settings schema
 * (src/main/vault/settings/settings-schema.ts) holds their ranges and defaults
 * and checks every change; the contract only checks the shape.
 */
export interface DesktopSettings {
  /** Lock after this many minutes without input (0: never). */
  autoLockMinutes: number;
  /** Clear a copied code or secret after this many seconds (0: never). */
  clipboardClearSeconds: number;
  /** Hide the window from screenshots and screen sharing where the OS allows it. */
  screenCaptureProtection: boolean;
}

export const UpdateSettingsSchema = z
  .object({
    autoLockMinutes: z.number().int().optional(),
    clipboardClearSeconds: z.number().int().optional(),
    screenCaptureProtection: z.boolean().optional(),
  })
  .strict();

export const settingsMethods = {
  getSettings: method(noInput).returns<DesktopSettings>(),
  /** Saves what is given in one transaction; the shell applies it at once (auto-lock, capture protection). */
  updateSettings: method(UpdateSettingsSchema).returns<DesktopSettings>(),
};
