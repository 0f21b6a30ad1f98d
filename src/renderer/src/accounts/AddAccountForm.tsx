import { type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';

interface Props {
  onAdded: (account: AccountSummary) => void;
  onCancel: () => void;
}

/** Adds an account from an otpauth:// URI or a typed Base32 secret. */
export function AddAccountForm({ onAdded, onCancel }: Props) {
  const [issuer, setIssuer] = useState('');
  const [accountName, setAccountName] = useState('');
  const [seedText, setSeedText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = seedText.trim();
    const seed =
      text === ''
        ? undefined
        : text.toLowerCase().startsWith('otpauth://')
          ? { otpauth: text }
          : { secret: text };
    try {
      onAdded(await call('addAccount', { issuer, accountName, seed }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <form className="panel add-account" onSubmit={submit} aria-labelledby="add-title">
      <h2 id="add-title">Add an account</h2>
      <label>
        Setup key or otpauth:// link
        <input
          value={seedText}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          placeholder="otpauth://totp/… or JBSW Y3DP EHPK 3PXP"
          onChange={(event) => setSeedText(event.target.value)}
        />
      </label>
      <label>
        Issuer (site or service)
        <input
          value={issuer}
          onChange={(event) => setIssuer(event.target.value)}
          placeholder="Taken from the link if empty"
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit">Add account</button>
      </div>
    </form>
  );
}
