import type {
  GeneratedPassword,
  GeneratorOptions,
  PasswordStrength,
} from '../../shared/passwords.js';
import type { AccountService } from '../accounts/accounts.js';
import type { LoginService } from '../logins/logins.js';
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
  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
    private readonly logins: LoginService,
  ) {}

  generate(options: GeneratorOptions): GeneratedPassword {
    return generatePassword(this.context.random, options);
  }

  /**
   * How guessable a password is. With `accountId`, the account's issuer, name
   * and username count as guessable words (a password built from them is weaker).
   */
  estimate(password: string, accountId?: string): PasswordStrength {
    if (accountId === undefined) return estimateStrength(password);
    const words = this.context.read(() => {
      const account = this.accounts.get(accountId);
      const username = this.logins.get(accountId)?.username;
      return accountWords(account.issuer, account.accountName, username);
    });
    return estimateStrength(password, words);
  }
}
