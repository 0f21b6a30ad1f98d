import { VaultError, invalidInput } from '../../shared/errors.js';
import { MAX_PASSWORD_LENGTH } from '../../shared/input-limits.js';
import type { AccountSummary } from '../../shared/domain.js';
import type {
  LoginDetails,
  LoginView,
  PasswordHistoryEntry,
  StrengthScore,
} from '../../shared/passwords.js';
import { cleanUrl } from '../accounts/account-input.js';
import type { AccountService } from '../accounts/accounts.js';
import { accountWords, estimateStrength, STRENGTH_MODEL } from '../passwords/strength.js';
import type { VaultContext } from '../vault-context.js';
import {
  LOGIN_KIND,
  type LoginRecord,
  LoginRecordSchema,
  MAX_PASSWORD_HISTORY,
  PASSWORD_HISTORY_KIND,
  type PasswordHistoryRecord,
  PasswordHistoryRecordSchema,
  type StoredStrength,
} from './login-records.js';

export type { LoginDetails, LoginView } from '../../shared/passwords.js';

export interface LoginInput {
  username?: string | undefined;
  /** A new password; '' removes it; undefined leaves it as it is. */
  password?: string | undefined;
  urls?: string[] | undefined;
}

/** What the password health rules know about one stored password; never the password itself. */
export interface PasswordFacts {
  accountId: string;
  passwordChangedAt: number | null;
  score: StrengthScore;
  /** The other accounts whose password is exactly this one (empty when it is unique). */
  sameAs: string[];
}

/** What a password's strength estimate takes from its account: the names, as guessable words. */
type AccountNames = Pick<AccountSummary, 'issuer' | 'accountName'>;

/** The score stored with the password, or null when it is missing or from another estimator. */
function storedScore(login: LoginRecord): StrengthScore | null {
  return login.strength !== null && login.strength.model === STRENGTH_MODEL
    ? login.strength.score
    : null;
}

function viewOf(login: LoginRecord): LoginView {
  return {
    username: login.username,
    urls: login.urls,
    hasPassword: login.password !== '',
    passwordChangedAt: login.passwordChangedAt,
  };
}

/**
 * Usernames, passwords, extra URLs and previous passwords of accounts. The
 * password is a secret like a seed: it leaves the core only through
 * `revealPassword` and `revealHistory`.
 */
