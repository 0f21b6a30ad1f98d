import type { FieldIssue, FieldProblem } from '../../../shared/contract/define.js';

/**
 * How a form names one of its fields in a sentence, and (when the general
 * wording would be vague) what it says for a problem: "Type the phone number,
 * with its country code." The renderer words every refused field itself; no
 * schema's or library's message is ever shown.
 */
export interface FieldText {
  /** The field inside a sentence: "the phone number". */
  noun: string;
  /** The noun is plural ("the notes are too long"). */
  plural?: boolean;
  /** Sentences for particular problems, in place of the general ones. */
  say?: Partial<Record<FieldProblem, string>>;
}

export type FormFields = Readonly<Record<string, FieldText>>;

const number = new Intl.NumberFormat();

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A refused field's problem in words, for the form the field is on. */
export function wordIssue(issue: Pick<FieldIssue, 'problem' | 'limit'>, text: FieldText): string {
  const own = text.say?.[issue.problem];
  if (own !== undefined) return own;
  const noun = text.noun;
  const Noun = capitalized(noun);
  const is = text.plural ? 'are' : 'is';
  const has = text.plural ? 'have' : 'has';
  const needs = text.plural ? 'need' : 'needs';
  const limit = issue.limit === undefined ? '' : number.format(issue.limit);
  switch (issue.problem) {
    case 'required':
      return `${Noun} ${is} needed.`;
    case 'too-long':
      return `${Noun} ${is} too long: at most ${limit} characters.`;
    case 'too-short':
      return `${Noun} ${is} too short: at least ${limit} characters.`;
    case 'too-many':
      return `${Noun} ${has} too many entries: at most ${limit}.`;
    case 'too-few':
      return `${Noun} ${needs} at least ${limit}.`;
    case 'too-large':
      return `${Noun} can be at most ${limit}.`;
    case 'too-small':
      return `${Noun} must be at least ${limit}.`;
    case 'whole-number':
      return `${Noun} must be a whole number.`;
    case 'format':
      return `${Noun} ${is} not in a form Sparekey can use.`;
    case 'choice':
      return `Choose ${noun} from the list.`;
    case 'unexpected':
      return `Sparekey could not read ${noun}; nothing was changed.`;
  }
}

/** A refusal about something no field of the form holds: said without naming it. */
export const NOT_A_FIELD_OF_THE_FORM =
  'Sparekey could not use what was sent; nothing was changed. Check the form and try again.';

/**
 * The form field an issue belongs to: the field itself or the nearest field
 * that holds it (`seed.otpauth` belongs to `seed`, `tags.3` to `tags`); a
 * form names the fields of every entry of a list with `*` (`files.*.password`).
 */
export function fieldFor(path: string, fields: FormFields): string | null {
  let candidate = path;
  for (;;) {
    if (Object.hasOwn(fields, candidate)) return candidate;
    const anyEntry = candidate.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
    if (Object.hasOwn(fields, anyEntry)) return anyEntry;
    const cut = candidate.lastIndexOf('.');
    if (cut < 0) return null;
    candidate = candidate.slice(0, cut);
  }
}
