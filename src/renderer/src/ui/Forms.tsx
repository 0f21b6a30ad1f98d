import { type ReactNode, useId } from 'react';

/** A refusal or failure, announced at once to screen readers; nothing when there is none. */
export function ErrorMessage({ error, id }: { error: string | null; id?: string }) {
  if (error === null) return null;
  return (
    <p role="alert" id={id} className="error">
      {error}
    </p>
  );
}

interface ActionsProps {
  submitLabel: string;
  onCancel: () => void;
  busy?: boolean;
}

/** Cancel and the form's submit button, right-aligned. */
export function FormActions({ submitLabel, onCancel, busy = false }: ActionsProps) {
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

/** The optional one-line label of a contact or a set of codes. */
export function LabelField({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      Label (optional)
      <input
        autoComplete="off"
        value={value}
        maxLength={100}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

interface RadioOptionProps {
  /** The group's name (one per set of choices). */
  name: string;
  checked: boolean;
  onSelect: () => void;
  /** A line under the choice, read as its description. */
  hint?: string;
  children: ReactNode;
}

/** One choice of a radio group, with its words (and an optional hint) as its label. */
export function RadioOption({ name, checked, onSelect, hint, children }: RadioOptionProps) {
  const hintId = useId();
  return (
    <label className="check">
      <input
        autoComplete="off"
        type="radio"
        name={name}
        checked={checked}
        aria-describedby={hint === undefined ? undefined : hintId}
        onChange={onSelect}
      />
      {hint === undefined ? (
        children
      ) : (
        <span>
          {children}
          <span id={hintId} className="hint block">
            {hint}
          </span>
        </span>
      )}
    </label>
  );
}
