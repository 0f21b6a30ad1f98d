import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  describeLeftBackup,
  type LeftBackup,
  type OldBackupsChoice,
  type OldBackupsPreview,
} from '../../../shared/backups.js';
import type { PasswordChangeOutcome } from '../../../shared/contract/vault-methods.js';
import { call, errorMessage } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { Field, FieldError, FormSummary } from '../ui/Field.js';
import { ErrorMessage, RadioOption } from '../ui/Forms.js';
import { KeyIcon } from '../ui/icons.js';
import { PasswordField } from '../ui/PasswordField.js';
import { SectionCard } from '../ui/SectionCard.js';
import { SeverityNote } from '../ui/Severity.js';
import { useForm } from '../ui/useForm.js';
import {
  type NewPasswordNames,
  NewPasswordFields,
  newPasswordFields,
  useNewPassword,
} from '../vault/NewPasswordFields.js';

const NAMES: NewPasswordNames = {
  password: 'newPassword',
  confirmation: 'confirmation',
  weakAccepted: 'weakAccepted',
};

const FIELDS = {
  currentPassword: {
    noun: 'the current password',
    say: { required: 'Type the current password.' },
  },
  ...newPasswordFields(NAMES),
  backups: { noun: 'what to do with the backups' },
};
const FIELD_NAMES = Object.keys(FIELDS);

const backups = (n: number) => `${n} backup${n === 1 ? '' : 's'}`;
const them = (n: number) => (n === 1 ? 'it' : 'them');

/** The files Sparekey left, each with why. */
function LeftFiles({ files }: { files: LeftBackup[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="left-files">
      {files.map((file) => (
        <li key={file.path}>
          <span className="mono path">{file.name}</span>: {describeLeftBackup(file)}
        </li>
      ))}
    </ul>
  );
}

/** What the change did, in sentences. */
function Outcome({ outcome, onDone }: { outcome: PasswordChangeOutcome; onDone: () => void }) {
  const report = outcome.backups;
  // The form it replaces had the focus: it moves here, and the outcome into view.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="password-outcome" role="status" tabIndex={-1} ref={ref}>
      <p>
        <strong>Password changed.</strong> The old password no longer opens this vault; use the new
        one from now on.
      </p>
      {report !== null && report.reencrypted.length > 0 && (
        <p>
          Re-encrypted {backups(report.reencrypted.length)} under the new password: the old password
          no longer opens {them(report.reencrypted.length)}.
        </p>
      )}
      {report !== null && report.deleted.length > 0 && (
        <p>
          Deleted {backups(report.deleted.length)} that opened with the old password. Sparekey makes
          a new backup shortly if automatic backups are on; otherwise use Back up now in Sheets &
          backups.
        </p>
      )}
      {report !== null && report.kept.length > 0 && (
        <SeverityNote severity="warning">
          {backups(report.kept.length)} still {report.kept.length === 1 ? 'opens' : 'open'} with the
          old password, and {report.kept.length === 1 ? 'holds' : 'hold'} everything up to the
          change. Delete {them(report.kept.length)} from the backups folder if the old password may
          be known to someone else.
        </SeverityNote>
      )}
      {report !== null && report.left.length > 0 && (
        <>
          <p>Left as {report.left.length === 1 ? 'it was' : 'they were'}:</p>
          <LeftFiles files={report.left} />
        </>
      )}
      {outcome.backupsProblem !== null && (
        <SeverityNote severity="warning">
          The backups could not be looked at: {outcome.backupsProblem} They may still open with the
          old password.
        </SeverityNote>
      )}
      <div className="actions start">
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

/**
 * Settings › Vault password: the current password, a new one typed twice (the
 * same fields as the first-run screen), and what to do with the backups that
 * would still open with the old password (re-encrypt them: the default). One
 * call (`changeVaultPassword`); each refusal at its field.
 */
export function VaultPassword() {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<PasswordChangeOutcome | null>(null);

  return (
    <SectionCard
      id="vault-password"
      title="Vault password"
      icon={<KeyIcon />}
      actions={
        !open && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setOutcome(null);
              setOpen(true);
            }}
          >
            Change password…
          </button>
        )
      }
    >
      <p className="hint">
        One password opens the vault and its backups. Changing it also gives the vault a new key, so
        someone who knew the old password and has a copy of the file learns nothing you add after.
      </p>
      {outcome !== null && <Outcome outcome={outcome} onDone={() => setOutcome(null)} />}
      {open && (
        <ChangeForm
          onCancel={() => setOpen(false)}
          onChanged={(result) => {
            setOpen(false);
            setOutcome(result);
          }}
        />
      )}
    </SectionCard>
  );
}

