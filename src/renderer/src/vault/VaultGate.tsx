import { type FormEvent, useState } from 'react';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call, errorMessage } from '../api.js';

interface Props {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
}

/** First run creates the vault; afterwards this is the unlock screen. */
export function VaultGate({ status, onStatus }: Props) {
  const creating = status.state === 'no-vault';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating && password !== confirmation) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onStatus(await call(creating ? 'createVault' : 'unlockVault', { password }));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <main className="centered">
      <form className="gate" onSubmit={submit} aria-labelledby="gate-title">
        <h1 id="gate-title">{creating ? 'Create your Sparekey vault' : 'Unlock Sparekey'}</h1>
        <p className="muted">
          {creating
            ? 'One password protects every seed, backup code and recovery contact. It cannot be recovered: write it down somewhere safe.'
            : status.vaultPath}
        </p>
        <label>
          {creating ? 'New password' : 'Password'}
          <input
            type="password"
            autoFocus
            autoComplete={creating ? 'new-password' : 'current-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {creating && (
          <label>
            Repeat the password
            <input
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
          </label>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || password === ''}>
          {busy ? 'Working…' : creating ? 'Create vault' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
