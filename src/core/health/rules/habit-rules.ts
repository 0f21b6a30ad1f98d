import type { AccountSummary } from '../../../shared/domain.js';
import { DAY_MS } from '../../../shared/durations.js';
import { finding, type FindingText } from '../finding.js';
import type { HealthRule } from '../health-rule.js';
import { cliArgument, nameOf } from './wording.js';

interface Untested {
  account: AccountSummary;
  tested: number | null;
  days: number;
}

/** What `habits.untested` says (one function for every account it is found on). */
function untestedText({ account, tested, days }: Untested): FindingText {
  const name = nameOf(account);
  return {
    title: tested === null ? 'Sign-in never tested' : `Sign-in not tested for ${days} days`,
    message:
      tested === null
        ? `You have not recorded a test of signing in to ${name} since adding it ${days} days ago. A way in nobody has tried may not work when needed.`
        : `You last tested signing in to ${name} ${days} days ago.`,
    fix: `Sign out of ${name} on one device and back in with the way in you would rely on; then choose “I just tested this sign-in”.`,
    terminalFix: `Sign out of ${name} on one device and back in with the way in you would rely on; then \`sparekey tested ${cliArgument(account)}\`.`,
  };
}

/** The facts of every never-tested sign-in: one array for all of them. */
const NEVER_TESTED: readonly null[] = Object.freeze([null]);

/**
 * `habits.untested` (info): a sign-in nobody has tested for longer than the
 * limit (counted from when the account was added if never).
 */
export const untestedSignIn: HealthRule = {
  id: 'habits.untested',
  account({ account, recovery, verdict, onlySeedKnown }, { snapshot }, out) {
    if (onlySeedKnown || (verdict !== 'ok' && verdict !== 'one-way')) return;
    const limitDays = snapshot.settings.untestedSignInDays;
    const tested = recovery?.lastTestedAt ?? null;
    const days = Math.floor((snapshot.now - (tested ?? account.createdAt)) / DAY_MS);
    if (days <= limitDays) return;
    out.push(
      finding('habits.untested', {
        accountId: account.id,
        fixTarget: 'account',
        facts: tested === null ? NEVER_TESTED : [tested],
        about: { account, tested, days },
        text: untestedText,
      }),
    );
  },
};
