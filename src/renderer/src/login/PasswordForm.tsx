import { type FormEvent, useEffect, useState } from 'react';
import type { LoginDetails, PasswordStrength } from '../../../shared/passwords.js';
import { call } from '../api.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';
import { EyeIcon } from '../ui/icons.js';
import { useAction } from '../ui/useAction.js';
import { PasswordGenerator } from './PasswordGenerator.js';
import { StrengthReport } from './StrengthReport.js';

interface Props {
  accountId: string;
  login: LoginDetails | null;
  onSaved: (login: LoginDetails) => void;
  onCancel: () => void;
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Edits the username, the password (typed or generated, with main's strength
 * estimate) and the other sign-in pages; one save, one transaction. The
 * replaced password goes to the account's previous passwords.
 */
export function PasswordForm({ accountId, login, onSaved, onCancel }: Props) {
  const [username, setUsername] = useState(login?.username ?? '');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [urls, setUrls] = useState(login?.urls.join('\n') ?? '');
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const [entropy, setEntropy] = useState<number | null>(null);
  const save = useAction();

  // main estimates the strength (its word lists, the account's names); typing pauses before asking.
  useEffect(() => {
    if (password === '') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      call('estimatePasswordStrength', { password, accountId }).then(
        (next) => {
          if (!cancelled) setStrength(next);
        },
        () => undefined,
      );
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [password, accountId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(() =>
      call('setLogin', {
        id: accountId,
        username,
        urls: linesOf(urls),
        ...(password === '' ? {} : { password }),
      }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form
      autoComplete="off"
      className="form password-form"
      onSubmit={submit}
      aria-label="Edit the sign-in"
    >
      <label>
        Username
        <input
          value={username}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setUsername(event.target.value)}
          autoFocus
        />
      </label>
      <label>
        {login?.hasPassword ? 'New password' : 'Password'}
        <span className="password-field">
          <input
            className="mono"
            type={shown ? 'text' : 'password'}
            value={password}
            autoComplete="new-password"
            spellCheck={false}
            placeholder={login?.hasPassword ? 'Leave empty to keep the current one' : ''}
            onChange={(event) => {
              setPassword(event.target.value);
              setEntropy(null);
              if (event.target.value === '') setStrength(null);
            }}
          />
          <button
            type="button"
            className="icon-button"
            aria-pressed={shown}
            aria-label="Show the password"
            title={shown ? 'Hide the password' : 'Show the password'}
            onClick={() => setShown(!shown)}
          >
            <EyeIcon width="16" height="16" />
          </button>
        </span>
      </label>
      <PasswordGenerator
        onGenerated={(generated) => {
          setPassword(generated.password);
          setShown(true);
          setStrength(generated.strength);
          setEntropy(generated.entropyBits);
        }}
      />
      {password !== '' && <StrengthReport strength={strength} entropyBits={entropy} />}
      {login?.hasPassword && password !== '' && (
        <p className="hint">
          The current password moves to the previous passwords, for the moment the site still wants
          the old one.
        </p>
      )}
      <label>
        Other sign-in pages (one a line)
        <textarea
          autoComplete="off"
          rows={2}
          value={urls}
          spellCheck={false}
          placeholder="https://example.com/login"
          onChange={(event) => setUrls(event.target.value)}
        />
      </label>
      <ErrorMessage error={save.error} />
      <FormActions submitLabel="Save sign-in" onCancel={onCancel} busy={save.busy} />
    </form>
  );
}
