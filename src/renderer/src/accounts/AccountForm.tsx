import { type ClipboardEvent, type FormEvent, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain.js';
import { call } from '../api.js';
import { SeedFields } from './SeedFields.js';
import {
  EMPTY_SEED,
  isOtpauth,
  SEED_FIELDS,
  seedDraftProblems,
  seedInputOf,
} from './seed-input.js';
import { Field, FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { ImageIcon } from '../ui/icons.js';
import { useForm } from '../ui/useForm.js';
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

const FIELDS = {
  ...SEED_FIELDS,
  issuer: {
    noun: 'the issuer',
    say: { required: 'Give the issuer (the site or service) or an account name.' },
  },
  accountName: { noun: 'the account name' },
  url: {
    noun: 'the sign-in page',
    say: { format: 'The sign-in page must be a web address, such as https://example.com/login.' },
  },
  tags: {
    noun: 'the tags',
    plural: true,
    say: { 'too-long': 'A tag is too long: at most 100 characters.' },
  },
  notes: { noun: 'the notes', plural: true },
};
const FIELD_NAMES = Object.keys(FIELDS);

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
  const form = useForm({ fields: FIELDS, coreField: editing ? null : 'seed' });
  /** Adding from a QR image instead: with the image pasted on the form, if any. */
  const [fromImage, setFromImage] = useState<{ pasted: File | null } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = editing ? {} : seedDraftProblems(seed);
    const named = issuer.trim() !== '' || accountName.trim() !== '';
    if (!named && (editing || !isOtpauth(seed.text))) {
      problems.issuer = 'Give the issuer (the site or service) or an account name.';
    }
    if (Object.keys(problems).length > 0) {
      form.refuse(problems);
      return;
    }
    const fields = { issuer, accountName, url, notes, tags: tagsOf(tags) };
    const saved = await form.run(() =>
      editing
        ? call('updateAccount', { id: account.id, ...fields })
        : call('addAccount', { ...fields, seed: seedInputOf(seed) }),
    );
    if (saved) onSaved(saved);
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

  const text = (
    name: 'issuer' | 'accountName' | 'url' | 'tags',
    label: string,
    value: string,
    set: (value: string) => void,
    extra: { placeholder?: string; autoFocus?: boolean; inputMode?: 'url' } = {},
  ) => (
    <Field form={form} name={name} label={label}>
      {(control) => (
        <input
          {...control}
          {...extra}
          autoComplete="off"
          value={value}
          spellCheck={name === 'url' ? false : undefined}
          onChange={(event) => {
            set(event.target.value);
            form.clear(name);
          }}
        />
      )}
    </Field>
  );

  return (
    <form
      autoComplete="off"
      className="form panel"
      onSubmit={(event) => void submit(event)}
      onPaste={onPaste}
      aria-labelledby="account-form-title"
      noValidate
    >
      <h2 id="account-form-title">
        {editing ? `Edit ${account.issuer || account.accountName}` : 'Add an account'}
      </h2>
      <FormSummary form={form} fieldNames={FIELD_NAMES} />
      {!editing && onImported !== undefined && (
        <button
          type="button"
          className="secondary from-image"
          onClick={() => setFromImage({ pasted: null })}
        >
          <ImageIcon /> From a QR image
        </button>
      )}
      {!editing && <SeedFields form={form} draft={seed} onChange={setSeed} autoFocus />}
      <div className="form-grid">
        {text('issuer', 'Issuer (site or service)', issuer, setIssuer, {
          autoFocus: editing,
          placeholder: editing ? '' : 'Taken from the link if empty',
        })}
        {text('accountName', 'Account name', accountName, setAccountName, {
          placeholder: 'you@example.com',
        })}
        {text('url', 'Sign-in page', url, setUrl, {
          placeholder: 'https://example.com/login',
          inputMode: 'url',
        })}
        {text('tags', 'Tags', tags, setTags, { placeholder: 'work, finance' })}
      </div>
      <Field form={form} name="notes" label="Notes">
        {(control) => (
          <textarea
            {...control}
            autoComplete="off"
            rows={3}
            value={notes}
            onChange={(event) => {
              setNotes(event.target.value);
              form.clear('notes');
            }}
            placeholder="Recovery steps, who to call, where the backup codes are…"
          />
        )}
      </Field>
      <FormActions
        submitLabel={editing ? 'Save changes' : 'Add account'}
        onCancel={onCancel}
        busy={form.busy}
      />
    </form>
  );
}
