/**
 * Typed errors shared by the core, the CLI, the IPC layer and the UI.
 * Every failure a person can meet has a code and a plain-language message;
 * nobody is ever shown a stack trace.
 */
export const ERROR_CODES = [
  'WRONG_PASSWORD',
  'NOT_A_VAULT',
  'VAULT_DAMAGED',
  'NEWER_FORMAT',
  'VAULT_EXISTS',
  'LOCKED',
  'BUSY',
  'NOT_FOUND',
  'AMBIGUOUS',
  'INVALID_INPUT',
  'REFUSED',
  'IO_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Plain data form of an error, as it crosses IPC or is printed as JSON. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Extra machine-readable facts (e.g. the candidates of an ambiguous match). Never secrets. */
  details?: Record<string, unknown>;
}

export class VaultError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  /**
   * `options.cause`: the library's or system's own error, kept for logs and
   * debugging; it never crosses IPC and is never part of the message.
   */
  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function invalidInput(
  message: string,
  details?: Record<string, unknown>,
  options?: { cause?: unknown },
): VaultError {
  return new VaultError('INVALID_INPUT', message, details, options);
}
