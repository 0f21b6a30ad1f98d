import { z } from 'zod';
import {
  type AccountRecovery,
  CONTACT_KINDS,
  type Contact,
  type ContactUse,
  METHOD_KINDS,
  type TwoFactorMethod,
} from '../recovery.js';
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
        value: z.string().min(1).max(320),
        label: z.string().max(100).optional(),
        confirmedAt: PastInstantSchema.nullable().optional(),
      })
      .strict(),
  ).returns<Contact>(),
  updateContact: method(
    z
      .object({
        id: ContactIdSchema,
        label: z.string().max(100).optional(),
        value: z.string().min(1).max(320).optional(),
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
        device: z.string().max(200).optional(),
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
        supportUrl: z.string().max(2048).optional(),
        recoveryNotes: z.string().max(20_000).optional(),
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
