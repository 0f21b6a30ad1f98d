import type { AccountSummary } from '../../../shared/domain.js';
import type { HealthFinding } from '../../../shared/health.js';
import { STRENGTH_LABELS, WEAK_SCORE_MAX } from '../../../shared/passwords.js';
import type { PasswordFacts } from '../../logins/logins.js';
import { type HealthRule, type HealthSnapshot } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';
import { DAY_MS } from '../../../shared/durations.js';

/** Each stored password with its account, in the order accounts are listed. */
function passwordsByAccount(
  snapshot: HealthSnapshot,
): { account: AccountSummary; facts: PasswordFacts }[] {
  const facts = new Map(snapshot.passwords.map((entry) => [entry.accountId, entry]));
  return snapshot.accounts.flatMap((account) => {
    const entry = facts.get(account.id);
    return entry === undefined ? [] : [{ account, facts: entry }];
  });
}

function site(account: AccountSummary): string {
  return account.issuer || 'the site';
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A password zxcvbn scores 2 or lower: easy to find by trying common passwords and patterns. */
export const passwordWeakRule: HealthRule = {
  id: 'password.weak',
  check: (snapshot) =>
    passwordsByAccount(snapshot)
      .filter(({ facts }) => facts.score <= WEAK_SCORE_MAX)
      .map(({ account, facts }): HealthFinding => ({
        ruleId: 'password.weak',
        severity: 'warning',
        accountId: account.id,
        title: 'Weak password',
        message: `The password of ${accountFullName(account)} is ${STRENGTH_LABELS[facts.score]} (strength ${facts.score} of 4): someone trying common passwords, words and patterns could find it, and then only the second factor stands in the way.`,
        fix: `Change it at ${site(account)} to a generated password (Generate on the account, or \`sparekey generate\`), then save the new one here.`,
        fixTarget: 'login',
      })),
};

/** The same password on several accounts: one leak opens them all. */
export const passwordReusedRule: HealthRule = {
  id: 'password.reused',
  check: (snapshot) => {
    // The others in the order accounts are listed, by name.
    const others = (ids: string[]) => snapshot.accounts.filter((other) => ids.includes(other.id));
    return passwordsByAccount(snapshot)
      .filter(({ facts }) => facts.sameAs.length > 0)
      .map(({ account, facts }): HealthFinding => {
        const sharing = others(facts.sameAs);
        return {
          ruleId: 'password.reused',
          severity: 'warning',
          accountId: account.id,
          relatedAccountIds: sharing.map((other) => other.id),
          title: `Same password as ${facts.sameAs.length} other account${facts.sameAs.length === 1 ? '' : 's'}`,
          message: `${accountFullName(account)} has the same password as ${listNames(sharing.map(accountFullName))}. If any of these sites leaks it, the others can be opened with it too.`,
          fix: `Give ${accountFullName(account)} a password of its own: generate one, change it at ${site(account)}, then save the new one here.`,
          fixTarget: 'login',
        };
      });
  },
};

/** A password older than the vault's `passwordMaxAgeDays` (off when 0, the default). */
export const passwordOldRule: HealthRule = {
  id: 'password.old',
  check: (snapshot) => {
    const maxDays = snapshot.settings.passwordMaxAgeDays;
    if (maxDays <= 0) return [];
    return passwordsByAccount(snapshot)
      .filter(
        ({ facts }) =>
          facts.passwordChangedAt !== null &&
          snapshot.now - facts.passwordChangedAt > maxDays * DAY_MS,
      )
      .map(({ account, facts }): HealthFinding => {
        const changedAt = facts.passwordChangedAt ?? snapshot.now;
        const days = Math.floor((snapshot.now - changedAt) / DAY_MS);
        return {
          ruleId: 'password.old',
          severity: 'info',
          accountId: account.id,
          title: 'Password not changed for a long time',
          message: `The password of ${accountFullName(account)} was last changed ${days} days ago, on ${new Date(changedAt).toISOString().slice(0, 10)}; your limit is ${maxDays} days.`,
          fix: `Change it at ${site(account)} and save the new one here, or raise or turn off the limit (passwordMaxAgeDays) in the settings.`,
          fixTarget: 'login',
        };
      });
  },
};

export const PASSWORD_RULES: readonly HealthRule[] = [
  passwordWeakRule,
  passwordReusedRule,
  passwordOldRule,
];
