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

/**
 * A message a person sees is in Sparekey's words: none of the library's or the
 * system's own text (the cause's message, passed in), and no system error code.
 */
export function expectOwnWords(message: string, ...libraryTexts: unknown[]): void {
  for (const text of libraryTexts) {
    expect(typeof text === 'string' && text.length > 0, 'a library text to compare with').toBe(
      true,
    );
    expect(message).not.toContain(text as string);
  }
  expect(message).not.toMatch(/\bE[A-Z]{3,}\b|Error:|Invalid input|expected \w+, received/);
}

/** The message of an error's cause (the library's or the system's error that Sparekey kept). */
export function causeText(error: Error): string {
  expect(error.cause, 'the original error is kept as the cause').toBeInstanceOf(Error);
  return (error.cause as Error).message;
}
