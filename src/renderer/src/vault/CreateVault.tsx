import { type FormEvent, useState } from 'react';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call, errorMessage } from '../api.js';
import { Logo } from '../ui/icons.js';
import { PasswordStrength } from './PasswordStrength.js';
import { ErrorMessage } from '../ui/Forms.js';

/** The core's minimum (MIN_PASSWORD_LENGTH); the core checks it again. */
const MIN_LENGTH = 8;

interface Props {
  status: VaultStatus;
  onCreated: (status: VaultStatus) => void;
}

/** First run: one password, typed twice, with a strength meter. */
export function CreateVault({ status, onCreated }: Props) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const long = [...password].length >= MIN_LENGTH;
  const same = password === confirmation;
  const ready = long && same && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await call('createVault', { password }));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <main className="centered gate-page">
      <form
        autoComplete="off"
        className="gate"
        onSubmit={submit}
        aria-labelledby="gate-title"
        noValidate
      >
        <Logo className="gate-logo" />
        <h1 id="gate-title">Create your Sparekey vault</h1>
        <p className="muted">
          One password protects every seed, backup code and recovery contact. It cannot be
          recovered: write it down and keep it somewhere safe.
        </p>
        <label>
          New password
          <input
            type="password"
            autoFocus
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby="password-rules"
          />
        </label>
        <PasswordStrength password={password} />
        <p id="password-rules" className="hint">
          At least {MIN_LENGTH} characters.
        </p>
        <label>
          Repeat the password
          <input
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            aria-invalid={confirmation !== '' && !same}
            aria-describedby="password-match"
          />
        </label>
        <p id="password-match" className="hint" aria-live="polite">
          {confirmation === ''
            ? ''
            : same
              ? '✓ The passwords match.'
              : '✗ The two passwords differ.'}
        </p>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={!ready}>
          {busy ? 'Creating…' : 'Create vault'}
        </button>
        <p className="muted small path" title={status.vaultPath}>
          The vault file: {status.vaultPath}
        </p>
      </form>
    </main>
  );
}
