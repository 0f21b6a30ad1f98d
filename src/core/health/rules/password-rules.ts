import type { AccountSummary } from '../../../shared/domain.js';
import type { RawFinding } from '../finding.js';
import { STRENGTH_LABELS, WEAK_SCORE_MAX } from '../../../shared/passwords.js';
import type { PasswordFacts } from '../../logins/logins.js';
import { DAY_MS } from '../../../shared/durations.js';
import { finding, listWords } from '../finding.js';
import type { HealthModel, HealthRule } from '../health-rule.js';
import { nameOf } from './wording.js';

/** Each stored password with its account, in the order accounts are listed. */
function passwordsByAccount(
  model: HealthModel,
): { account: AccountSummary; facts: PasswordFacts }[] {
  const { passwords, accounts } = model.snapshot;
  if (passwords.length === 0) return [];
  const facts = new Map(passwords.map((entry) => [entry.accountId, entry]));
  const found: { account: AccountSummary; facts: PasswordFacts }[] = [];
  for (const account of accounts) {
    const entry = facts.get(account.id);
    if (entry !== undefined) found.push({ account, facts: entry });
  }
  return found;
}

function site(account: AccountSummary): string {
  return account.issuer || 'the site';
}

const GENERATE_APP = 'a generated password (“Edit sign-in”, then “Generate”)';

/** `password.weak` (warning): a password zxcvbn scores 2 or lower. */
export const passwordWeakRule: HealthRule = {
  id: 'password.weak',
  vault: (model) =>
    passwordsByAccount(model)
      .filter(({ facts }) => facts.score <= WEAK_SCORE_MAX)
      .map(({ account, facts }): RawFinding =>
        finding('password.weak', {
          accountId: account.id,
          text: () => ({
            title: 'Weak password',
            message: `The password of ${nameOf(account)} is ${STRENGTH_LABELS[facts.score]} (strength ${facts.score} of 4): someone trying common passwords, words and patterns could find it, and then only the second factor stands in the way.`,
            fix: `Change it at ${site(account)} to ${GENERATE_APP}, and save the new one here.`,
            terminalFix: `Change it at ${site(account)} to a generated one (\`sparekey generate\`), then \`sparekey password set\`.`,
          }),
          fixTarget: 'login',
          facts: [facts.score, facts.passwordChangedAt],
        }),
      ),
};

/** `password.reused` (warning): the same password on several accounts: one leak opens them all. */
export const passwordReusedRule: HealthRule = {
  id: 'password.reused',
  vault: (model) => {
    const accounts = model.snapshot.accounts;
    const others = (ids: string[]) => accounts.filter((other) => ids.includes(other.id));
    return passwordsByAccount(model)
      .filter(({ facts }) => facts.sameAs.length > 0)
      .map(({ account, facts }): RawFinding => {
        const sharing = others(facts.sameAs);
        return finding('password.reused', {
          accountId: account.id,
          relatedAccountIds: sharing.map((other) => other.id),
          text: () => ({
            title: `Same password as ${facts.sameAs.length} other account${facts.sameAs.length === 1 ? '' : 's'}`,
            message: `${nameOf(account)} has the same password as ${listWords(sharing.map(nameOf))}. If any of these sites leaks it, the others can be opened with it too.`,
            fix: `Give ${nameOf(account)} a password of its own: change it at ${site(account)} to ${GENERATE_APP}, and save the new one here.`,
            terminalFix: `Give ${nameOf(account)} a password of its own (\`sparekey generate\`), change it at ${site(account)}, then \`sparekey password set\`.`,
          }),
          fixTarget: 'login',
          facts: [...facts.sameAs].sort(),
        });
      });
  },
};

/** `password.old` (info): a password older than the vault's `passwordMaxAgeDays` (off when 0, the default). */
export const passwordOldRule: HealthRule = {
  id: 'password.old',
  vault: (model) => {
    const { now, settings } = model.snapshot;
    const maxDays = settings.passwordMaxAgeDays;
    if (maxDays <= 0) return [];
    return passwordsByAccount(model)
      .filter(
        ({ facts }) =>
          facts.passwordChangedAt !== null && now - facts.passwordChangedAt > maxDays * DAY_MS,
      )
      .map(({ account, facts }): RawFinding => {
        const changedAt = facts.passwordChangedAt ?? now;
        const days = Math.floor((now - changedAt) / DAY_MS);
        return finding('password.old', {
          accountId: account.id,
          text: () => ({
            title: 'Password not changed for a long time',
            message: `The password of ${nameOf(account)} was last changed ${days} days ago, on ${new Date(changedAt).toISOString().slice(0, 10)}; your limit is ${maxDays} days.`,
            fix: `Change it at ${site(account)} and save the new one here, or raise or turn off the limit in Settings.`,
            terminalFix: `Change it at ${site(account)} and \`sparekey password set\` the new one, or raise or turn off the limit (passwordMaxAgeDays) in the settings.`,
          }),
          fixTarget: 'login',
          facts: [changedAt],
        });
      });
  },
};

export const PASSWORD_RULES: readonly HealthRule[] = [
  passwordWeakRule,
  passwordReusedRule,
  passwordOldRule,
];
