import { accountLabel } from '../../shared/account-names.js';
import { VaultError, invalidInput } from '../../shared/errors.js';
import {
  MAX_DEVICE_LENGTH,
  MAX_METHODS,
  MAX_RECOVERY_NOTES_LENGTH,
} from '../../shared/input-limits.js';
import {
  type AccountRecovery,
  type ContactKind,
  METHOD_CONTACT_KIND,
  METHOD_LABELS,
  METHOD_NEEDS_DEVICE,
  type MethodKind,
  type TwoFactorMethod,
} from '../../shared/recovery.js';
import { cleanUrl } from '../accounts/account-input.js';
import type { AccountService } from '../accounts/accounts.js';
import type { ContactDirectory } from '../contacts/contact-directory.js';
import { displayContactValue } from '../contacts/contact-values.js';
import type { VaultContext } from '../vault-context.js';
import { RecordMemo } from '../record-memo.js';
import {
  EMPTY_RECOVERY,
  RECOVERY_KIND,
  type RecoveryRecord,
  RecoveryRecordSchema,
} from './recovery-records.js';

export interface NewMethod {
  kind: MethodKind;
  contactId?: string | null | undefined;
  device?: string | undefined;
}

export interface RecoveryPatch {
  supportUrl?: string | undefined;
  recoveryNotes?: string | undefined;
}

