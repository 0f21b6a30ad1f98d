import { VaultError } from '../../shared/errors.js';
import type { Contact } from '../../shared/recovery.js';
import { collator } from '../accounts/account-order.js';
import type { VaultContext } from '../vault-context.js';
import { CONTACT_KIND, type ContactRecord, ContactRecordSchema } from './contact-records.js';
import { displayContactValue } from './contact-values.js';

export function toContact(id: string, record: ContactRecord): Contact {
  return { id, ...record, display: displayContactValue(record.kind, record.value) };
}

/**
 * Reading the contacts, for the features that point to them: the recovery methods
 * check the contact a method sends to, the contacts feature lists and changes them.
 * It sits below both, so neither needs the other's service to read a contact.
 */
export class ContactDirectory {
  constructor(private readonly context: VaultContext) {}

  /** Every contact: those in use first, then by kind, then by label or value. */
  list(): Contact[] {
    return this.context
      .read(() => this.context.records().list(CONTACT_KIND, ContactRecordSchema))
      .map((stored) => toContact(stored.id, stored.value))
      .sort(
        (a, b) =>
          Number(a.retiredAt !== null) - Number(b.retiredAt !== null) ||
          a.kind.localeCompare(b.kind) ||
          collator.compare(a.label || a.display, b.label || b.display),
      );
  }

  /** The contact; NOT_FOUND when there is none with that id. */
  get(id: string): Contact {
    return this.context.read(() => toContact(id, this.record(id)));
  }

  /** The stored record, for the contacts feature's own changes. Call inside a transaction. */
  record(id: string): ContactRecord {
    const stored = this.context.records().get(CONTACT_KIND, id, ContactRecordSchema);
    if (stored === undefined)
      throw new VaultError('NOT_FOUND', `There is no contact with id ${id}.`);
    return stored.value;
  }
}
