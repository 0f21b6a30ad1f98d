import { VaultError, invalidInput } from '../../shared/errors.js';
import { MAX_CONTACT_LABEL_LENGTH } from '../../shared/input-limits.js';
import type { Contact, ContactKind, ContactUse } from '../../shared/recovery.js';
import { collator } from '../accounts/account-order.js';
import type { VaultContext } from '../vault-context.js';
import { type ContactDirectory, toContact } from './contact-directory.js';
import { CONTACT_KIND, type ContactRecord } from './contact-records.js';
import { contactUses } from './contact-uses.js';
import { displayContactValue, normalizeContactValue } from './contact-values.js';
import type { RecoveryService } from '../recovery/recovery.js';
import type { AccountService } from '../accounts/accounts.js';
import type { HistoryService } from '../history/history.js';

export interface NewContact {
  kind: ContactKind;
  value: string;
  label?: string | undefined;
  /** When the user last confirmed they control it; defaults to now (they are adding it). */
  confirmedAt?: number | null | undefined;
}

export interface RetireResult {
  contact: Contact;
  /** Every account that still sends codes to the contact or uses it for recovery. */
  affected: ContactUse[];
}

function cleanLabel(label: string | undefined): string {
  const text = (label ?? '').trim();
  if (text.length > MAX_CONTACT_LABEL_LENGTH)
    throw invalidInput(`The label is too long (at most ${MAX_CONTACT_LABEL_LENGTH} characters).`);
  return text;
}

/** Phone numbers and e-mail addresses: records of their own that accounts point to. */
export class ContactService {
  constructor(
    private readonly context: VaultContext,
    private readonly directory: ContactDirectory,
    private readonly accounts: AccountService,
    private readonly recovery: RecoveryService,
    private readonly history: HistoryService,
  ) {}

