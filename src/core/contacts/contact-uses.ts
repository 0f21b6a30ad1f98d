import type { AccountSummary } from '../../shared/domain.js';
import {
  type AccountRecovery,
  type Contact,
  type ContactUse,
  METHOD_LABELS,
} from '../../shared/recovery.js';
import { accountFullName } from '../../shared/account-names.js';

/**
 * Every way each account depends on `contact`: a 2FA method that sends to it, or
 * its registration as a recovery contact, each with exactly what to change where.
 */
export function contactUses(
  contact: Pick<Contact, 'id' | 'kind' | 'display'>,
  accounts: readonly AccountSummary[],
  recoveries: ReadonlyMap<string, AccountRecovery>,
): ContactUse[] {
  const uses: ContactUse[] = [];
  const what = contact.kind === 'phone' ? 'phone number' : 'e-mail address';
  for (const account of accounts) {
    const recovery = recoveries.get(account.id);
    if (recovery === undefined) continue;
    const label = accountFullName(account);
    const where = recovery.supportUrl || account.url;
    const at = where ? ` (${where})` : '';
    for (const method of recovery.methods) {
      if (method.contactId !== contact.id) continue;
      uses.push({
        accountId: account.id,
        accountLabel: label,
        role: 'method',
        methodKind: method.kind,
        fix: `Sign in to ${label}${at} and, in its two-step verification settings, replace ${METHOD_LABELS[method.kind]} to ${contact.display} with a ${what} you control (or an authenticator app); then update the method in Sparekey.`,
      });
    }
    if (recovery.recoveryContactIds.includes(contact.id)) {
      uses.push({
        accountId: account.id,
        accountLabel: label,
        role: 'recovery',
        methodKind: null,
        fix: `Sign in to ${label}${at} and, in its account-recovery settings, replace the recovery ${what} ${contact.display} with one you control; then update it in Sparekey.`,
      });
    }
  }
  return uses;
}
