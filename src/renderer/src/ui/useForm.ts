import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fieldIssuesOf, refusedFieldOf } from '../../../shared/contract/define.js';
import { ApiError } from '../api.js';
import { fieldFor, type FormFields, NOT_A_FIELD_OF_THE_FORM, wordIssue } from './field-words.js';

export interface FormOptions {
  /** The form's fields, by their name in the method's input, and how sentences name them. */
  fields: FormFields;
  /**
   * Where a refusal of the core that names no field goes (a phone number the
   * core cannot read goes to the phone number): a field, or null for the form as a whole.
   */
  coreField?: string | null;
}

/** What a field needs from the form: its id, whether it is marked, what describes it. */
export interface FieldState {
  id: string;
  errorId: string;
  error: string | null;
}

export interface Form {
  busy: boolean;
  /** The refusals, by field. */
  errors: Readonly<Record<string, string>>;
  /** A refusal about the form as a whole (shown at its top). */
  formError: string | null;
  /**
   * Runs the form's call (one transaction in main); every earlier outcome is
   * cleared first. `coreField` places this call's refusals (default: the form's).
   */
  run: <T>(action: () => Promise<T>, options?: RunOptions) => Promise<T | undefined>;
  /** The last refusal as it came (for a form that looks into its details). */
  lastRefusal: unknown;
  /** Shows the form's own checks (made before calling): field → sentence; null for the form. */
  refuse: (errors: Readonly<Record<string, string>>, formError?: string | null) => void;
  /** Forgets a field's refusal (its value changed) or, with no field, every refusal. */
  clear: (field?: string) => void;
  field: (name: string) => FieldState;
  /** The id of the form's summary (the top of the form). */
  summaryId: string;
}

export interface RunOptions {
  coreField?: string | null;
}

interface Refusals {
  errors: Record<string, string>;
  formError: string | null;
  raw?: unknown;
}

const NONE: Refusals = { errors: {}, formError: null };

/**
 * The refusals about what was typed (shown at the form's `coreField`); the
 * others (locked, busy, damaged, gone meanwhile) concern the form as a whole.
 */
const FIELD_CODES: ReadonlySet<string> = new Set(['INVALID_INPUT', 'WRONG_PASSWORD', 'REFUSED']);

/** A refusal of a call, placed at the fields it concerns (or on the form when it concerns none of them). */
export function placeRefusal(error: unknown, options: FormOptions): Refusals {
  if (!(error instanceof ApiError)) {
    return { errors: {}, formError: 'Something went wrong; nothing was changed.' };
  }
  const issues = fieldIssuesOf(error.details);
  if (issues.length > 0) {
    const errors: Record<string, string> = {};
    let formError: string | null = null;
    for (const issue of issues) {
      const field = fieldFor(issue.field, options.fields);
      const text = field === null ? undefined : options.fields[field];
      if (field === null || text === undefined) formError = NOT_A_FIELD_OF_THE_FORM;
      else errors[field] ??= wordIssue(issue, text);
    }
    return { errors, formError };
  }
  const named = refusedFieldOf(error.details);
  const field =
    named !== null && fieldFor(named, options.fields) !== null
      ? fieldFor(named, options.fields)
      : FIELD_CODES.has(error.code)
        ? (options.coreField ?? null)
        : null;
  return field === null
    ? { errors: {}, formError: error.message }
    : { errors: { [field]: error.message }, formError: null };
}

/**
 * A form's busy flag and refusals, each at the field it concerns: the field is
 * marked (`aria-invalid`, outlined) and described by the sentence under it; a
 * refusal about the form as a whole, or several refusals, are summed up at the
 * top. After a refusal the first marked field (or the summary) takes the focus.
 */
export function useForm(options: FormOptions): Form {
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<Refusals>(NONE);
  const base = useId();
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  });

  const idOf = useCallback((name: string) => `${base}-${name.replace(/\W/g, '-')}`, [base]);
  const summaryId = `${base}-summary`;

  /** The focus goes to the first refused field in the form's order, or to the summary. */
  const focusFirst = useCallback(
    (next: Refusals) => {
      window.requestAnimationFrame(() => {
        const names = Object.keys(optionsRef.current.fields).filter((name) => name in next.errors);
        const several = names.length > 1 || (names.length > 0 && next.formError !== null);
        const target =
          names.length === 0 || several
            ? document.getElementById(summaryId)
            : document.getElementById(idOf(names[0] ?? ''));
        target?.focus();
      });
    },
    [idOf, summaryId],
  );

  const show = useCallback(
    (next: Refusals) => {
      setRefusals(next);
      if (Object.keys(next.errors).length > 0 || next.formError !== null) focusFirst(next);
    },
    [focusFirst],
  );

  const run = useCallback(
    async <T>(action: () => Promise<T>, runOptions?: RunOptions): Promise<T | undefined> => {
      setBusy(true);
      setRefusals(NONE);
      try {
        return await action();
      } catch (caught) {
        const options =
          runOptions?.coreField === undefined
            ? optionsRef.current
            : { ...optionsRef.current, coreField: runOptions.coreField };
        show({ ...placeRefusal(caught, options), raw: caught });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const refuse = useCallback(
    (errors: Readonly<Record<string, string>>, formError: string | null = null) =>
      show({ errors: { ...errors }, formError }),
    [show],
  );

  const clear = useCallback((field?: string) => {
    setRefusals((current) => {
      if (field === undefined) return NONE;
      if (!(field in current.errors)) return current;
      const errors = { ...current.errors };
      delete errors[field];
      return { ...current, errors };
    });
  }, []);

  const field = useCallback(
    (name: string): FieldState => ({
      id: idOf(name),
      errorId: `${idOf(name)}-error`,
      error: refusals.errors[name] ?? null,
    }),
    [idOf, refusals],
  );

  return useMemo(
    () => ({
      busy,
      errors: refusals.errors,
      formError: refusals.formError,
      run,
      lastRefusal: refusals.raw ?? null,
      refuse,
      clear,
      field,
      summaryId,
    }),
    [busy, refusals, run, refuse, clear, field, summaryId],
  );
}
