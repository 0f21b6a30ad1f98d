import { VaultError, invalidInput } from '../../../shared/errors.js';
import { cleanUrl } from '../accounts/account-input.js';
import { ACCOUNT_KIND, AccountRecordSchema } from '../accounts/account-records.js';
import type { VaultContext } from '../vault-context.js';
import { LOGIN_KIND, type LoginRecord, LoginRecordSchema } from './login-records.js';

/** What may be shown without revealing the password. */
export interface LoginView {
  username: string;
  urls: string[];
  hasPassword: boolean;
  passwordChangedAt: number | null;
}

export interface LoginInput {
  username?: string | undefined;
  /** A new password; '' removes it; undefined leaves it as it is. */
  password?: string | undefined;
  urls?: string[] | undefined;
}

export const MAX_PASSWORD_LENGTH = 4096;

/** Usernames, passwords and extra URLs of accounts. The password is a secret like a seed. */
export class LoginService {
  constructor(private readonly vault: VaultContext) {}

  get(accountId: string): LoginView | null {
    return this.vault.read(() => {
      this.requireAccount(accountId);
      const login = this.read(accountId);
      return login === null
        ? null
        : {
            username: login.username,
            urls: login.urls,
            hasPassword: login.password !== '',
            passwordChangedAt: login.passwordChangedAt,
          };
    });
  }

  /** Sets what is given, in one transaction; the rest stays as it was. */
  set(accountId: string, input: LoginInput): LoginView {
    if (input.password !== undefined && input.password.length > MAX_PASSWORD_LENGTH) {
      throw invalidInput(`The password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`);
    }
    const urls = input.urls?.map((url) => cleanUrl(url)).filter((url) => url !== '');
    return this.vault.write(() => {
      this.requireAccount(accountId);
      const now = this.vault.clock.now();
      const current = this.read(accountId);
      const passwordChanged =
        input.password !== undefined && input.password !== (current?.password ?? '');
      const next: LoginRecord = {
        username: input.username?.trim() ?? current?.username ?? '',
        password: input.password ?? current?.password ?? '',
        urls: urls ?? current?.urls ?? [],
        passwordChangedAt: passwordChanged
          ? input.password === ''
            ? null
            : now
          : (current?.passwordChangedAt ?? null),
        updatedAt: now,
      };
      this.vault.records().put(LOGIN_KIND, accountId, accountId, next);
      return {
        username: next.username,
        urls: next.urls,
        hasPassword: next.password !== '',
        passwordChangedAt: next.passwordChangedAt,
      };
    });
  }

  /** The password itself, for an explicit reveal or copy only. */
  revealPassword(accountId: string): string {
    return this.vault.read(() => {
      this.requireAccount(accountId);
      const password = this.read(accountId)?.password ?? '';
      if (password === '')
        throw new VaultError('NOT_FOUND', 'This account has no password stored.');
      return password;
    });
  }

  private read(accountId: string): LoginRecord | null {
    return this.vault.records().get(LOGIN_KIND, accountId, LoginRecordSchema)?.value ?? null;
  }

  private requireAccount(accountId: string): void {
    if (this.vault.records().get(ACCOUNT_KIND, accountId, AccountRecordSchema) === undefined) {
      throw new VaultError('NOT_FOUND', `There is no account with id ${accountId}.`);
    }
  }
}
