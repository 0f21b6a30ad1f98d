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
import { ErrorMessage, FormActions } from '../ui/Forms.js';
import { PlusIcon } from '../ui/icons.js';
import { useAction } from '../ui/useAction.js';

const DEVICE_EXAMPLES: Partial<Record<MethodKind, string>> = {
  authenticator: 'e.g. Google Authenticator on Pixel 8',
  'security-key': 'e.g. YubiKey 5C (blue)',
  push: 'e.g. Microsoft Authenticator on iPhone',
  'trusted-device': 'e.g. work laptop',
};

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
  const save = useAction();
  const contactKind = METHOD_CONTACT_KIND[kind];
  const needsDevice = METHOD_NEEDS_DEVICE.includes(kind);
  const usable = contacts.filter(
    (contact) => contact.kind === contactKind && contact.retiredAt === null,
  );
  const chosen = usable.some((contact) => contact.id === contactId)
    ? contactId
    : (usable[0]?.id ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (contactKind && chosen === '') {
      save.setError(`Add the ${KIND_NOUNS[contactKind]} it sends codes to first.`);
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
      onSubmit={submit}
      aria-label="Add a way in"
    >
      <div className="form-grid">
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as MethodKind)}>
            {METHOD_KINDS.map((option) => (
              <option key={option} value={option}>
                {METHOD_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        {contactKind && (
          <label>
            {contactKind === 'phone' ? 'Sent to the phone number' : 'Sent to the address'}
            {usable.length > 0 ? (
              <select value={chosen} onChange={(event) => setContactId(event.target.value)}>
                {usable.map((contact) => (
                  <option key={contact.id} value={contact.id}>
                    {contact.display}
                    {contact.label ? ` (${contact.label})` : ''}
                  </option>
                ))}
              </select>
            ) : (
              <span className="hint">No {KIND_NOUNS[contactKind]} yet.</span>
            )}
          </label>
        )}
        {needsDevice && (
          <label>
            {kind === 'authenticator' ? 'Where else the seed is (app and phone)' : 'Device'}
            <input
              autoComplete="off"
              value={device}
              maxLength={200}
              placeholder={DEVICE_EXAMPLES[kind] ?? ''}
              onChange={(event) => setDevice(event.target.value)}
            />
          </label>
        )}
      </div>
      {contactKind && (
        <div className="actions start">
          <button type="button" className="quiet" onClick={() => setAddingContact(true)}>
            <PlusIcon width="16" height="16" /> New {KIND_NOUNS[contactKind]}…
          </button>
        </div>
      )}
      <ErrorMessage error={save.error} />
      <FormActions submitLabel="Add" onCancel={onCancel} busy={save.busy} />
    </form>
  );
}
