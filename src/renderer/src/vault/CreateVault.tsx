import { type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/contract/vault-methods.js';
import { call } from '../api.js';
import { FormSummary } from '../ui/Field.js';
import { Logo } from '../ui/icons.js';
import { useForm } from '../ui/useForm.js';
import {
  NEW_PASSWORD_NAMES,
  NewPasswordFields,
  newPasswordFields,
  useNewPassword,
} from './NewPasswordFields.js';

interface Props {
  status: VaultStatus;
  onCreated: (status: VaultStatus) => void;
}

const FIELDS = newPasswordFields();
const FIELD_NAMES = Object.values(NEW_PASSWORD_NAMES);

/** First run: one password, typed twice, with a strength meter; a weak one only when asked for. */
export function CreateVault({ status, onCreated }: Props) {
  const draft = useNewPassword();
  const form = useForm({ fields: FIELDS, coreField: 'password' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const problems = await draft.problems();
    if (Object.keys(problems).length > 0) {
      form.refuse(problems);
      return;
    }
    const created = await form.run(() => call('createVault', { password: draft.password }));
    if (created) onCreated(created);
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
        <h1 id="gate-title">Create your Sparekey vault</h1>
        <p className="muted">
          One password protects every seed, backup code and recovery contact. It cannot be
          recovered: write it down and keep it somewhere safe.
        </p>
        <FormSummary form={form} fieldNames={FIELD_NAMES} />
        <NewPasswordFields form={form} draft={draft} autoFocus />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Creating…' : 'Create vault'}
        </button>
        <p className="muted small path" title={status.vaultPath}>
          The vault file: {status.vaultPath}
        </p>
      </form>
    </main>
  );
}
