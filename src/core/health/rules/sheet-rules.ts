import { formatDay } from '../../../shared/dates.js';
import type { HealthFinding } from '../../../shared/health.js';
import { type HealthRule } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';

/**
 * A printed recovery sheet that no longer matches the vault: its backup codes
 * were replaced or added to, its seed changed (warning: codes or a seed on the
 * paper no longer work), or its methods, recovery contacts or notes changed, or
 * a contact it lists changed or was retired (info: the paper misleads). A code
 * used since printing does not count: the sheet has a tick box for that.
 * A change at the very instant of printing is on the sheet.
 */
export const sheetOutdated: HealthRule = {
  id: 'habits.sheet-outdated',
  check(snapshot) {
    const accounts = new Map(snapshot.accounts.map((account) => [account.id, account]));
    const contacts = new Map(snapshot.contacts.map((contact) => [contact.id, contact]));
    return snapshot.sheets.flatMap((facts): HealthFinding[] => {
      const account = accounts.get(facts.accountId);
      if (account === undefined) return [];
      const after = (at: number | null | undefined) => at != null && at > facts.printedAt;
      const serious: string[] = [];
      const minor: string[] = [];
      if (after(facts.codeSetsChangedAt))
        serious.push('its backup codes were replaced or added to');
      if (after(facts.seedChangedAt)) {
        serious.push(
          facts.seedPrinted ? 'its authenticator seed changed' : 'an authenticator seed was added',
        );
      } else if (facts.seedPrinted && facts.seedChangedAt === null) {
        minor.push('its authenticator seed was removed');
      }
      if (after(snapshot.recoveries.get(account.id)?.changedAt)) {
        minor.push('its two-step methods, recovery contacts, support page or notes changed');
      }
      for (const printed of facts.printedContacts) {
        const contact = contacts.get(printed.id);
        if (contact === undefined) minor.push('a contact it lists was deleted');
        else if (contact.value !== printed.value)
          minor.push(`a contact it lists is now ${contact.display}`);
        else if (!printed.retired && after(contact.retiredAt)) {
          minor.push(`${contact.display}, which it lists, was retired`);
        }
      }
      if (serious.length === 0 && minor.length === 0) return [];
      const name = accountFullName(account);
      const reasons = [...serious, ...minor];
      return [
        {
          ruleId: 'habits.sheet-outdated',
          severity: serious.length > 0 ? 'warning' : 'info',
          accountId: account.id,
          title: 'Printed recovery sheet is out of date',
          message:
            `The recovery sheet for ${name} printed on ${formatDay(facts.printedAt)} is out of date: ${reasons.join('; ')}.` +
            (serious.length > 0 ? ' Codes on that paper may no longer work.' : ''),
          fix: `Print a new recovery sheet for ${name} and shred the old one: in the app, "Print a new sheet" (Sheets & backups); in a terminal, \`sparekey sheet\`.`,
          fixTarget: 'sheet',
        },
      ];
    });
  },
};
