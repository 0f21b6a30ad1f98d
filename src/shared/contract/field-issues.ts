import type { z } from 'zod';
import type { FieldIssue, FieldProblem } from './define.js';

type ZodIssue = z.core.$ZodIssue;

/** The value at `path` in what the renderer sent (to tell a missing field from a wrong one). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function asLimit(bound: number | bigint): number {
  return typeof bound === 'bigint' ? Number(bound) : bound;
}

/** One zod issue as the fields and problems it names (a union's best branch may name several). */
function fromIssue(issue: ZodIssue, input: unknown, prefix: readonly PropertyKey[]): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  const field = path.length > 0 ? path.map(String).join('.') : 'input';
  const one = (problem: FieldProblem, limit?: number): FieldIssue[] => [
    limit === undefined ? { field, problem } : { field, problem, limit },
  ];
  switch (issue.code) {
    case 'too_small': {
      const limit = asLimit(issue.minimum);
      if (issue.origin === 'string') return limit <= 1 ? one('required') : one('too-short', limit);
      if (issue.origin === 'array' || issue.origin === 'set') return one('too-few', limit);
      return one('too-small', limit);
    }
    case 'too_big': {
      const limit = asLimit(issue.maximum);
      if (issue.origin === 'string') return one('too-long', limit);
      if (issue.origin === 'array' || issue.origin === 'set') return one('too-many', limit);
      return one('too-large', limit);
    }
    case 'invalid_type':
      if (valueAt(input, path) === undefined) return one('required');
      // A number typed where a whole one is needed, or not a number at all (NaN from an empty field).
      if (issue.expected === 'int') return one('whole-number');
      if (issue.expected === 'number' && typeof valueAt(input, path) === 'number')
        return one('format');
      return one('unexpected');
    case 'custom': {
      // A refinement may say which problem it found (`params: { problem, limit }`).
      const params = issue.params as { problem?: unknown; limit?: unknown } | undefined;
      const problem =
        typeof params?.problem === 'string' && params.problem in PROBLEM_WORDS
          ? (params.problem as FieldProblem)
          : 'format';
      return one(problem, typeof params?.limit === 'number' ? params.limit : undefined);
    }
    case 'invalid_format':
    case 'not_multiple_of':
      return one('format');
    case 'invalid_value':
      return one('choice');
    case 'invalid_union': {
      // The branch the input came closest to (fewest faults that are not the user's, then fewest issues).
      const branches = issue.errors.map((errors) =>
        errors.flatMap((inner) => fromIssue(inner, input, path)),
      );
      const faults = (issues: FieldIssue[]) =>
        issues.filter((candidate) => candidate.problem === 'unexpected').length;
      const best = [...branches].sort((a, b) => faults(a) - faults(b) || a.length - b.length)[0];
      return best && best.length > 0 ? best : one('format');
    }
    case 'invalid_key':
    case 'invalid_element':
    case 'unrecognized_keys':
      return one('unexpected');
    default:
      return one('unexpected');
  }
}

/**
 * A refused input's problems by field path and kind, for the renderer to word.
 * No message of the schema's is kept, and no value is echoed (it may be a secret).
 */
export function fieldIssuesOfZod(error: z.ZodError, input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    for (const found of fromIssue(issue, input, [])) {
      const key = `${found.field}:${found.problem}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(found);
    }
  }
  return issues.slice(0, 10);
}

const PROBLEM_WORDS: Record<FieldProblem, (limit: number | undefined) => string> = {
  required: () => 'missing',
  'too-long': (limit) => `longer than ${limit} characters`,
  'too-short': (limit) => `shorter than ${limit} characters`,
  'too-many': (limit) => `more than ${limit} entries`,
  'too-few': (limit) => `fewer than ${limit} entries`,
  'too-large': (limit) => `above ${limit}`,
  'too-small': (limit) => `below ${limit}`,
  'whole-number': () => 'not a whole number',
  format: () => 'not in the form it takes',
  choice: () => 'not one of the choices',
  unexpected: () => 'not what this method takes',
};

/** "The input was refused: text is longer than 100000 characters." (for logs and tests; the app words issues itself). */
export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  const parts = issues
    .slice(0, 5)
    .map((issue) => `${issue.field} is ${PROBLEM_WORDS[issue.problem](issue.limit)}`);
  return `The input was refused: ${parts.join('; ')}.`;
}
