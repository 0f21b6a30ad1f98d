import { type FormEvent, useRef, useState } from 'react';
import type { LockReason } from '../../../shared/contract/index.js';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call, errorMessage } from '../api.js';
import { Logo } from '../ui/icons.js';
import { ErrorMessage } from '../ui/Forms.js';

const WHY_LOCKED: Record<LockReason, string | null> = {
  user: null,
  idle: 'Locked because Sparekey was not used for a while.',
  suspend: 'Locked when the computer went to sleep.',
  'screen-locked': 'Locked when the screen was locked.',
  'vault-file-changed': null,
  restored:
    'Restored from a backup. It opens with the password the vault had when that backup was made.',
};

interface Props {
  status: VaultStatus;
  reason: LockReason | null;
  onUnlocked: (status: VaultStatus) => void;
}

export function UnlockVault({ status, reason, onUnlocked }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const why = reason === null ? null : WHY_LOCKED[reason];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await call('unlockVault', { password }));
    } catch (caught) {
      setError(errorMessage(caught));
      setPassword('');
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <main className="centered gate-page">
      <form autoComplete="off" className="gate" onSubmit={submit} aria-labelledby="gate-title">
        <Logo className="gate-logo" />
        <h1 id="gate-title">Unlock Sparekey</h1>
        {why && (
          <p className="notice" role="status">
            {why}
          </p>
        )}
        <p className="muted small path" title={status.vaultPath}>
          {status.vaultPath}
        </p>
        <label>
          Password
          <input
            ref={input}
            type="password"
            autoFocus
            autoComplete="current-password"
            value={password}
            aria-invalid={error !== null}
            aria-describedby={error ? 'unlock-error' : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <ErrorMessage error={error} id="unlock-error" />
        <button type="submit" className="primary" disabled={busy || password === ''}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
