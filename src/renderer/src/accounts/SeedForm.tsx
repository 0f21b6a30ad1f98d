import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { SeedFields } from './SeedFields.js';
import { EMPTY_SEED, SEED_FIELDS, seedDraftProblems, seedInputOf } from './seed-input.js';
import { FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { useForm } from '../ui/useForm.js';

interface Props {
  account: AccountSummary;
  onSaved: (account: AccountSummary) => void;
  onCancel: () => void;
}

const FIELD_NAMES = Object.keys(SEED_FIELDS);

/** Sets or replaces an account's seed, in one step (one transaction). */
export function SeedForm({ account, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(EMPTY_SEED);
  const form = useForm({ fields: SEED_FIELDS, coreField: 'seed' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const seed = seedInputOf(draft);
    const problems: Record<string, string> =
      seed === undefined
        ? { seed: 'Paste an otpauth:// link or type the setup key.' }
        : seedDraftProblems(draft);
    if (seed === undefined || Object.keys(problems).length > 0) {
      form.refuse(problems);
      return;
    }
    const saved = await form.run(() => call('setSeed', { id: account.id, seed }));
    if (saved) onSaved(saved);
  }

  return (
    <form
      autoComplete="off"
      className="form"
      onSubmit={(event) => void submit(event)}
      aria-label={account.otp ? 'Replace the setup key' : 'Add the setup key'}
      noValidate
    >
      <FormSummary form={form} fieldNames={FIELD_NAMES} />
      <SeedFields form={form} draft={draft} onChange={setDraft} autoFocus />
      {account.otp && (
        <p className="hint">The old key stops working here once the new one is saved.</p>
      )}
      <FormActions submitLabel="Save setup key" onCancel={onCancel} busy={form.busy} />
    </form>
  );
}
