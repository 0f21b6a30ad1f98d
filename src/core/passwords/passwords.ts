import { VaultError } from '../../shared/errors.js';
import type {
  GeneratedPassword,
  GeneratorOptions,
  PasswordStrength,
} from '../../shared/passwords.js';
import { ACCOUNT_KIND, AccountRecordSchema } from '../accounts/account-records.js';
import { LOGIN_KIND, LoginRecordSchema } from '../logins/login-records.js';
import type { Random } from '../random.js';
import type { VaultContext } from '../vault-context.js';
import { generatePassphrase, generateRandomPassword } from './generator.js';
import { accountWords, estimateStrength } from './strength.js';

/** A new password or passphrase from `random`, with its entropy and strength estimate. */
export function generatePassword(random: Random, options: GeneratorOptions): GeneratedPassword {
  const { password, entropyBits } =
    options.kind === 'passphrase'
      ? generatePassphrase(random, options)
      : generateRandomPassword(random, options);
  return { password, kind: options.kind, entropyBits, strength: estimateStrength(password) };
}

/** The generator and the strength estimate, on the vault's randomness and accounts. */
export class PasswordService {
  constructor(private readonly vault: VaultContext) {}

  generate(options: GeneratorOptions): GeneratedPassword {
    return generatePassword(this.vault.random, options);
  }

  /**
   * How guessable a password is. With `accountId`, the account's issuer, name
   * and username count as guessable words (a password built from them is weaker).
   */
  estimate(password: string, accountId?: string): PasswordStrength {
    if (accountId === undefined) return estimateStrength(password);
    const words = this.vault.read(() => {
      const records = this.vault.records();
      const account = records.get(ACCOUNT_KIND, accountId, AccountRecordSchema)?.value;
      if (account === undefined)
        throw new VaultError('NOT_FOUND', `There is no account with id ${accountId}.`);
      const username = records.get(LOGIN_KIND, accountId, LoginRecordSchema)?.value.username;
      return accountWords(account.issuer, account.accountName, username);
    });
    return estimateStrength(password, words);
  }
}
