import {
  contract,
  type Envelope,
  type Handlers,
  isMethodName,
} from '../../shared/contract/index.js';
import { isVaultError } from '../../shared/errors.js';
import { describeFieldIssues, fieldIssuesOfZod } from '../../shared/contract/field-issues.js';

/** Where rejected calls and failures are reported. Receives method names and error codes, never inputs. */
export interface CallLog {
  warn(message: string): void;
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
    // The fields and problems as data (the renderer words them at each field); no schema text.
    const issues = fieldIssuesOfZod(parsed.error, input ?? {});
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: describeFieldIssues(issues), details: { issues } },
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
