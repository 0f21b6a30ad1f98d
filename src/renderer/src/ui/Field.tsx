import type { ReactNode } from 'react';
import type { Form } from './useForm.js';
import { CriticalIcon } from './icons.js';

/** What a field's control gets: its id (the label points at it), its mark, what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  form: Form;
  /** The field's name in the method's input (and in the form's `fields`). */
  name: string;
  label: ReactNode;
  /** A line under the field (a rule, an example); the control is described by it. */
  hint?: ReactNode;
  /** Extra ids describing the control (a live check under it). */
  describedBy?: string | undefined;
  className?: string;
  /** A refusal shown here when the form has none for this field (a live check, a related field). */
  otherError?: string | null | undefined;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled field with its hint and its refusal: the control is marked
 * (`aria-invalid`, outlined) and described by the refusal under it.
 */
export function Field({
  form,
  name,
  label,
  hint,
  describedBy,
  className,
  otherError,
  children,
}: FieldProps) {
  const own = form.field(name);
  const state = { ...own, error: own.error ?? otherError ?? null };
  const hintId = `${state.id}-hint`;
  const described = [
    state.error === null ? null : state.errorId,
    hint === undefined ? null : hintId,
    describedBy ?? null,
  ].filter(Boolean);
  return (
    <div
      className={`field${state.error === null ? '' : ' field-invalid'}${className ? ` ${className}` : ''}`}
    >
      <label htmlFor={state.id}>{label}</label>
      {children({
        id: state.id,
        'aria-invalid': state.error === null ? undefined : true,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
      })}
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={state.errorId} error={state.error} />
    </div>
  );
}

/** A field's refusal, under it. */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (error === null) return null;
  return (
    <p id={id} className="field-error">
      <CriticalIcon width="14" height="14" /> {error}
    </p>
  );
}

/**
 * The top of a form: a refusal about the form as a whole, or, when several
 * fields were refused, the list of them (each links to its field). Takes the
 * focus after such a refusal.
 */
export function FormSummary({ form, fieldNames }: { form: Form; fieldNames: readonly string[] }) {
  const refused = fieldNames.filter((name) => name in form.errors);
  const several = refused.length > 1 || (refused.length > 0 && form.formError !== null);
  if (form.formError === null && !several) {
    return <div id={form.summaryId} tabIndex={-1} className="form-summary-anchor" />;
  }
  return (
    <div id={form.summaryId} tabIndex={-1} role="alert" className="form-summary">
      {form.formError !== null && <p>{form.formError}</p>}
      {several && (
        <>
          <p>
            {refused.length === 1 ? 'One field needs' : `${refused.length} fields need`} a change:
          </p>
          <ul>
            {refused.map((name) => {
              const state = form.field(name);
              return (
                <li key={name}>
                  <a
                    href={`#${state.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(state.id)?.focus();
                    }}
                  >
                    {state.error}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
