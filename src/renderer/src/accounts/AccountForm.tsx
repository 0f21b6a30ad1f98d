import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { SeedFields } from './SeedFields.js';
import { EMPTY_SEED, seedInputOf } from './seed-input.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';

interface Props {
  /** The account to edit; absent: add a new one. */
  account?: AccountSummary;
  onSaved: (account: AccountSummary) => void;
  onCancel: () => void;
}

function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Adds an account (from an otpauth:// link or a typed setup key) or edits its
 * details. Each save is one call, one transaction.
 */
export function AccountForm({ account, onSaved, onCancel }: Props) {
  const editing = account !== undefined;
  const [seed, setSeed] = useState(EMPTY_SEED);
  const [issuer, setIssuer] = useState(account?.issuer ?? '');
  const [accountName, setAccountName] = useState(account?.accountName ?? '');
  const [url, setUrl] = useState(account?.url ?? '');
  const [notes, setNotes] = useState(account?.notes ?? '');
  const [tags, setTags] = useState(account?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const fields = { issuer, accountName, url, notes, tags: tagsOf(tags) };
    try {
      onSaved(
        editing
          ? await call('updateAccount', { id: account.id, ...fields })
          : await call('addAccount', { ...fields, seed: seedInputOf(seed) }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="account-form-title">
      <h2 id="account-form-title">
        {editing ? `Edit ${account.issuer || account.accountName}` : 'Add an account'}
      </h2>
      {!editing && <SeedFields draft={seed} onChange={setSeed} autoFocus />}
      <div className="form-grid">
        <label>
          Issuer (site or service)
          <input
            value={issuer}
            autoFocus={editing}
            onChange={(event) => setIssuer(event.target.value)}
            placeholder={editing ? '' : 'Taken from the link if empty'}
          />
        </label>
        <label>
          Account name
          <input
            value={accountName}
            onChange={(event) => setAccountName(event.target.value)}
            placeholder="you@example.com"
          />
        </label>
        <label>
          Sign-in page
          <input
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://example.com/login"
          />
        </label>
        <label>
          Tags
          <input
            value={tags}
            onChange={(event) => setTags(event.target.value)}
            placeholder="work, finance"
          />
        </label>
      </div>
      <label>
        Notes
        <textarea
          rows={3}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          placeholder="Recovery steps, who to call, where the backup codes are…"
        />
      </label>
      <ErrorMessage error={error} />
      <FormActions
        submitLabel={editing ? 'Save changes' : 'Add account'}
        onCancel={onCancel}
        busy={busy}
      />
    </form>
  );
}
