import { type FormEvent, useState } from 'react';
import type { ImportFile } from './useImportPlan.js';

interface Props {
  files: ImportFile[];
  needing: string[];
  busy: boolean;
  onSubmit: (files: ImportFile[]) => void;
  onCancel: () => void;
}

/** Asks the password of each encrypted file (the one its app set when exporting). */
export function ImportPasswords({ files, needing, busy, onSubmit, onCancel }: Props) {
  const [passwords, setPasswords] = useState<Record<string, string>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(
      files.map((file) => {
        const password = passwords[file.name] ?? file.password;
        return password ? { ...file, password } : file;
      }),
    );
  }

  return (
    <form
      autoComplete="off"
      className="form"
      onSubmit={submit}
      aria-label="Passwords of the encrypted files"
    >
      <p>
        {needing.length === 1 ? 'This file is' : 'These files are'} encrypted. Type the password set
        when {needing.length === 1 ? 'it was' : 'they were'} exported.
      </p>
      {needing.map((name, index) => (
        <label key={name}>
          Password for {name}
          <input
            type="password"
            autoFocus={index === 0}
            autoComplete="off"
            required
            value={passwords[name] ?? ''}
            onChange={(event) => setPasswords({ ...passwords, [name]: event.target.value })}
          />
        </label>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Open
        </button>
      </div>
    </form>
  );
}
