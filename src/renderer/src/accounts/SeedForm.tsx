import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { SeedFields } from './SeedFields.js';
import { EMPTY_SEED, seedInputOf } from './seed-input.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';

interface Props {
  account: AccountSummary;
  onSaved: (account: AccountSummary) => void;
  onCancel: () => void;
}

/** Sets or replaces an account's seed, in one step (one transaction). */
export function SeedForm({ account, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(EMPTY_SEED);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const seed = seedInputOf(draft);
    if (seed === undefined) {
      setError('Paste an otpauth:// link or type the setup key.');
      return;
    }
    try {
      onSaved(await call('setSeed', { id: account.id, seed }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <form autoComplete="off" className="form" onSubmit={submit}>
      <SeedFields draft={draft} onChange={setDraft} autoFocus />
      {account.otp && (
        <p className="hint">The old key stops working here once the new one is saved.</p>
      )}
      <ErrorMessage error={error} />
      <FormActions submitLabel="Save setup key" onCancel={onCancel} />
    </form>
  );
}
