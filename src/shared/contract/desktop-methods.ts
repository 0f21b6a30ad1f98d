import { z } from 'zod';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';

export const CODE_STEPS = ['current', 'previous', 'next'] as const;
export type CodeStep = (typeof CODE_STEPS)[number];

export interface CopyResult {
  /** Seconds until the clipboard is cleared (if it still holds what was copied); 0: never. */
  clearsAfterSeconds: number;
}

/** What only the desktop shell does: the clipboard, and the input activity auto-lock counts. */
export const desktopMethods = {
  /**
   * Copies an account's code in main (the renderer never writes the clipboard).
   * TOTP/Steam: the code for the current, previous or next step; HOTP: the code
   * generated last (generate one with nextHotpCode first).
   */
  copyCode: method(
    z.object({ id: AccountIdSchema, step: z.enum(CODE_STEPS).optional() }).strict(),
  ).returns<CopyResult>(),
  /** The user is at the keyboard or mouse: auto-lock counts idle time from now. */
  reportActivity: method(noInput).returns<null>(),
};
