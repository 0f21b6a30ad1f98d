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
