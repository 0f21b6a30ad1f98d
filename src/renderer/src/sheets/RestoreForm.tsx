import { type FormEvent, useState } from 'react';
import type { BackupFileInfo } from '../../../shared/backups.js';
import { formatDayTime } from '../../../shared/dates.js';
import { call } from '../api.js';
import { ErrorMessage } from '../ui/Forms.js';
import { useAction } from '../ui/useAction.js';

interface Props {
  backup: BackupFileInfo;
  onCancel: () => void;
}

/**
 * Restoring a backup over the open vault, after saying what happens: main
 * checks the backup with its password first (a wrong one changes nothing),
 * keeps the vault it replaces in the backups folder, then locks; the unlock
 * screen takes over and asks for the backup's password.
 */
export function RestoreForm({ backup, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const restore = useAction();
  const made = formatDayTime(backup.at);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await restore.run(() => call('restoreBackup', { name: backup.name, password }));
    if (result === undefined) setPassword('');
  }

  return (
    <form
      autoComplete="off"
      className="card confirm restore-form"
      aria-labelledby="restore-title"
      onSubmit={(event) => void submit(event)}
    >
      <h4 id="restore-title">Restore the backup of {made}?</h4>
      <p>
        The vault you have open is replaced by this backup: what changed since {made} is no longer
        in it. The vault as it is now is kept in the backups folder first, so you can go back. Then
        Sparekey locks; unlock it with the password the vault had when this backup was made.
      </p>
      <label>
        The backup’s password
        <input
          type="password"
          autoFocus
          autoComplete="off"
          value={password}
          aria-invalid={restore.error !== null}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <ErrorMessage error={restore.error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="danger" disabled={restore.busy || password === ''}>
          {restore.busy ? 'Restoring…' : 'Replace the vault with this backup'}
        </button>
      </div>
    </form>
  );
}