  add(input: NewContact): Contact {
    const value = normalizeContactValue(input.kind, input.value);
    const label = cleanLabel(input.label);
    return this.context.write(() => {
      const existing = this.list().find(
        (contact) => contact.kind === input.kind && contact.value === value,
      );
      if (existing) {
        throw invalidInput(
          `${existing.display} is already a contact${existing.label ? ` ("${existing.label}")` : ''}.`,
        );
      }
      const now = this.context.clock.now();
      const record: ContactRecord = {
        kind: input.kind,
        value,
        label,
        confirmedAt: input.confirmedAt === undefined ? now : input.confirmedAt,
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const id = this.context.newId();
      this.context.records().put(CONTACT_KIND, id, null, record);
      return toContact(id, record);
    });
  }

  list(): Contact[] {
    return this.directory.list();
  }

  get(id: string): Contact {
    return this.directory.get(id);
  }

  /** Finds the contact a person means: its id (or a prefix), its value, or its label. */
  resolve(query: string): Contact {
    const wanted = query.trim();
    if (wanted === '')
      throw invalidInput('Say which contact: an id, the number or address, or its label.');
    const contacts = this.list();
    const lower = wanted.toLowerCase();
    const byId = contacts.filter((contact) => contact.id === lower);
    if (byId.length === 1) return byId[0] as Contact;
    const asValue = (kind: ContactKind) => {
      try {
        return normalizeContactValue(kind, wanted);
      } catch {
        return null;
      }
    };
    const phone = asValue('phone');
    const email = asValue('email');
    let matches = contacts.filter(
      (contact) =>
        (contact.kind === 'phone' && contact.value === phone) ||
        (contact.kind === 'email' && contact.value === email) ||
        (contact.label !== '' && collator.compare(contact.label, wanted) === 0),
    );
    if (matches.length === 0 && /^[0-9a-f]{4,}$/.test(lower)) {
      matches = contacts.filter((contact) => contact.id.startsWith(lower));
    }
    if (matches.length === 1) return matches[0] as Contact;
    if (matches.length === 0) throw new VaultError('NOT_FOUND', `No contact matches "${wanted}".`);
    throw new VaultError(
      'AMBIGUOUS',
      `"${wanted}" matches ${matches.length} contacts; use its id.`,
      {
        candidates: matches.map(({ id, display, label }) => ({
          id,
          issuer: display,
          accountName: label,
        })),
      },
    );
  }

  update(id: string, patch: { label?: string | undefined; value?: string | undefined }): Contact {
    return this.context.write(() => {
      const current = this.getRecord(id);
      const value =
        patch.value === undefined
          ? current.value
          : normalizeContactValue(current.kind, patch.value);
      if (
        value !== current.value &&
        this.list().some(
          (contact) =>
            contact.id !== id && contact.kind === current.kind && contact.value === value,
        )
      ) {
        throw invalidInput(`${displayContactValue(current.kind, value)} is already a contact.`);
      }
      const record: ContactRecord = {
        ...current,
        value,
        label: patch.label === undefined ? current.label : cleanLabel(patch.label),
        updatedAt: this.context.clock.now(),
      };
      this.context.records().put(CONTACT_KIND, id, null, record);
      return toContact(id, record);
    });
  }

  /** "I still control this": records the date it was last confirmed. */
  confirm(id: string, at: number = this.context.clock.now()): Contact {
    return this.context.write(() => {
      const current = this.getRecord(id);
      if (current.retiredAt !== null) {
        throw new VaultError(
          'REFUSED',
          `${displayContactValue(current.kind, current.value)} is retired; reinstate it first if you control it again.`,
        );
      }
      if (at > this.context.clock.now())
        throw invalidInput('The confirmation date is in the future.');
      const record: ContactRecord = {
        ...current,
        confirmedAt: at,
        updatedAt: this.context.clock.now(),
      };
      this.context.records().put(CONTACT_KIND, id, null, record);
      return toContact(id, record);
    });
  }

  /**
   * "I changed my number", "I closed that mailbox": marks the contact retired and
   * returns every account that still depends on it, with what to change where.
   */
  retire(id: string): RetireResult {
    return this.context.write(() => {
      const current = this.getRecord(id);
      const now = this.context.clock.now();
      const record: ContactRecord =
        current.retiredAt === null ? { ...current, retiredAt: now, updatedAt: now } : current;
      this.context.records().put(CONTACT_KIND, id, null, record);
      const contact = toContact(id, record);
      const affected = this.uses(contact);
      if (current.retiredAt === null) {
        for (const accountId of new Set(affected.map((use) => use.accountId))) {
          this.history.record(accountId, {
            type: 'contacts.retire',
            detail: { contactId: id, kind: contact.kind },
          });
        }
      }
      return { contact, affected };
    });
  }

  /** Undoes a retirement (a mistaken click, or the number came back). */
  reinstate(id: string): Contact {
    return this.context.write(() => {
      const current = this.getRecord(id);
      const record: ContactRecord = {
        ...current,
        retiredAt: null,
        updatedAt: this.context.clock.now(),
      };
      this.context.records().put(CONTACT_KIND, id, null, record);
      return toContact(id, record);
    });
  }

  /** Removes a contact no account uses any more. */
  remove(id: string): void {
    this.context.write(() => {
      const contact = toContact(id, this.getRecord(id));
      const uses = this.uses(contact);
      if (uses.length > 0) {
        throw new VaultError(
          'REFUSED',
          `${contact.display} is still used by ${[...new Set(uses.map((use) => use.accountLabel))].join(', ')}; change those accounts first, or retire the contact instead.`,
        );
      }
      this.context.records().delete(CONTACT_KIND, id);
    });
  }

  /** Every account that sends codes to the contact or uses it for recovery. */
  uses(contact: Pick<Contact, 'id' | 'kind' | 'display'>): ContactUse[] {
    return this.context.read(() => contactUses(contact, this.accounts.list(), this.recovery.all()));
  }

  private getRecord(id: string): ContactRecord {
    return this.directory.record(id);
  }
}
