import type { HealthFinding } from '../../../shared/health.js';
import { contactUses } from '../../contacts/contact-uses.js';
import { accountFactors } from '../account-factors.js';
import { type HealthRule } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';
import { DAY_MS } from '../../../shared/durations.js';

/** A retired phone or e-mail that an account still sends codes to, or uses for recovery: critical. */
export const retiredContactInUse: HealthRule = {
  id: 'contacts.retired-in-use',
  check(snapshot) {
    const findings: HealthFinding[] = [];
    for (const contact of snapshot.contacts) {
      if (contact.retiredAt === null) continue;
      for (const use of contactUses(contact, snapshot.accounts, snapshot.recoveries)) {
        findings.push({
          ruleId: 'contacts.retired-in-use',
          severity: 'critical',
          accountId: use.accountId,
          contactId: contact.id,
          title: `${use.role === 'method' ? 'Codes go' : 'Recovery goes'} to a retired ${contact.kind === 'phone' ? 'number' : 'address'}`,
          message:
            use.role === 'method'
              ? `${use.accountLabel} still sends its sign-in codes to ${contact.display}, which you retired. The next time it asks, you cannot sign in.`
              : `${use.accountLabel} still lists ${contact.display}, which you retired, as its recovery ${contact.kind === 'phone' ? 'phone' : 'e-mail'}. Recovering the account would send the reset to someone else, or nowhere.`,
          fix: use.fix,
          fixTarget: 'methods',
        });
      }
    }
    return findings;
  },
};

/** A contact nobody has confirmed for longer than the stale limit. */
export const staleContact: HealthRule = {
  id: 'contacts.stale',
  check(snapshot) {
    const limitDays = snapshot.settings.staleContactDays;
    const findings: HealthFinding[] = [];
    for (const contact of snapshot.contacts) {
      if (contact.retiredAt !== null) continue;
      const since = contact.confirmedAt ?? contact.createdAt;
      const days = Math.floor((snapshot.now - since) / DAY_MS);
      if (days <= limitDays) continue;
      const uses = contactUses(contact, snapshot.accounts, snapshot.recoveries);
      const accounts = [...new Set(uses.map((use) => use.accountLabel))];
      findings.push({
        ruleId: 'contacts.stale',
        severity: uses.length > 0 ? 'warning' : 'info',
        accountId: null,
        contactId: contact.id,
        title: `${contact.display} not confirmed for ${days} days`,
        message:
          contact.confirmedAt === null
            ? `You have never confirmed that you still control ${contact.display}${contact.label ? ` (${contact.label})` : ''}.`
            : `You last confirmed that you control ${contact.display}${contact.label ? ` (${contact.label})` : ''} ${days} days ago.` +
              (accounts.length > 0
                ? ` ${accounts.join(', ')} ${accounts.length === 1 ? 'depends' : 'depend'} on it.`
                : ''),
        fix: `Check that ${contact.kind === 'phone' ? 'the number still receives texts' : 'you can still read mail at that address'}, then mark it confirmed; if it is gone, retire it and change every account that uses it.`,
        fixTarget: 'contacts',
      });
    }
    return findings;
  },
};

/** An account with two-step verification and no recovery phone or e-mail registered. */
export const noRecoveryContact: HealthRule = {
  id: 'contacts.none',
  check(snapshot) {
    return accountFactors(snapshot)
      .filter(
        ({ hasTwoFactor, recovery }) =>
          hasTwoFactor && (recovery?.recoveryContactIds.length ?? 0) === 0,
      )
      .map(({ account, kinds }) => ({
        ruleId: 'contacts.none',
        severity: new Set(kinds).size >= 2 ? 'info' : 'warning',
        accountId: account.id,
        title: 'No recovery contact',
        message: `${accountFullName(account)} has no recovery phone or e-mail recorded. If every second factor fails, the site has no way to reach you.`,
        fix: `Add a recovery phone or e-mail in ${accountFullName(account)}'s security settings (if it offers one), then record it here.`,
        fixTarget: 'methods',
      }));
  },
};
