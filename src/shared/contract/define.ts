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

/**
 * What is wrong with one field of a refused input, as data: the renderer words
 * it for the form the field is on. Never a schema's or a library's message.
 */
export type FieldProblem =
  /** Nothing was given (an empty text, a missing value). */
  | 'required'
  /** A text longer than `limit` characters. */
  | 'too-long'
  /** A text shorter than `limit` characters. */
  | 'too-short'
  /** A list with more than `limit` entries. */
  | 'too-many'
  /** A list with fewer than `limit` entries. */
  | 'too-few'
  /** A number above `limit`. */
  | 'too-large'
  /** A number below `limit`. */
  | 'too-small'
  /** A whole number was expected. */
  | 'whole-number'
  /** Not in the form the field takes (an id, a date, a link…). */
  | 'format'
  /** Not one of the values offered. */
  | 'choice'
  /** Something the renderer never sends (a wrong type, an unknown field): a fault, not the user's. */
  | 'unexpected';

export interface FieldIssue {
  /** The field's path in the method's input, dotted: `value`, `seed.otpauth`, `files.0.content`. */
  field: string;
  problem: FieldProblem;
  /** The bound of a too-long/too-short/too-many/too-few/too-large/too-small problem. */
  limit?: number;
}

/** The `details` of an INVALID_INPUT refusal by the contract's schema. */
export interface FieldIssueDetails {
  issues: FieldIssue[];
}

export function fieldIssuesOf(details: Record<string, unknown> | undefined): FieldIssue[] {
  const issues = details?.issues;
  return Array.isArray(issues)
    ? issues.filter(
        (issue): issue is FieldIssue =>
          typeof issue === 'object' &&
          issue !== null &&
          typeof (issue as FieldIssue).field === 'string' &&
          typeof (issue as FieldIssue).problem === 'string',
      )
    : [];
}

/**
 * The field a core refusal concerns, when it says (`details.field`, a path in
 * the method's input as above); the renderer shows the refusal at that field.
 */
export function refusedFieldOf(details: Record<string, unknown> | undefined): string | null {
  return typeof details?.field === 'string' ? details.field : null;
}
