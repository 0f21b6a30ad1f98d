import { type FormEvent, useState } from 'react';
import type { ListedBackup } from '../../../shared/backups.js';
import { formatDayTime } from '../../../shared/dates.js';
import { call } from '../api.js';
import { Field, FormSummary } from '../ui/Field.js';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '../ui/useForm.js';

interface Props {
  backup: ListedBackup;
  onCancel: () => void;
}

const FIELDS = {
  password: { noun: 'the backup’s password', say: { required: 'Type the backup’s password.' } },
};

/**
 * Restoring a backup over the open vault, after saying what happens: main
 * checks the backup with its password first (a wrong one changes nothing),
 * keeps the vault it replaces in the backups folder, then locks; the unlock
 * screen takes over and asks for the backup's password.
 */
export function RestoreForm({ backup, onCancel }: Props) {
  const [password, setPassword] = useState('');
  // A wrong password is a refusal of the password field.
  const restore = useForm({ fields: FIELDS, coreField: 'password' });
  const made = formatDayTime(backup.at);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password === '') {
      restore.refuse({ password: FIELDS.password.say.required });
      return;
    }
    const result = await restore.run(() => call('restoreBackup', { name: backup.name, password }));
    if (result === undefined) setPassword('');
  }

  return (
    <form
      autoComplete="off"
      className="card confirm restore-form"
      aria-labelledby="restore-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h4 id="restore-title">Restore the backup of {made}?</h4>
      <p>
        The vault you have open is replaced by this backup: what changed since {made} is no longer
        in it. The vault as it is now is kept in the backups folder first, so you can go back. Then
        Sparekey locks; unlock it with the backup’s password, the one you type here.
      </p>
      <p className="hint">
        {backup.opensWith === 'current'
          ? 'This backup opens with the vault’s current password.'
          : 'This backup opens with a password the vault had before, not necessarily today’s: the one of when it was made, or of when it was last re-encrypted.'}
      </p>
      <FormSummary form={restore} fieldNames={['password']} />
      <Field form={restore} name="password" label="The backup’s password">
        {(control) => (
          <PasswordField
            {...control}
            autoFocus
            autoComplete="off"
            value={password}
            onChange={(next) => {
              setPassword(next);
              restore.clear('password');
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="danger" disabled={restore.busy}>
          {restore.busy ? 'Restoring…' : 'Replace the vault with this backup'}
        </button>
      </div>
    </form>
  );
}
