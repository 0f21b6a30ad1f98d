import { type FormEvent, useState } from 'react';
import type { Contact, ContactKind } from '../../../shared/recovery.js';
import { call } from '../api.js';
import { useVaultData } from '../app/vault-data.js';
import { Field, FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { useForm } from '../ui/useForm.js';

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

function fieldsFor(kind: ContactKind) {
  return {
    value: {
      noun: `the ${KIND_NOUNS[kind]}`,
      say: {
        required:
          kind === 'phone'
            ? 'Type the phone number, with its country code (+44 7700 900123).'
            : 'Type the e-mail address.',
      },
    },
    label: { noun: 'the label' },
  };
}

/** Adds a phone number or e-mail address (confirmed today: you are adding it), or edits one. */
export function ContactForm({ contact, kind: fixedKind, onSaved, onCancel }: Props) {
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? fixedKind ?? 'phone');
  const [value, setValue] = useState(contact?.display ?? '');
  const [label, setLabel] = useState(contact?.label ?? '');
  const fields = fieldsFor(kind);
  // The core's refusals ("not a phone number", "already a contact") concern the value.
  const form = useForm({ fields, coreField: 'value' });
  const { changed } = useVaultData();
  const choosable = contact === undefined && fixedKind === undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim() === '') {
      form.refuse({ value: fields.value.say.required });
      return;
    }
    const saved = await form.run(() =>
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
      onSubmit={(event) => void submit(event)}
      aria-label={contact ? `Edit ${contact.display}` : `Add a ${KIND_NOUNS[kind]}`}
      noValidate
    >
      <FormSummary form={form} fieldNames={['value', 'label']} />
      {choosable && (
        <div className="generator-kind" role="radiogroup" aria-label="Kind of contact">
          {(['phone', 'email'] as const).map((option) => (
            <label key={option} className="check">
              <input
                autoComplete="off"
                type="radio"
                name="contact-kind"
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  form.clear();
                }}
              />
              {option === 'phone' ? 'Phone number' : 'E-mail address'}
            </label>
          ))}
        </div>
      )}
      <div className="form-grid">
        <Field
          form={form}
          name="value"
          label={kind === 'phone' ? 'Phone number, with its country code' : 'E-mail address'}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              type={kind === 'phone' ? 'tel' : 'email'}
              value={value}
              autoFocus
              spellCheck={false}
              placeholder={kind === 'phone' ? '+44 7700 900123' : 'you@example.com'}
              onChange={(event) => {
                setValue(event.target.value);
                form.clear('value');
              }}
            />
          )}
        </Field>
        <Field form={form} name="label" label="Label (optional)">
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={label}
              placeholder={kind === 'phone' ? 'work mobile' : 'personal mail'}
              onChange={(event) => {
                setLabel(event.target.value);
                form.clear('label');
              }}
            />
          )}
        </Field>
      </div>
      <FormActions
        submitLabel={contact ? 'Save changes' : `Add ${KIND_NOUNS[kind]}`}
        onCancel={onCancel}
        busy={form.busy}
      />
    </form>
  );
}
