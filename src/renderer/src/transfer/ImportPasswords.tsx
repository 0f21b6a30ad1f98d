import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { FieldError } from '../ui/Field.js';
import { ErrorMessage } from '../ui/Forms.js';
import { PasswordField } from '../ui/PasswordField.js';
import type { Form } from '../ui/useForm.js';
import type { ImportFile } from './useImportPlan.js';

interface Props {
  files: ImportFile[];
  needing: string[];
  form: Form;
  onSubmit: (files: ImportFile[]) => void;
  onCancel: () => void;
}

/** The file a refusal names (a wrong password names its file). */
function fileOf(refusal: unknown): string | null {
  return refusal instanceof ApiError && typeof refusal.details?.file === 'string'
    ? refusal.details.file
    : null;
}

/** Asks the password of each encrypted file (the one its app set when exporting). */
export function ImportPasswords({ files, needing, form, onSubmit, onCancel }: Props) {
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  // A refusal (a wrong password) is shown at the password of the file it names.
  const message = form.errors.passwords ?? form.errors['files.*.password'] ?? form.formError;
  const target = fileOf(form.lastRefusal) ?? (needing.length === 1 ? (needing[0] ?? null) : null);
  useEffect(() => {
    if (message === null || target === null) return;
    document.getElementById(`import-password-${needing.indexOf(target)}`)?.focus();
  }, [message, target, needing]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = needing.filter((name) => (passwords[name] ?? '') === '');
    setMissing(new Set(empty));
    if (empty.length > 0) {
      document.getElementById(`import-password-${needing.indexOf(empty[0] ?? '')}`)?.focus();
      return;
    }
    onSubmit(
      files.map((file) => {
        const password = passwords[file.name] ?? file.password;
        return password ? { ...file, password } : file;
      }),
    );
  }

  /** The sentence under a file's password: typed nothing, or the refusal that names this file. */
  const errorOf = (name: string): string | null => {
    if (missing.has(name)) return `Type the password of ${name}.`;
    return message !== null && target === name ? message : null;
  };

  return (
    <form
      autoComplete="off"
      className="form"
      onSubmit={submit}
      aria-label="Passwords of the encrypted files"
      noValidate
    >
      <p>
        {needing.length === 1 ? 'This file is' : 'These files are'} encrypted. Type the password set
        when {needing.length === 1 ? 'it was' : 'they were'} exported.
      </p>
      {needing.map((name, index) => {
        const id = `import-password-${index}`;
        const error = errorOf(name);
        return (
          <div key={name} className={`field${error === null ? '' : ' field-invalid'}`}>
            <label htmlFor={id}>Password for {name}</label>
            <PasswordField
              id={id}
              autoFocus={index === 0}
              autoComplete="off"
              value={passwords[name] ?? ''}
              aria-invalid={error === null ? undefined : true}
              aria-describedby={error === null ? undefined : `${id}-error`}
              onChange={(value) => {
                setPasswords({ ...passwords, [name]: value });
                setMissing((current) => new Set([...current].filter((file) => file !== name)));
                form.clear();
              }}
            />
            <FieldError id={`${id}-error`} error={error} />
          </div>
        );
      })}
      {message !== null && target === null && <ErrorMessage error={message} />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          Open
        </button>
      </div>
    </form>
  );
}
