import { Option } from 'commander';
import type { OtpSeed } from '../../shared/domain.js';
import { VaultError } from '../../shared/errors.js';
import { accountFullName } from '../../shared/account-names.js';
import type { CommandModule } from '../command-kit.js';
import { accountPassword } from '../passwords.js';
import { readAllStdin, type Terminal } from '../terminal.js';
import { parseOtpauthUri, makeSeed, seedWarnings } from '../../core/index.js';

interface AddOptions {
  account?: string;
  url?: string;
  notes?: string;
  otpauth?: string;
  secret?: string;
  type?: string;
  algorithm?: string;
  digits?: string;
  period?: string;
  counter?: string;
  username?: string;
  passwordPrompt?: boolean;
}

/** `-` means "read it from stdin", so a secret need not appear in the shell history. */
async function valueOrStdin(value: string, terminal: Terminal): Promise<string> {
  return value === '-' ? (await readAllStdin(terminal)).trim() : value;
}

export const addCommand: CommandModule = (program, sessionFor) => {
  const seedOptions = ['secret', 'type', 'algorithm', 'digits', 'period', 'counter'];
  program
    .command('add')
    .description('add an account, optionally with its authenticator seed')
    .argument('<issuer>', 'the site or service, e.g. GitHub')
    .option('--account <name>', 'the account name or e-mail address at that issuer')
    .option('--url <url>', 'the sign-in URL')
    .option('--notes <text>', 'free notes')
    .addOption(
      new Option(
        '--otpauth <uri>',
        'the seed as an otpauth:// URI ("-" reads it from stdin)',
      ).conflicts(seedOptions),
    )
    .option(
      '--secret <key>',
      'the setup key: Base32 as the site shows it, or a Steam shared_secret in base64 with --type steam ("-" reads it from stdin)',
    )
    .addOption(
      new Option('--type <type>', 'totp, hotp or steam').choices(['totp', 'hotp', 'steam']),
    )
    .option('--algorithm <name>', 'SHA1, SHA256 or SHA512')
    .option('--digits <n>', 'code length, 6 to 8')
    .option('--period <seconds>', 'seconds per code (TOTP)')
    .option('--counter <n>', 'next counter value (HOTP)')
    .option('--username <name>', 'the username to sign in with')
    .option(
      '--password-prompt',
      'ask for the password to store (hidden; $SPAREKEY_ACCOUNT_PASSWORD when not on a terminal)',
    )
    .action(async (issuer: string, options: AddOptions, command) => {
      const session = sessionFor(command);
      let seed: OtpSeed | undefined;
      let accountName = options.account;
      if (options.otpauth !== undefined) {
        const entry = parseOtpauthUri(await valueOrStdin(options.otpauth, session.terminal));
        seed = entry.seed;
        accountName ??= entry.accountName;
      } else if (options.secret !== undefined) {
        seed = makeSeed({
          secret: await valueOrStdin(options.secret, session.terminal),
          type: options.type,
          algorithm: options.algorithm,
          digits: options.digits,
          period: options.period,
          counter: options.counter,
        });
      } else if (
        ['type', 'algorithm', 'digits', 'period', 'counter'].some((name) => name in options)
      ) {
        throw new VaultError(
          'INVALID_INPUT',
          '--type, --algorithm, --digits, --period and --counter describe a seed: give --secret too.',
        );
      }
      const account = await session.withVault(async (vault) => {
        const password = options.passwordPrompt
          ? await accountPassword(session.terminal, [issuer, accountName].filter(Boolean).join(':'))
          : undefined;
        // The account and its login are one action: both are saved, or neither.
        return vault.transaction(() => {
          const added = vault.accounts.add({
            issuer,
            accountName,
            url: options.url,
            notes: options.notes,
            seed,
          });
          if (options.username !== undefined || password !== undefined) {
            vault.logins.set(added.id, { username: options.username, password });
          }
          return added;
        });
      });
      if (session.output.json) session.output.data(account);
      else session.output.note(`Added ${accountFullName(account)} (id ${account.id}).`);
      // A short key or one of an odd length works, but the person should look at it again.
      for (const warning of seed ? seedWarnings(seed) : []) {
        session.output.note(`Warning: ${warning}`);
      }
    });
};
