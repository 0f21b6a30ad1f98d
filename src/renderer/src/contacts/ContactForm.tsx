import { type FormEvent, useState } from 'react';
import type { Contact, ContactKind } from '../../../shared/recovery.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { ErrorMessage, FormActions, LabelField } from '../ui/Forms.js';
import { useAction } from '../ui/useAction.js';

interface Props {
  /** The contact to edit; absent: add one. */
  contact?: Contact;
  /** For a new contact: the kind it must be (a method that texts needs a phone). */
  kind?: ContactKind;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
}

export const KIND_NOUNS: Record<ContactKind, string> = {
  phone: 'phone number',
  email: 'e-mail address',
};

/** Adds a phone number or e-mail address (confirmed today: you are adding it), or edits one. */
export function ContactForm({ contact, kind: fixedKind, onSaved, onCancel }: Props) {
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? fixedKind ?? 'phone');
  const [value, setValue] = useState(contact?.display ?? '');
  const [label, setLabel] = useState(contact?.label ?? '');
  const save = useAction();
  const { changed } = useVaultData();
  const choosable = contact === undefined && fixedKind === undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.run(() =>
      contact
        ? call('updateContact', { id: contact.id, value, label })
        : call('addContact', { kind, value, label }),
    );
    if (saved) {
      changed();
      onSaved(saved);
    }
  }

  return (
    <form
      autoComplete="off"
      className="form contact-form"
      onSubmit={submit}
      aria-label={contact ? `Edit ${contact.display}` : `Add a ${KIND_NOUNS[kind]}`}
    >
      {choosable && (
        <div className="generator-kind" role="radiogroup" aria-label="Kind of contact">
          {(['phone', 'email'] as const).map((option) => (
            <label key={option} className="check">
              <input
                autoComplete="off"
                type="radio"
                name="contact-kind"
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {option === 'phone' ? 'Phone number' : 'E-mail address'}
            </label>
          ))}
        </div>
      )}
      <div className="form-grid">
        <label>
          {kind === 'phone' ? 'Phone number, with its country code' : 'E-mail address'}
          <input
            autoComplete="off"
            type={kind === 'phone' ? 'tel' : 'email'}
            value={value}
            autoFocus
            spellCheck={false}
            placeholder={kind === 'phone' ? '+44 7700 900123' : 'you@example.com'}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        <LabelField
          value={label}
          placeholder={kind === 'phone' ? 'work mobile' : 'personal mail'}
          onChange={setLabel}
        />
      </div>
      <ErrorMessage error={save.error} />
      <FormActions
        submitLabel={contact ? 'Save changes' : `Add ${KIND_NOUNS[kind]}`}
        onCancel={onCancel}
        busy={save.busy}
      />
    </form>
  );
}
