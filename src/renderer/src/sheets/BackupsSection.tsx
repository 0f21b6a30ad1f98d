import { type Ref, useState } from 'react';
import { formatFileSize, type ListedBackup } from '../../../shared/backups.js';
import { formatDayTime } from '../../../shared/dates.js';
import { call } from '../api.js';
import { useVaultData, useVaultQuery } from '../app/vault-data.js';
import { daysAgo } from '../ui/dates.js';
import { ErrorMessage } from '../ui/Forms.js';
import { ArchiveIcon } from '../ui/icons.js';
import { SectionCard } from '../ui/SectionCard.js';
import { SeverityNote } from '../ui/Severity.js';
import { useAction } from '../ui/useAction.js';
import { useToast } from '../ui/Toast.js';
import { RestoreForm } from './RestoreForm.js';

const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

/**
 * The vault's encrypted backups: when the last one was made, what no backup
 * holds yet, the folder they are in, "Back up now", the list (newest first),
 * and restoring one over the open vault.
 */
export function BackupsSection({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  const status = useVaultQuery(() => call('getBackupStatus', {}), 'backup-status');
  const files = useVaultQuery(() => call('listBackups', {}), 'backups');
  const { changed, overview } = useVaultData();
  const toast = useToast();
  const backUp = useAction();
  const [restoring, setRestoring] = useState<ListedBackup | null>(null);
  const state = status.data;
  // The health check's own finding, with its one severity: the same words as in Health.
  const staleBackup = overview?.vaultFindings.find((finding) => finding.ruleId === 'backup.stale');

  async function backUpNow() {
    const result = await backUp.run(() => call('backUpNow', {}));
    if (result === undefined) return;
    changed();
    toast(
      `Backed up (${formatFileSize(result.bytes)}; all ${result.records} records decrypted to check it).`,
    );
  }

  return (
    <SectionCard
      id="backups"
      title="Backups"
      icon={<ArchiveIcon />}
      headingRef={headingRef}
      actions={
        <button
          type="button"
          className="primary"
          disabled={backUp.busy || state === null}
          onClick={() => void backUpNow()}
        >
          Back up now
        </button>
      }
    >
      <ErrorMessage error={status.error ?? files.error} />
      {state && (
        <>
          <dl className="facts">
            <dt>Last backup</dt>
            <dd>
              {state.lastBackupAt === null
                ? 'Never'
                : `${formatDayTime(state.lastBackupAt)}${overview ? ` (${daysAgo(state.lastBackupAt, overview.at)})` : ''}`}
            </dd>
            <dt>Not backed up</dt>
            <dd data-testid="unsaved-changes">
              {state.unsavedChanges === 0
                ? 'Nothing: every change is in a backup.'
                : `${changes(state.unsavedChanges)}${state.oldestUnsavedChangeAt === null ? '' : `, the oldest from ${formatDayTime(state.oldestUnsavedChangeAt)}`}`}
            </dd>
            <dt>Folder</dt>
            <dd className="mono path">{state.folder}</dd>
          </dl>
          {staleBackup && (
            <SeverityNote severity={staleBackup.severity}>{staleBackup.message}</SeverityNote>
          )}
          <p className="hint">
            Each backup is an encrypted copy of the vault, checked after it is written, and opens
            with the vault’s password of that time; when you change the password, Settings offers to
            re-encrypt the backups under the new one. While Sparekey is open it backs up by itself
            shortly after each change. Copy this folder to another disk now and then.
          </p>
        </>
      )}
      <ErrorMessage error={backUp.error} />
      {files.data && files.data.length > 0 && (
        <table className="backup-table">
          <caption className="sr-only">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.data.map((file) => (
              <tr key={file.name}>
                <td>
                  {formatDayTime(file.at)}
                  {file.kind === 'before-restore' && (
                    <span className="muted"> · the vault a restore replaced</span>
                  )}
                  {file.opensWith === 'earlier' && (
                    <span className="muted"> · opens with an earlier password</span>
                  )}
                </td>
                <td className="mono">{formatFileSize(file.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`Restore the backup of ${formatDayTime(file.at)}…`}
                    onClick={() => setRestoring(file)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {files.data && files.data.length === 0 && <p className="muted">No backups yet.</p>}
      {restoring && (
        <RestoreForm key={restoring.name} backup={restoring} onCancel={() => setRestoring(null)} />
      )}
    </SectionCard>
  );
}
