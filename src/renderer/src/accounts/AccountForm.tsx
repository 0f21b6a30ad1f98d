import { type ClipboardEvent, type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call, errorMessage } from '../api.js';
import { SeedFields } from './SeedFields.js';
import { EMPTY_SEED, seedInputOf } from './seed-input.js';
import { ErrorMessage, FormActions } from '../ui/Forms.js';
import { ImageIcon } from '../ui/icons.js';
import { pastedImage } from '../transfer/pasted-image.js';
import { QrImageAdd } from '../transfer/QrImageAdd.js';

interface Props {
  /** The account to edit; absent: add a new one. */
  account?: AccountSummary;
  onSaved: (account: AccountSummary) => void;
  /** Accounts added from a QR image (one or many); absent when editing. */
  onImported?: (ids: string[]) => void;
  onCancel: () => void;
}

function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Adds an account (from an otpauth:// link, a typed setup key or a QR image,
 * chosen or pasted) or edits its details. Each save is one call, one transaction.
 */
export function AccountForm({ account, onSaved, onImported, onCancel }: Props) {
  const editing = account !== undefined;
  const [seed, setSeed] = useState(EMPTY_SEED);
  const [issuer, setIssuer] = useState(account?.issuer ?? '');
  const [accountName, setAccountName] = useState(account?.accountName ?? '');
  const [url, setUrl] = useState(account?.url ?? '');
  const [notes, setNotes] = useState(account?.notes ?? '');
  const [tags, setTags] = useState(account?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Adding from a QR image instead: with the image pasted on the form, if any. */
  const [fromImage, setFromImage] = useState<{ pasted: File | null } | null>(null);

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

  if (fromImage !== null && onImported !== undefined) {
    return <QrImageAdd pasted={fromImage.pasted} onImported={onImported} onCancel={onCancel} />;
  }

  const onPaste = (event: ClipboardEvent) => {
    const image = editing || onImported === undefined ? null : pastedImage(event);
    if (image === null) return;
    event.preventDefault();
    setFromImage({ pasted: image });
  };

  return (
    <form
      autoComplete="off"
      className="form panel"
      onSubmit={submit}
      onPaste={onPaste}
      aria-labelledby="account-form-title"
    >
      <h2 id="account-form-title">
        {editing ? `Edit ${account.issuer || account.accountName}` : 'Add an account'}
      </h2>
      {!editing && onImported !== undefined && (
        <button
          type="button"
          className="secondary from-image"
          onClick={() => setFromImage({ pasted: null })}
        >
          <ImageIcon /> From a QR image
        </button>
      )}
      {!editing && <SeedFields draft={seed} onChange={setSeed} autoFocus />}
      <div className="form-grid">
        <label>
          Issuer (site or service)
          <input
            autoComplete="off"
            value={issuer}
            autoFocus={editing}
            onChange={(event) => setIssuer(event.target.value)}
            placeholder={editing ? '' : 'Taken from the link if empty'}
          />
        </label>
        <label>
          Account name
          <input
            autoComplete="off"
            value={accountName}
            onChange={(event) => setAccountName(event.target.value)}
            placeholder="you@example.com"
          />
        </label>
        <label>
          Sign-in page
          <input
            autoComplete="off"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://example.com/login"
          />
        </label>
        <label>
          Tags
          <input
            autoComplete="off"
            value={tags}
            onChange={(event) => setTags(event.target.value)}
            placeholder="work, finance"
          />
        </label>
      </div>
      <label>
        Notes
        <textarea
          autoComplete="off"
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
