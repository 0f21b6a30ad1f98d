import { expect } from 'vitest';
import { VaultError } from '../../src/shared/errors.js';

/** The VaultError that `fn` throws (the test fails if it throws nothing, or something else). */
export function vaultErrorOf(fn: () => unknown): VaultError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

/** The VaultError that `promise` rejects with (the test fails if it resolves, or rejects with something else). */
export async function vaultRejectionOf(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}