export class LoginService {
  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
  ) {}

  get(accountId: string): LoginView | null {
    return this.context.read(() => {
      this.accounts.requireExists(accountId);
      const login = this.read(accountId);
      return login === null ? null : viewOf(login);
    });
  }

  /** `get`, plus the stored password's strength score and the size of its history. */
  details(accountId: string): LoginDetails | null {
    return this.context.read(() => {
      this.accounts.requireExists(accountId);
      const login = this.read(accountId);
      if (login === null) return null;
      return {
        ...viewOf(login),
        passwordScore:
          login.password === '' ? null : this.scoreOf(() => this.accounts.get(accountId), login),
        historyCount: this.historyOf(accountId).length,
      };
    });
  }

  /**
   * Sets what is given, in one transaction; the rest stays as it was. A
   * replaced or removed password goes to the account's password history.
   */
  set(accountId: string, input: LoginInput): LoginView {
    if (input.password !== undefined && input.password.length > MAX_PASSWORD_LENGTH) {
      throw invalidInput(`The password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`);
    }
    const urls = input.urls?.map((url) => cleanUrl(url)).filter((url) => url !== '');
    return this.context.write(() => {
      const account = this.accounts.get(accountId);
      const now = this.context.clock.now();
      const current = this.read(accountId);
      const previous = current?.password ?? '';
      const password = input.password ?? previous;
      const username = input.username?.trim() ?? current?.username ?? '';
      const passwordChanged = password !== previous;
      const next: LoginRecord = {
        username,
        password,
        urls: urls ?? current?.urls ?? [],
        passwordChangedAt: passwordChanged
          ? password === ''
            ? null
            : now
          : (current?.passwordChangedAt ?? null),
        updatedAt: now,
        strength: passwordChanged
          ? password === ''
            ? null
            : this.estimate(account, username, password)
          : (current?.strength ?? null),
      };
      const records = this.context.records();
      if (passwordChanged && previous !== '') {
        const entries = [
          { password: previous, setAt: current?.passwordChangedAt ?? null, replacedAt: now },
          ...this.historyOf(accountId),
        ].slice(0, MAX_PASSWORD_HISTORY);
        records.put(PASSWORD_HISTORY_KIND, accountId, accountId, {
          entries,
        } satisfies PasswordHistoryRecord);
      }
      records.put(LOGIN_KIND, accountId, accountId, next);
      return viewOf(next);
    });
  }

  /** The password itself, for an explicit reveal or copy only. */
  revealPassword(accountId: string): string {
    return this.context.read(() => {
      this.accounts.requireExists(accountId);
      const password = this.read(accountId)?.password ?? '';
      if (password === '')
        throw new VaultError('NOT_FOUND', 'This account has no password stored.');
      return password;
    });
  }

  /** The previous passwords, newest first, for an explicit reveal only. */
  revealHistory(accountId: string): PasswordHistoryEntry[] {
    return this.context.read(() => {
      this.accounts.requireExists(accountId);
      return this.historyOf(accountId);
    });
  }

  /** Forgets the previous passwords of an account (the current one stays). */
  clearHistory(accountId: string): void {
    this.context.write(() => {
      this.accounts.requireExists(accountId);
      this.context.records().delete(PASSWORD_HISTORY_KIND, accountId);
    });
  }

  /**
   * For the health rules: every stored password's strength, age, and the
   * accounts sharing it. Passwords are compared here, in memory, and do not
   * leave this method.
   */
  passwordFacts(): PasswordFacts[] {
    return this.context.read(() => {
      const records = this.context.records();
      // Which accounts exist, without decrypting them: an account is read only to
      // estimate a password whose stored score is missing or from another estimator.
      const accountIds = new Set(this.accounts.ids());
      const byPassword = new Map<string, string[]>();
      const facts: PasswordFacts[] = [];
      const unscored: { fact: PasswordFacts; login: LoginRecord }[] = [];
      records.each(LOGIN_KIND, LoginRecordSchema, ({ id, value: login }) => {
        if (login.password === '' || !accountIds.has(id)) return;
        const key = login.password.normalize('NFC');
        const sharing = byPassword.get(key) ?? [];
        sharing.push(id);
        byPassword.set(key, sharing);
        const stored = storedScore(login);
        const fact = {
          accountId: id,
          passwordChangedAt: login.passwordChangedAt,
          score: stored ?? 0,
          sameAs: sharing,
        };
        if (stored === null) unscored.push({ fact, login });
        facts.push(fact);
      });
      // After the pass: reading an account is a transaction of its own, which SQLite
      // refuses while `each` is still stepping through the logins.
      for (const { fact, login } of unscored) {
        fact.score = this.scoreOf(() => this.accounts.get(fact.accountId), login);
      }
      // Each fact holds its group's list; keep the others in it, not itself.
      return facts.map((fact) => ({
        ...fact,
        sameAs: fact.sameAs.filter((other) => other !== fact.accountId),
      }));
    });
  }

  private estimate(account: AccountNames, username: string, password: string): StoredStrength {
    const { score, guessesLog10 } = estimateStrength(
      password,
      accountWords(account.issuer, account.accountName, username),
    );
    return { model: STRENGTH_MODEL, score, guessesLog10 };
  }

  /** The stored score, or a fresh estimate (reading the account) when it is missing or from another estimator. */
  private scoreOf(account: () => AccountNames, login: LoginRecord): StrengthScore {
    return storedScore(login) ?? this.estimate(account(), login.username, login.password).score;
  }

  private historyOf(accountId: string): PasswordHistoryEntry[] {
    return (
      this.context.records().get(PASSWORD_HISTORY_KIND, accountId, PasswordHistoryRecordSchema)
        ?.value.entries ?? []
    );
  }

  private read(accountId: string): LoginRecord | null {
    return this.context.records().get(LOGIN_KIND, accountId, LoginRecordSchema)?.value ?? null;
  }
}
