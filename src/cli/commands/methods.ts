import { Argument } from 'commander';
import { VaultError } from '../../shared/errors.js';
import type { AccountSummary } from '../../shared/domain.js';
import {
  METHOD_KINDS,
  METHOD_LABELS,
  type MethodKind,
  type TwoFactorMethod,
} from '../../shared/recovery.js';
import type { Vault } from '../../core/index.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';
import { formatDate } from '../output.js';

export const methodsCommand: CommandModule = (program, sessionFor) => {
  const methods = program
    .command('methods')
    .description("an account's two-step verification methods");

  methods
    .command('add')
    .description('record a way the account lets you in')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .addArgument(new Argument('<kind>', 'the kind of method').choices(METHOD_KINDS))
    .option(
      '--contact <contact>',
      'the phone or e-mail it sends codes to (sms, voice, whatsapp, email-code)',
    )
    .option(
      '--device <name>',
      'where it lives, e.g. "Google Authenticator on Pixel 8", "YubiKey 5C"',
    )
    .action(
      async (
        query: string,
        kind: MethodKind,
        options: { contact?: string; device?: string },
        command,
      ) => {
        const session = sessionFor(command);
        const { account, method } = await session.withVault((vault) => {
          const account = vault.accounts.resolve(query);
          const contactId =
            options.contact === undefined ? undefined : vault.contacts.resolve(options.contact).id;
          return {
            account,
            method: vault.recovery.addMethod(account.id, {
              kind,
              contactId,
              device: options.device,
            }),
          };
        });
        if (session.output.json) session.output.data(method);
        else
          session.output.note(
            `Added ${METHOD_LABELS[method.kind]} to ${accountFullName(account)} (method id ${method.id}).`,
          );
      },
    );

  methods
    .command('list')
    .description("list an account's methods and recovery contacts")
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .action(async (query: string, _options, command) => {
      const session = sessionFor(command);
      const { account, recovery, contacts } = await session.withVault((vault) => {
        const account = vault.accounts.resolve(query);
        return {
          account,
          recovery: vault.recovery.get(account.id),
          contacts: vault.contacts.list(),
        };
      });
      const out = session.output;
      if (out.json) return out.data(recovery);
      const contact = (id: string | null) => contacts.find((candidate) => candidate.id === id);
      out.line(accountFullName(account));
      if (account.otp) out.line(`  Authenticator seed stored in Sparekey`);
      if (recovery.methods.length === 0 && !account.otp)
        out.line('  No two-step verification methods recorded.');
      for (const method of recovery.methods) {
        const target = contact(method.contactId);
        const detail = target
          ? ` to ${target.display}${target.retiredAt ? ' (RETIRED)' : ''}`
          : method.device
            ? `: ${method.device}`
            : '';
        const lost =
          method.notWorkingSince === null
            ? ''
            : ` (NOT WORKING since ${formatDate(method.notWorkingSince)})`;
        out.line(`  ${method.id}  ${METHOD_LABELS[method.kind]}${detail}${lost}`);
      }
      for (const id of recovery.recoveryContactIds) {
        const target = contact(id);
        if (target)
          out.line(
            `  recovery ${target.kind}: ${target.display}${target.retiredAt ? ' (RETIRED)' : ''}`,
          );
      }
      if (recovery.supportUrl) out.line(`  support: ${recovery.supportUrl}`);
      out.line(
        `  sign-in last tested: ${recovery.lastTestedAt === null ? 'never' : formatDate(recovery.lastTestedAt)}`,
      );
    });

  methods
    .command('remove')
    .description('remove a method, by its id or (when the account has one of that kind) its kind')
    .argument('<account>', 'an id, an issuer, or issuer:account')
    .argument('<method>', 'the method id, or its kind')
    .action(async (query: string, which: string, _options, command) => {
      const session = sessionFor(command);
      const recovery = await session.withVault((vault) => {
        const { account, method } = findMethod(vault, query, which);
        return vault.recovery.removeMethod(account.id, method.id);
      });
      if (session.output.json) session.output.data(recovery);
      else session.output.note('Removed.');
    });

  for (const [name, working, description] of [
    [
      'not-working',
      false,
      'mark a method as no longer working (a lost phone or key, a device gone, texts that never come)',
    ],
    ['works', true, 'mark a method as working again'],
  ] as const) {
    methods
      .command(name)
      .description(description)
      .argument('<account>', 'an id, an issuer, or issuer:account')
      .argument('<method>', 'the method id, or its kind')
      .option('--at <time>', 'record it as of this ISO-8601 time instead of now')
      .action(async (query: string, which: string, options: { at?: string }, command) => {
        const session = sessionFor(command);
        const clock = session.clock(options.at);
        const { account, recovery } = await session.withVault(
          (vault) => {
            const { account, method } = findMethod(vault, query, which);
            return {
              account,
              recovery: vault.recovery.setMethodWorking(account.id, method.id, working),
            };
          },
          { clock },
        );
        if (session.output.json) session.output.data(recovery);
        else
          session.output.note(
            working
              ? `Marked as working again (${accountFullName(account)}).`
              : `Marked as no longer working (${accountFullName(account)}); \`sparekey health\` says what still gets you in.`,
          );
      });
  }
};

/** An account's method by its id, or by its kind when the account has one of that kind. */
function findMethod(
  vault: Vault,
  query: string,
  which: string,
): { account: AccountSummary; method: TwoFactorMethod } {
  const account = vault.accounts.resolve(query);
  const { methods } = vault.recovery.get(account.id);
  const matching = methods.filter((method) => method.id === which || method.kind === which);
  if (matching.length === 0)
    throw new VaultError('NOT_FOUND', `${accountFullName(account)} has no method "${which}".`);
  if (matching.length > 1) {
    throw new VaultError(
      'AMBIGUOUS',
      `${accountFullName(account)} has ${matching.length} ${which} methods; give the method id.`,
      {
        candidates: matching.map((method) => ({
          id: method.id,
          issuer: METHOD_LABELS[method.kind],
          accountName: method.device,
        })),
      },
    );
  }
  return { account, method: matching[0] as TwoFactorMethod };
}
