import { type FormEvent, useEffect, useState } from 'react';
import type { LockReason } from '../../../shared/contract/index.js';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call } from '../api.js';
import { Field, FormSummary } from '../ui/Field.js';
import { Logo } from '../ui/icons.js';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '../ui/useForm.js';

const WHY_LOCKED: Record<LockReason, string | null> = {
  user: null,
  idle: 'Locked because Sparekey was not used for a while.',
  suspend: 'Locked when the computer went to sleep.',
  'screen-locked': 'Locked when the screen was locked.',
  'vault-file-changed': null,
  restored: 'Restored from a backup. Unlock it with the password you gave to restore it.',
};

const FIELDS = { password: { noun: 'the password', say: { required: 'Type the password.' } } };

interface Props {
  status: VaultStatus;
  reason: LockReason | null;
  onUnlocked: (status: VaultStatus) => void;
}

export function UnlockVault({ status, reason, onUnlocked }: Props) {
  const [password, setPassword] = useState('');
  // A wrong password is a refusal of the password field.
  const form = useForm({ fields: FIELDS, coreField: 'password' });
  const why = reason === null ? null : WHY_LOCKED[reason];

  // While the password is typed, the core checks what it can of the vault without
  // the key, so unlocking is left only the rest. Nothing to show if it cannot.
  useEffect(() => {
    void call('prepareUnlock', {}).catch(() => undefined);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password === '') {
      form.refuse({ password: 'Type the password.' });
      return;
    }
    const unlocked = await form.run(() => call('unlockVault', { password }));
    if (unlocked) onUnlocked(unlocked);
    else setPassword('');
  }

  return (
    <main className="centered gate-page">
      <form
        autoComplete="off"
        className="gate"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="gate-title"
        noValidate
      >
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
        <FormSummary form={form} fieldNames={['password']} />
        <Field form={form} name="password" label="Password">
          {(control) => (
            <PasswordField
              {...control}
              autoFocus
              autoComplete="current-password"
              value={password}
              onChange={(next) => {
                setPassword(next);
                form.clear('password');
              }}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