/** An account's 2FA methods, recovery contacts, support URL, notes and last test. */
export class RecoveryService {
  /** Every account's record, decrypted again only once changed (for the health check's snapshot). */
  private readonly memo: RecordMemo<typeof RecoveryRecordSchema, AccountRecovery>;

  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
    private readonly contacts: ContactDirectory,
  ) {
    // Frozen: the same objects are handed out until the record changes.
    this.memo = new RecordMemo(context, RECOVERY_KIND, RecoveryRecordSchema, ({ id, value }) =>
      Object.freeze({
        accountId: id,
        ...value,
        methods: Object.freeze(
          value.methods.map((method) => Object.freeze(method)),
        ) as TwoFactorMethod[],
        recoveryContactIds: Object.freeze(value.recoveryContactIds) as string[],
      }),
    );
  }

  get(accountId: string): AccountRecovery {
    return this.context.read(() => {
      this.requireAccount(accountId);
      return { accountId, ...this.read(accountId) };
    });
  }

  /** Every account's recovery record that has been set (keyed by account id), in one pass. */
  all(): Map<string, AccountRecovery> {
    return this.context.read(
      () => new Map(this.memo.all().map((recovery) => [recovery.accountId, recovery])),
    );
  }

  addMethod(accountId: string, input: NewMethod): TwoFactorMethod {
    let added: TwoFactorMethod | undefined;
    this.change(accountId, (current) => {
      const contactKind = METHOD_CONTACT_KIND[input.kind];
      const label = METHOD_LABELS[input.kind];
      let contactId: string | null = null;
      if (contactKind !== undefined) {
        if (!input.contactId) {
          throw invalidInput(
            `${label} sends codes to ${contactNoun(contactKind)}: say which contact.`,
          );
        }
        const contact = this.contact(input.contactId);
        if (contact.kind !== contactKind) {
          throw invalidInput(
            `${label} needs ${contactNoun(contactKind)}, not ${displayContactValue(contact.kind, contact.value)}.`,
          );
        }
        if (contact.retiredAt !== null) {
          throw new VaultError(
            'REFUSED',
            `${displayContactValue(contact.kind, contact.value)} is retired; add a contact you control.`,
          );
        }
        contactId = input.contactId;
      } else if (input.contactId) {
        throw invalidInput(`${label} does not send codes to a contact.`);
      }
      const device = (input.device ?? '').trim();
      if (device.length > MAX_DEVICE_LENGTH)
        throw invalidInput(
          `The device name is too long (at most ${MAX_DEVICE_LENGTH} characters).`,
        );
      if (device !== '' && !METHOD_NEEDS_DEVICE.includes(input.kind)) {
        throw invalidInput(`${label} is not tied to a device.`);
      }
      const duplicate = current.methods.find(
        (method) =>
          method.kind === input.kind &&
          method.contactId === contactId &&
          method.device.toLowerCase() === device.toLowerCase(),
      );
      if (duplicate)
        throw invalidInput(
          `${accountLabel(this.accounts.get(accountId))} already has this ${label} method.`,
        );
      if (current.methods.length >= MAX_METHODS)
        throw invalidInput(`An account can have at most ${MAX_METHODS} methods.`);
      added = {
        id: this.context.newId(),
        kind: input.kind,
        contactId,
        device,
        addedAt: this.context.clock.now(),
        notWorkingSince: null,
      };
      return { ...current, methods: [...current.methods, added] };
    });
    return added as TwoFactorMethod;
  }

  removeMethod(accountId: string, methodId: string): AccountRecovery {
    return this.change(accountId, (current) => {
      if (!current.methods.some((method) => method.id === methodId)) {
        throw new VaultError('NOT_FOUND', `That account has no method with id ${methodId}.`);
      }
      return { ...current, methods: current.methods.filter((method) => method.id !== methodId) };
    });
  }

  /**
   * Marks a method as no longer working (a lost phone or key, a trusted device
   * gone, texts that never arrive) or, with `working`, as working again.
   */
  setMethodWorking(accountId: string, methodId: string, working: boolean): AccountRecovery {
    return this.change(accountId, (current) => {
      if (!current.methods.some((method) => method.id === methodId)) {
        throw new VaultError('NOT_FOUND', `That account has no method with id ${methodId}.`);
      }
      const now = this.context.clock.now();
      return {
        ...current,
        methods: current.methods.map((method) =>
          method.id !== methodId
            ? method
            : { ...method, notWorkingSince: working ? null : (method.notWorkingSince ?? now) },
        ),
      };
    });
  }

  addRecoveryContact(accountId: string, contactId: string): AccountRecovery {
    return this.change(accountId, (current) => {
      const contact = this.contact(contactId);
      if (contact.retiredAt !== null) {
        throw new VaultError(
          'REFUSED',
          `${displayContactValue(contact.kind, contact.value)} is retired; add a contact you control.`,
        );
      }
      if (current.recoveryContactIds.includes(contactId)) {
        throw invalidInput(
          `${displayContactValue(contact.kind, contact.value)} is already a recovery contact of this account.`,
        );
      }
      return { ...current, recoveryContactIds: [...current.recoveryContactIds, contactId] };
    });
  }

  removeRecoveryContact(accountId: string, contactId: string): AccountRecovery {
    return this.change(accountId, (current) => {
      if (!current.recoveryContactIds.includes(contactId)) {
        throw new VaultError(
          'NOT_FOUND',
          'That contact is not a recovery contact of this account.',
        );
      }
      return {
        ...current,
        recoveryContactIds: current.recoveryContactIds.filter((id) => id !== contactId),
      };
    });
  }

  update(accountId: string, patch: RecoveryPatch): AccountRecovery {
    return this.change(accountId, (current) => {
      const notes = patch.recoveryNotes?.trim();
      if (notes !== undefined && notes.length > MAX_RECOVERY_NOTES_LENGTH)
        throw invalidInput(
          `The recovery notes are too long (at most ${MAX_RECOVERY_NOTES_LENGTH.toLocaleString('en')} characters).`,
        );
      return {
        ...current,
        supportUrl:
          patch.supportUrl === undefined ? current.supportUrl : cleanUrl(patch.supportUrl),
        recoveryNotes: notes ?? current.recoveryNotes,
      };
    });
  }

  /** "I just tested this sign-in" (or on a given date). */
  markTested(accountId: string, at: number = this.context.clock.now()): AccountRecovery {
    if (at > this.context.clock.now()) throw invalidInput('The test date is in the future.');
    return this.context.write(() => {
      this.requireAccount(accountId);
      const next: RecoveryRecord = { ...this.read(accountId), lastTestedAt: at };
      this.context.records().put(RECOVERY_KIND, accountId, accountId, next);
      return { accountId, ...next };
    });
  }

  /** Applies one change to an account's recovery record, in one transaction, stamping `changedAt`. */
  private change(
    accountId: string,
    apply: (current: RecoveryRecord) => RecoveryRecord,
  ): AccountRecovery {
    return this.context.write(() => {
      this.requireAccount(accountId);
      const next: RecoveryRecord = {
        ...apply(this.read(accountId)),
        changedAt: this.context.clock.now(),
      };
      this.context.records().put(RECOVERY_KIND, accountId, accountId, next);
      return { accountId, ...next };
    });
  }

  private read(accountId: string): RecoveryRecord {
    return (
      this.context.records().get(RECOVERY_KIND, accountId, RecoveryRecordSchema)?.value ??
      EMPTY_RECOVERY
    );
  }

  private contact(contactId: string) {
    return this.contacts.get(contactId);
  }

  private requireAccount(accountId: string): void {
    this.accounts.requireExists(accountId);
  }
}

function contactNoun(kind: ContactKind): string {
  return kind === 'phone' ? 'a phone number' : 'an e-mail address';
}
