import type { ReactNode } from 'react';

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
        value={value}
        maxLength={100}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** One choice of a radio group, its words beside it. */
export function RadioOption({
  name,
  checked,
  onSelect,
  children,
}: {
  name: string;
  checked: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input type="radio" name={name} checked={checked} onChange={onSelect} />
      {children}
    </label>
  );
}
