import { formatDay } from '../../../shared/dates.js';
import type { RawFinding } from '../finding.js';
import { finding } from '../finding.js';
import type { HealthRule } from '../health-rule.js';
import { cliArgument, nameOf } from './wording.js';

/**
 * A printed recovery sheet that no longer matches the vault.
 * `habits.sheet-outdated` (warning): its backup codes were replaced or added to,
 * or its seed changed or was added (codes on the paper may no longer work).
 * `habits.sheet-details-outdated` (info): its methods, recovery contacts or notes
 * changed, its seed was removed, or a contact it lists changed or was retired
 * (the paper misleads). A code used since printing does not count: the sheet has
 * a tick box for that. A change at the very instant of printing is on the sheet.
 */
export const sheetOutdated: HealthRule = {
  id: 'habits.sheet',
  vault(model) {
    const { snapshot } = model;
    const accounts = new Map(snapshot.accounts.map((account) => [account.id, account]));
    return snapshot.sheets.flatMap((facts): RawFinding[] => {
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
        const contact = model.contacts.get(printed.id);
        if (contact === undefined) minor.push('a contact it lists was deleted');
        else if (contact.value !== printed.value)
          minor.push(`a contact it lists is now ${contact.display}`);
        else if (!printed.retired && after(contact.retiredAt)) {
          minor.push(`${contact.display}, which it lists, was retired`);
        }
      }
      if (serious.length === 0 && minor.length === 0) return [];
      const name = nameOf(account);
      const reasons = [...serious, ...minor];
      return [
        finding(serious.length > 0 ? 'habits.sheet-outdated' : 'habits.sheet-details-outdated', {
          accountId: account.id,
          text: () => ({
            title:
              serious.length > 0
                ? 'Printed recovery sheet is out of date'
                : 'Printed recovery sheet no longer matches',
            message:
              `The recovery sheet for ${name} printed on ${formatDay(facts.printedAt)} is out of date: ${reasons.join('; ')}.` +
              (serious.length > 0 ? ' Codes on that paper may no longer work.' : ''),
            fix: `Print a new recovery sheet for ${name} in Sheets & backups (“Print a new sheet” takes you there with the account chosen), and shred the old one.`,
            terminalFix: `Print a new recovery sheet with \`sparekey sheet ${cliArgument(account)}\`, and shred the old one.`,
          }),
          fixTarget: 'sheet',
          facts: [facts.printedAt, ...reasons],
        }),
      ];
    });
  },
};
