import { Argument } from 'commander';
import { CONTACT_KINDS, type ContactKind } from '../../shared/recovery.js';
import type { CommandModule } from '../command-kit.js';
import { contactLine } from '../contact-format.js';
import { parseDate } from '../session.js';

export const contactsCommand: CommandModule = (program, sessionFor) => {
  const contacts = program
    .command('contacts')
    .description('phone numbers and e-mail addresses your accounts depend on');

  contacts
    .command('add')
    .description('add a phone number (with its country code) or an e-mail address')
    .addArgument(new Argument('<kind>', 'phone or email').choices(CONTACT_KINDS))
    .argument('<value>', 'e.g. "+44 7700 900123" or me@example.com')
    .option('--label <text>', 'e.g. "work mobile"')
    .option('--confirmed <date>', 'when you last confirmed you control it (default: today)')
    .action(
      async (
        kind: ContactKind,
        value: string,
        options: { label?: string; confirmed?: string },
        command,
      ) => {
        const session = sessionFor(command);
        const confirmedAt =
          options.confirmed === undefined ? undefined : parseDate(options.confirmed, '--confirmed');
        const contact = await session.withVault((vault) =>
          vault.contacts.add({ kind, value, label: options.label, confirmedAt }),
        );
        if (session.output.json) session.output.data(contact);
        else session.output.note(`Added ${contact.display} (id ${contact.id}).`);
      },
    );

  contacts
    .command('list')
    .description('list contacts, with when each was last confirmed')
    .action(async (_options, command) => {
      const session = sessionFor(command);
      const list = await session.withVault((vault) => vault.contacts.list());
      const out = session.output;
      if (out.json) return out.data(list);
      if (list.length === 0)
        return out.note(
          'No contacts yet. Add one with `sparekey contacts add phone|email <value>`.',
        );
      out.table(['ID', 'KIND', 'CONTACT', 'LABEL', 'CONFIRMED', 'STATE'], list.map(contactLine));
    });

  contacts
    .command('confirm')
    .description('record that you still control a contact')
    .argument('<contact>', 'its id, number, address or label')
    .option('--on <date>', 'the date you confirmed it (default: today)')
    .action(async (query: string, options: { on?: string }, command) => {
      const session = sessionFor(command);
      const at = options.on === undefined ? undefined : parseDate(options.on, '--on');
      const contact = await session.withVault((vault) =>
        vault.contacts.confirm(vault.contacts.resolve(query).id, at),
      );
      if (session.output.json) session.output.data(contact);
      else session.output.note(`Confirmed ${contact.display}.`);
    });

  contacts
    .command('retire')
    .description(
      'mark a contact as no longer yours, and list every account that still depends on it',
    )
    .argument('<contact>', 'its id, number, address or label')
    .action(async (query: string, _options, command) => {
      const session = sessionFor(command);
      const result = await session.withVault((vault) =>
        vault.contacts.retire(vault.contacts.resolve(query).id),
      );
      const out = session.output;
      if (out.json) return out.data(result);
      out.note(`Retired ${result.contact.display}.`);
      if (result.affected.length === 0) return out.note('No account depends on it.');
      const count = result.affected.length;
      const places = count === 1 ? 'place still depends' : 'places still depend';
      out.line(`✖ CRITICAL: ${count} ${places} on ${result.contact.display}:`);
      for (const use of result.affected) {
        out.line(
          `- ${use.accountLabel} (${use.role === 'method' ? 'sends sign-in codes to it' : 'recovery contact'})`,
        );
        out.line(`  Fix: ${use.fix}`);
      }
    });

  contacts
    .command('reinstate')
    .description('undo a retirement')
    .argument('<contact>', 'its id, number, address or label')
    .action(async (query: string, _options, command) => {
      const session = sessionFor(command);
      const contact = await session.withVault((vault) =>
        vault.contacts.reinstate(vault.contacts.resolve(query).id),
      );
      if (session.output.json) session.output.data(contact);
      else session.output.note(`${contact.display} is in use again.`);
    });

  contacts
    .command('remove')
    .description('remove a contact no account uses')
    .argument('<contact>', 'its id, number, address or label')
    .action(async (query: string, _options, command) => {
      const session = sessionFor(command);
      const contact = await session.withVault((vault) => {
        const found = vault.contacts.resolve(query);
        vault.contacts.remove(found.id);
        return found;
      });
      if (session.output.json) session.output.data({ removed: contact.id });
      else session.output.note(`Removed ${contact.display}.`);
    });
};
