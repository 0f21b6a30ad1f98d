import { accountFactors } from '../account-factors.js';
import { type HealthRule } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';
import { DAY_MS } from '../../../shared/durations.js';

/** A sign-in nobody has tested for longer than the limit (counted from when the account was added if never). */
export const untestedSignIn: HealthRule = {
  id: 'habits.untested',
  check(snapshot) {
    const limitDays = snapshot.settings.untestedSignInDays;
    return accountFactors(snapshot).flatMap(({ account, recovery, hasTwoFactor }) => {
      if (!hasTwoFactor) return [];
      const tested = recovery?.lastTestedAt ?? null;
      const days = Math.floor((snapshot.now - (tested ?? account.createdAt)) / DAY_MS);
      if (days <= limitDays) return [];
      return [
        {
          ruleId: 'habits.untested',
          severity: 'info' as const,
          accountId: account.id,
          title: tested === null ? 'Sign-in never tested' : `Sign-in not tested for ${days} days`,
          message:
            tested === null
              ? `You have not recorded a test of signing in to ${accountFullName(account)} since adding it ${days} days ago. A recovery path nobody has tried may not work when needed.`
              : `You last tested signing in to ${accountFullName(account)} ${days} days ago.`,
          fix: `Sign out of ${accountFullName(account)} on one device and back in with the second factor you would rely on; then mark the sign-in tested.`,
          fixTarget: 'account' as const,
        },
      ];
    });
  },
};
