import type { z } from 'zod';
import {
  contract,
  type Envelope,
  type Handlers,
  isMethodName,
} from '../../shared/contract/index.js';
import { isVaultError } from '../../shared/errors.js';

/** Where rejected calls and failures are reported. Receives method names and error codes, never inputs. */
export interface CallLog {
  warn(message: string): void;
}

/** Describes what is wrong with an input by field path and rule, never echoing the value (it may be a secret). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message.replace(/\.$/, '')}`,
    )
    .join('; ');
}

/**
 * Validates a call against the contract and runs its handler. Every outcome is
 * an envelope: the value, or a typed error with a message a person can read.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: CallLog,
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    log.warn(`Rejected a call to an unknown method.`);
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown method.' } };
  }
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    log.warn(`Rejected ${name}: its input does not match the contract.`);
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Invalid input: ${describeIssues(parsed.error)}.` },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isVaultError(error)) return { ok: false, error: error.toInfo() };
    log.warn(
      `${name} failed unexpectedly: ${error instanceof Error ? error.name : 'unknown error'}.`,
    );
    return {
      ok: false,
      error: {
        code: 'REFUSED',
        message: 'Something went wrong inside Sparekey; nothing was changed.',
      },
    };
  }
}