function ChangeForm({
  onCancel,
  onChanged,
}: {
  onCancel: () => void;
  onChanged: (outcome: PasswordChangeOutcome) => void;
}) {
  const [current, setCurrent] = useState('');
  const [choice, setChoice] = useState<OldBackupsChoice>('reencrypt');
  const [preview, setPreview] = useState<OldBackupsPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const draft = useNewPassword(NAMES);
  const form = useForm({ fields: FIELDS, coreField: null });
  const { changed } = useVaultData();
  const backupsField = form.field('backups');

  useEffect(() => {
    let current = true;
    call('previewPasswordChange', {}).then(
      (found) => current && setPreview(found),
      (caught: unknown) => current && setPreviewError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, []);
  const count = preview?.underCurrentKey.length ?? 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const problems = await draft.problems();
    if (current === '') problems.currentPassword = FIELDS.currentPassword.say.required;
    if (Object.keys(problems).length > 0) {
      form.refuse(problems);
      return;
    }
    const result = await form.run(() =>
      call('changeVaultPassword', {
        currentPassword: current,
        newPassword: draft.password,
        backups: count > 0 ? choice : 'keep',
      }),
    );
    if (result === undefined) {
      if (form.field('currentPassword').error !== null) setCurrent('');
      return;
    }
    changed();
    onChanged(result);
  }

  return (
    <form
      autoComplete="off"
      className="password-change"
      aria-label="Change the vault password"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <FormSummary form={form} fieldNames={FIELD_NAMES} />
      <Field form={form} name="currentPassword" label="Current password">
        {(control) => (
          <PasswordField
            {...control}
            autoFocus
            autoComplete="current-password"
            value={current}
            onChange={(next) => {
              setCurrent(next);
              form.clear('currentPassword');
            }}
          />
        )}
      </Field>
      <NewPasswordFields
        form={form}
        draft={draft}
        names={NAMES}
        labels={{ password: 'New password', confirmation: 'Repeat the new password' }}
      />
      {preview !== null && count > 0 && (
        <fieldset
          className={`replace-choice${backupsField.error === null ? '' : ' field-invalid'}`}
          aria-describedby={backupsField.error === null ? undefined : backupsField.errorId}
        >
          <legend>
            {backups(count)} in the backups folder {count === 1 ? 'opens' : 'open'} with the current
            password. After the change:
          </legend>
          <RadioOption
            name="old-backups"
            checked={choice === 'reencrypt'}
            onSelect={() => setChoice('reencrypt')}
            hint="Each is rewritten under the new password; the old one no longer opens it."
          >
            Re-encrypt the {backups(count)} under the new password
          </RadioOption>
          <RadioOption
            name="old-backups"
            checked={choice === 'delete'}
            onSelect={() => setChoice('delete')}
            hint="Until the next backup is made, there is none."
          >
            Delete {count === 1 ? 'it' : 'them'}
          </RadioOption>
          <RadioOption
            name="old-backups"
            checked={choice === 'keep'}
            onSelect={() => setChoice('keep')}
            hint="They still open with the old password, and hold everything up to the change."
          >
            Keep {count === 1 ? 'it' : 'them'} as {count === 1 ? 'it is' : 'they are'}
          </RadioOption>
          <FieldError id={backupsField.errorId} error={backupsField.error} />
        </fieldset>
      )}
      {preview !== null && count === 0 && (
        <p className="hint">No backup opens with the current password: none needs re-encrypting.</p>
      )}
      {preview !== null && preview.left.length > 0 && (
        <div className="hint">
          <p>Sparekey cannot re-encrypt these; they are left as they are:</p>
          <LeftFiles files={preview.left} />
        </div>
      )}
      <ErrorMessage error={previewError} />
      <div className="actions start">
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Changing the password…' : 'Change password'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={form.busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
