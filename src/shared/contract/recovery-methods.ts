import { z } from 'zod';
import {
  type AccountRecovery,
  CONTACT_KINDS,
  type Contact,
  type ContactUse,
  METHOD_KINDS,
  type TwoFactorMethod,
} from '../recovery.js';
import {
  MAX_CONTACT_LABEL_LENGTH,
  MAX_CONTACT_VALUE_LENGTH,
  MAX_DEVICE_LENGTH,
  MAX_RECOVERY_NOTES_LENGTH,
  MAX_URL_LENGTH,
} from '../input-limits.js';
import { AccountIdSchema } from './account-methods.js';
import { method, noInput } from './define.js';

export const ContactIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not a contact id.');
const MethodIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not a method id.');
/** A past date the user picked (epoch ms). */
const PastInstantSchema = z.number().int().nonnegative();

export interface RetireContactResult {
  contact: Contact;
  affected: ContactUse[];
}

export const recoveryMethods = {
  listContacts: method(noInput).returns<Contact[]>(),
  addContact: method(
    z
      .object({
        kind: z.enum(CONTACT_KINDS),
        value: z.string().min(1).max(MAX_CONTACT_VALUE_LENGTH),
        label: z.string().max(MAX_CONTACT_LABEL_LENGTH).optional(),
        confirmedAt: PastInstantSchema.nullable().optional(),
      })
      .strict(),
  ).returns<Contact>(),
  updateContact: method(
    z
      .object({
        id: ContactIdSchema,
        label: z.string().max(MAX_CONTACT_LABEL_LENGTH).optional(),
        value: z.string().min(1).max(MAX_CONTACT_VALUE_LENGTH).optional(),
      })
      .strict(),
  ).returns<Contact>(),
  confirmContact: method(
    z.object({ id: ContactIdSchema, at: PastInstantSchema.optional() }).strict(),
  ).returns<Contact>(),
  /** Marks a contact retired and answers with every account that still depends on it. */
  retireContact: method(z.object({ id: ContactIdSchema }).strict()).returns<RetireContactResult>(),
  reinstateContact: method(z.object({ id: ContactIdSchema }).strict()).returns<Contact>(),
  removeContact: method(z.object({ id: ContactIdSchema }).strict()).returns<null>(),
  contactUses: method(z.object({ id: ContactIdSchema }).strict()).returns<ContactUse[]>(),

  getRecovery: method(z.object({ accountId: AccountIdSchema }).strict()).returns<AccountRecovery>(),
  addMethod: method(
    z
      .object({
        accountId: AccountIdSchema,
        kind: z.enum(METHOD_KINDS),
        contactId: ContactIdSchema.nullable().optional(),
        device: z.string().max(MAX_DEVICE_LENGTH).optional(),
      })
      .strict(),
  ).returns<TwoFactorMethod>(),
  removeMethod: method(
    z.object({ accountId: AccountIdSchema, methodId: MethodIdSchema }).strict(),
  ).returns<AccountRecovery>(),
  /** Marks a method as no longer working, or as working again. */
  setMethodWorking: method(
    z
      .object({ accountId: AccountIdSchema, methodId: MethodIdSchema, working: z.boolean() })
      .strict(),
  ).returns<AccountRecovery>(),
  updateRecovery: method(
    z
      .object({
        accountId: AccountIdSchema,
        supportUrl: z.string().max(MAX_URL_LENGTH).optional(),
        recoveryNotes: z.string().max(MAX_RECOVERY_NOTES_LENGTH).optional(),
      })
      .strict(),
  ).returns<AccountRecovery>(),
  addRecoveryContact: method(
    z.object({ accountId: AccountIdSchema, contactId: ContactIdSchema }).strict(),
  ).returns<AccountRecovery>(),
  removeRecoveryContact: method(
    z.object({ accountId: AccountIdSchema, contactId: ContactIdSchema }).strict(),
  ).returns<AccountRecovery>(),
  /** "I just tested this sign-in" (or on a chosen past date). */
  markTested: method(
    z.object({ accountId: AccountIdSchema, at: PastInstantSchema.optional() }).strict(),
  ).returns<AccountRecovery>(),
};
