import { useState } from 'react';
import type { Contact, ContactKind } from '../../../shared/recovery.js';
import { call } from '../api.js';
import type { NavRequest } from '../app/navigation.js';
import { useVaultQuery } from '../app/vault-data.js';
import { ErrorMessage } from '../ui/Forms.js';
import { PlusIcon } from '../ui/icons.js';
import { ContactCard } from './ContactCard.js';
import { ContactForm } from './ContactForm.js';

const GROUPS: { kind: ContactKind; title: string }[] = [
  { kind: 'phone', title: 'Phone numbers' },
  { kind: 'email', title: 'E-mail addresses' },
];

/**
 * The phone numbers and e-mail addresses accounts send codes to or recover
 * through: when each was last confirmed, which accounts depend on it, and
 * retiring one (with every account it affects listed first).
 */
export function ContactsView({ request }: { request: Extract<NavRequest, { view: 'contacts' }> }) {
  const { data: contacts, error } = useVaultQuery(() => call('listContacts', {}), 'contacts');
  const [adding, setAdding] = useState(false);
  const focus = (contact: Contact) =>
    request.contactId === contact.id ? request.serial : undefined;

  const group = (title: string, list: Contact[], id: string) =>
    list.length > 0 && (
      <section className="contact-group" aria-labelledby={id}>
        <h3 id={id} className="group-title">
          {title} ({list.length})
        </h3>
        <ul className="contacts">
          {list.map((contact) => (
            <ContactCard key={contact.id} contact={contact} focusSerial={focus(contact)} />
          ))}
        </ul>
      </section>
    );

  return (
    <div className="page" aria-busy={contacts === null}>
      <div className="page-head">
        <h2>Contacts</h2>
        {!adding && contacts !== null && contacts.length > 0 && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            <PlusIcon /> Add contact
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      {adding && (
        <section className="card" aria-label="Add a contact">
          <ContactForm onCancel={() => setAdding(false)} onSaved={() => setAdding(false)} />
        </section>
      )}
      {contacts !== null && contacts.length === 0 && !adding && (
        <section className="empty" aria-labelledby="contacts-empty-title">
          <h3 id="contacts-empty-title">No phone numbers or e-mail addresses yet</h3>
          <p>
            Add the numbers your accounts text codes to and the addresses they send resets to. When
            a number changes, retiring it here lists every account that still depends on it, before
            a site sends your codes to someone else.
          </p>
          <p className="muted">Start with your mobile number and your main e-mail address.</p>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            <PlusIcon /> Add your first contact
          </button>
        </section>
      )}
      {contacts !== null && (
        <>
          {GROUPS.map(({ kind, title }) =>
            group(
              title,
              contacts.filter((contact) => contact.kind === kind && contact.retiredAt === null),
              `contacts-${kind}`,
            ),
          )}
          {group(
            'Retired',
            contacts.filter((contact) => contact.retiredAt !== null),
            'contacts-retired',
          )}
        </>
      )}
    </div>
  );
}
