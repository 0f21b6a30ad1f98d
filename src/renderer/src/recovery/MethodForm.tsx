import { type FormEvent, useState } from 'react';
import {
  type Contact,
  METHOD_CONTACT_KIND,
  METHOD_KINDS,
  METHOD_LABELS,
  METHOD_NEEDS_DEVICE,
  type MethodKind,
} from '../../../shared/recovery.js';
import { call } from '../api.js';
import { ContactForm, KIND_NOUNS } from '../contacts/ContactForm.js';
import { Field, FormSummary } from '../ui/Field.js';
import { FormActions } from '../ui/Forms.js';
import { PlusIcon } from '../ui/icons.js';
import { useForm } from '../ui/useForm.js';

const DEVICE_EXAMPLES: Partial<Record<MethodKind, string>> = {
  authenticator: 'e.g. Google Authenticator on Pixel 8',
  'security-key': 'e.g. YubiKey 5C (blue)',
  push: 'e.g. Microsoft Authenticator on iPhone',
  'trusted-device': 'e.g. work laptop',
};

const FIELDS = {
  kind: { noun: 'the kind' },
  contactId: { noun: 'the contact' },
  device: { noun: 'the device' },
};
const FIELD_NAMES = Object.keys(FIELDS);

interface Props {
  accountId: string;
  contacts: Contact[];
  onAdded: () => void;
  onCancel: () => void;
}

/** Records one way the site lets you in: its kind, the contact it sends to, or the device it lives on. */
export function MethodForm({ accountId, contacts, onAdded, onCancel }: Props) {
  const [kind, setKind] = useState<MethodKind>('sms');
  const [contactId, setContactId] = useState('');
  const [device, setDevice] = useState('');
  const [addingContact, setAddingContact] = useState(false);
  const contactKind = METHOD_CONTACT_KIND[kind];
  const needsDevice = METHOD_NEEDS_DEVICE.includes(kind);
  // A refusal of the core concerns the contact when the method sends to one, else the device.
  const save = useForm({ fields: FIELDS, coreField: contactKind ? 'contactId' : 'device' });
  const usable = contacts.filter(
    (contact) => contact.kind === contactKind && contact.retiredAt === null,
  );
  const chosen = usable.some((contact) => contact.id === contactId)
    ? contactId
    : (usable[0]?.id ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (contactKind && chosen === '') {
      save.refuse({
        contactId: `Add the ${KIND_NOUNS[contactKind]} it sends codes to first (New ${KIND_NOUNS[contactKind]}…).`,
      });
      return;
    }
    const added = await save.run(() =>
      call('addMethod', {
        accountId,
        kind,
        ...(contactKind ? { contactId: chosen } : {}),
        ...(needsDevice && device.trim() ? { device } : {}),
      }),
    );
    if (added) onAdded();
  }

  if (addingContact && contactKind) {
    return (
      <ContactForm
        kind={contactKind}
        onCancel={() => setAddingContact(false)}
        onSaved={(contact) => {
          setContactId(contact.id);
          setAddingContact(false);
        }}
      />
    );
  }

  return (
    <form
      autoComplete="off"
      className="form method-form"
      onSubmit={(event) => void submit(event)}
      aria-label="Add a way in"
      noValidate
    >
      <FormSummary form={save} fieldNames={FIELD_NAMES} />
      <div className="form-grid">
        <Field form={save} name="kind" label="Kind">
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as MethodKind);
                save.clear();
              }}
            >
              {METHOD_KINDS.map((option) => (
                <option key={option} value={option}>
                  {METHOD_LABELS[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {contactKind && (
          <Field
            form={save}
            name="contactId"
            label={contactKind === 'phone' ? 'Sent to the phone number' : 'Sent to the address'}
          >
            {(control) =>
              usable.length > 0 ? (
                <select
                  {...control}
                  value={chosen}
                  onChange={(event) => {
                    setContactId(event.target.value);
                    save.clear('contactId');
                  }}
                >
                  {usable.map((contact) => (
                    <option key={contact.id} value={contact.id}>
                      {contact.display}
                      {contact.label ? ` (${contact.label})` : ''}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="hint" id={control.id} tabIndex={-1}>
                  No {KIND_NOUNS[contactKind]} yet.
                </span>
              )
            }
          </Field>
        )}
        {needsDevice && (
          <Field
            form={save}
            name="device"
            label={kind === 'authenticator' ? 'Where else the seed is (app and phone)' : 'Device'}
          >
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                value={device}
                placeholder={DEVICE_EXAMPLES[kind] ?? ''}
                onChange={(event) => {
                  setDevice(event.target.value);
                  save.clear('device');
                }}
              />
            )}
          </Field>
        )}
      </div>
      {contactKind && (
        <div className="actions start">
          <button type="button" className="quiet" onClick={() => setAddingContact(true)}>
            <PlusIcon width="16" height="16" /> New {KIND_NOUNS[contactKind]}…
          </button>
        </div>
      )}
      <FormActions submitLabel="Add" onCancel={onCancel} busy={save.busy} />
    </form>
  );
}
