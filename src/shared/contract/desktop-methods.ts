import { z } from 'zod';
import { AccountIdSchema } from './account-methods.js';
import { CodeNumberSchema, SetIdSchema } from './backup-code-methods.js';
import { method, noInput } from './define.js';

export const CODE_STEPS = ['current', 'previous', 'next'] as const;
export type CodeStep = (typeof CODE_STEPS)[number];

export interface CopyResult {
  /** Seconds until the clipboard is cleared (if it still holds what was copied); 0: never. */
  clearsAfterSeconds: number;
}

const byAccount = z.object({ id: AccountIdSchema }).strict();

/**
 * What only the desktop shell does: the clipboard, and the input activity
 * auto-lock counts. Every copy happens in main, through the clipboard guard
 * (cleared after the vault's timeout if unchanged, on lock and on quit): the
 * copied text never crosses to the renderer.
 */
export const desktopMethods = {
  /**
   * Copies an account's code in main (the renderer never writes the clipboard).
   * TOTP/Steam: the code for the current, previous or next step; HOTP: the code
   * generated last (generate one with nextHotpCode first).
   */
  copyCode: method(
    z.object({ id: AccountIdSchema, step: z.enum(CODE_STEPS).optional() }).strict(),
  ).returns<CopyResult>(),
  /** Copies one backup code (picked by set and number); recorded in the account's history. */
  copyBackupCode: method(
    z.object({ accountId: AccountIdSchema, setId: SetIdSchema, number: CodeNumberSchema }).strict(),
  ).returns<CopyResult>(),
  /** Copies the account's stored password. */
  copyPassword: method(byAccount).returns<CopyResult>(),
  /** Copies the account's setup key (its Base32 secret), e.g. to enrol it in a phone app. */
  copySecret: method(byAccount).returns<CopyResult>(),
  /** The user is at the keyboard or mouse: auto-lock counts idle time from now. */
  reportActivity: method(noInput).returns<null>(),
};
