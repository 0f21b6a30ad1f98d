import type { AccountSummary } from '../../../shared/domain.js';
import type { FindingText, RawFinding } from '../finding.js';
import type { Contact } from '../../../shared/recovery.js';
import { DAY_MS } from '../../../shared/durations.js';
import { finding, listWords, NO_FACTS } from '../finding.js';
import type { AccountFacts, HealthModel, HealthRule } from '../health-rule.js';
import { cliArgument, nameOf, siteOf } from './wording.js';

/** `recovery.retired-contact` (warning): a retired contact is still the account's recovery contact. */
function retiredRecoveryContact(
  { account, ways }: AccountFacts,
  model: HealthModel,
  out: RawFinding[],
): void {
  for (const state of ways.recovery.contacts) {
    if (state.state !== 'broken') continue;
    const contact = model.contacts.get(state.contactId);
    if (contact?.retiredAt == null) continue;
    const what = contact.kind === 'phone' ? 'phone' : 'e-mail';
    out.push(
      finding('recovery.retired-contact', {
        accountId: account.id,
        subject: contact.id,
        contactId: contact.id,
        fixTarget: 'methods',
        facts: [contact.id, contact.retiredAt],
        text: () => ({
          title: `Recovery goes to a retired ${contact.kind === 'phone' ? 'number' : 'address'}`,
          message: `${nameOf(account)} still lists ${contact.display}, which you retired, as its recovery ${what}: recovering the account would send the reset to whoever has it now, or nowhere.`,
          fix: `Replace the recovery ${what} at ${siteOf(account)} with one you have, then record it here with “Add recovery contact” and remove the retired one.`,
          terminalFix: `Replace the recovery ${what} at ${siteOf(account)} with one you have, then \`sparekey recovery ${cliArgument(account)} --add-contact … --remove-contact "${contact.value}"\`.`,
        }),
      }),
    );
  }
}

/** What `contacts.none` says (one function for every account it is found on). */
function noRecoveryContactText(account: AccountSummary): FindingText {
  return {
    title: 'No recovery contact',
    message: `${nameOf(account)} has no recovery phone or e-mail recorded. If every way in fails, the site has no way to reach you.`,
    fix: `If ${siteOf(account)} offers a recovery phone or e-mail, set one there, then record it here with “Add recovery contact” (add the number or address under Contacts first).`,
    terminalFix: `If ${siteOf(account)} offers a recovery phone or e-mail, set one there, then \`sparekey recovery ${cliArgument(account)} --add-contact …\`.`,
  };
}

/** `contacts.none` (info): an account with a way in and no recovery phone or e-mail recorded. */
function noRecoveryContact(
  { account, recovery, verdict, onlySeedKnown }: AccountFacts,
  out: RawFinding[],
): void {
  if (onlySeedKnown || (verdict !== 'ok' && verdict !== 'one-way')) return;
  if ((recovery?.recoveryContactIds.length ?? 0) > 0) return;
  out.push(
    finding('contacts.none', {
      accountId: account.id,
      fixTarget: 'methods',
      facts: NO_FACTS,
      about: account,
      text: noRecoveryContactText,
    }),
  );
}

/** The names of the accounts that depend on any of `contactIds`, by contact id, from one pass. */
function dependents(model: HealthModel, contactIds: ReadonlySet<string>): Map<string, string[]> {
  const byContact = new Map<string, string[]>();
  for (const { account, recovery } of model.accounts) {
    if (recovery === undefined) continue;
    const ids = new Set<string>();
    for (const method of recovery.methods) {
      if (method.contactId !== null && contactIds.has(method.contactId)) ids.add(method.contactId);
    }
    for (const id of recovery.recoveryContactIds) if (contactIds.has(id)) ids.add(id);
    for (const id of ids) {
      const names = byContact.get(id);
      if (names === undefined) byContact.set(id, [nameOf(account)]);
      else names.push(nameOf(account));
    }
  }
  return byContact;
}

/** `contacts.stale` (warning): a contact accounts depend on, not confirmed for longer than the limit. */
function staleContacts(model: HealthModel): RawFinding[] {
  const { now, settings } = model.snapshot;
  const limitDays = settings.staleContactDays;
  const stale = model.snapshot.contacts.filter(
    (contact) =>
      contact.retiredAt === null &&
      Math.floor((now - (contact.confirmedAt ?? contact.createdAt)) / DAY_MS) > limitDays,
  );
  // Most checks find none: the accounts are looked through only for the stale ones.
  if (stale.length === 0) return [];
  const uses = dependents(model, new Set(stale.map((contact) => contact.id)));
  const findings: RawFinding[] = [];
  for (const contact of stale) {
    const since = contact.confirmedAt ?? contact.createdAt;
    const days = Math.floor((now - since) / DAY_MS);
    const accounts = uses.get(contact.id) ?? [];
    if (accounts.length === 0) continue;
    findings.push(
      finding('contacts.stale', {
        accountId: null,
        subject: contact.id,
        contactId: contact.id,
        fixTarget: 'contacts',
        facts: [since],
        text: () => {
          const check =
            contact.kind === 'phone'
              ? 'the number still receives texts'
              : 'you can still read mail at that address';
          const more = accounts.length > 5 ? ` and ${accounts.length - 5} more` : '';
          return {
            title: `${contact.display} not confirmed for ${days} days`,
            message: `${contact.confirmedAt === null ? `You have never confirmed that you still have ${describe(contact)}` : `You last confirmed that you have ${describe(contact)} ${days} days ago`}. ${listWords(accounts.slice(0, 5))}${more} ${accounts.length === 1 ? 'depends' : 'depend'} on it.`,
            fix: `Check that ${check}, then choose “Confirm” on it under Contacts; if it is gone, choose “Retire…” and change every account that uses it.`,
            terminalFix: `Check that ${check}, then \`sparekey contacts confirm "${contact.value}"\`; if it is gone, \`sparekey contacts retire "${contact.value}"\`.`,
          };
        },
      }),
    );
  }
  return findings;
}

function describe(contact: Contact): string {
  return contact.label ? `${contact.display} (${contact.label})` : contact.display;
}

export const contactRules: HealthRule = {
  id: 'contacts',
  account(facts, model, out) {
    retiredRecoveryContact(facts, model, out);
    noRecoveryContact(facts, out);
  },
  vault: staleContacts,
};
