import { z } from 'zod';
import { method, noInput } from './define.js';

export type VaultState = 'no-vault' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** The vault file the app is working with. */
  vaultPath: string;
}

/** Bounded so a pasted novel cannot stall the key derivation. */
export const PasswordSchema = z.string().min(1, 'Enter the password.').max(1024);

export const vaultMethods = {
  getStatus: method(noInput).returns<VaultStatus>(),
  createVault: method(z.object({ password: PasswordSchema }).strict()).returns<VaultStatus>(),
  unlockVault: method(z.object({ password: PasswordSchema }).strict()).returns<VaultStatus>(),
  lockVault: method(noInput).returns<VaultStatus>(),
};
