import { z } from 'zod';
import type { ErrorInfo } from '../errors.js';

/**
 * One API method: the schema its input must pass (checked in main before the
 * core sees it) and, as a type only, what it returns.
 */
export interface MethodDefinition<Input extends z.ZodType, Result> {
  input: Input;
  /** Phantom: carries the result type; never set at run time. */
  result?: Result;
}

/** `method(schema).returns<Result>()` */
export function method<Input extends z.ZodType>(input: Input) {
  return { returns: <Result>(): MethodDefinition<Input, Result> => ({ input }) };
}

/** The input of a method that takes none. */
export const noInput = z.object({}).strict();

/** What crosses the bridge: a value, or a typed error. Errors never carry stack traces. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
