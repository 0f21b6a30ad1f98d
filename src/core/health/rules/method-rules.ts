import type { HealthFinding } from '../../../shared/health.js';
import { METHOD_LABELS } from '../../../shared/recovery.js';
import { accountFactors, phoneOnly } from '../account-factors.js';
import { type HealthRule } from '../health-rule.js';
import { accountFullName } from '../../../shared/account-names.js';

/** SMS (or voice, or WhatsApp) is the only way in. */
export const phoneOnlyRule: HealthRule = {
  id: 'methods.sms-only',
  check(snapshot) {
    return accountFactors(snapshot)
      .filter(({ kinds }) => phoneOnly(kinds))
      .map(({ account, kinds }) => ({
        ruleId: 'methods.sms-only',
        severity: 'warning',
        accountId: account.id,
        title: `${[...new Set(kinds)].map((kind) => METHOD_LABELS[kind]).join(' / ')} is the only way in`,
        message: `${accountFullName(account)} can only be opened with a code sent to your phone. Carrier outages, a ported or stolen number, spam filters and roaming all lock you out.`,
        fix: `In ${accountFullName(account)}'s security settings, add an authenticator app (keep its seed here) and save its backup codes here; keep SMS only as a fallback.`,
        fixTarget: 'methods',
      }));
  },
};

/** Exactly one way in, of whatever kind: one lost device or number and the account is gone. */
export const singleMethod: HealthRule = {
  id: 'methods.single',
  check(snapshot) {
    return accountFactors(snapshot)
      .filter(({ kinds }) => kinds.length === 1 && !phoneOnly(kinds))
      .map(({ account, kinds }) => {
        const only = METHOD_LABELS[kinds[0] ?? 'authenticator'];
        return {
          ruleId: 'methods.single',
          severity: 'warning',
          accountId: account.id,
          title: `${only} is the only second factor`,
          message: `${accountFullName(account)} has a single second factor (${only}). If it is lost or stops working, you are locked out.`,
          fix: `Add a second way in at ${accountFullName(account)}: backup codes (store them here), a security key, or an authenticator on another device.`,
          fixTarget: 'methods',
        };
      });
  },
};

/** The authenticator seed lives only in Sparekey. */
export const seedOnlyHere: HealthRule = {
  id: 'methods.seed-only-here',
  check(snapshot) {
    const findings: HealthFinding[] = [];
    for (const { account, recovery } of accountFactors(snapshot)) {
      if (account.otp === null) continue;
      const elsewhere = recovery?.methods.some(
        (method) => method.kind === 'authenticator' && method.device !== '',
      );
      if (elsewhere) continue;
      findings.push({
        ruleId: 'methods.seed-only-here',
        severity: 'info',
        accountId: account.id,
        title: 'Authenticator only in Sparekey',
        message: `The authenticator seed of ${accountFullName(account)} exists only in this vault. If this computer and its backups are lost, so are the codes.`,
        fix: 'Enrol the seed in an authenticator app on your phone as well (export it as a QR code from the account), and record where in Sparekey.',
        fixTarget: 'methods',
      });
    }
    return findings;
  },
};

/** An authenticator app holds the account's seed, but Sparekey does not. */
export const seedNotHere: HealthRule = {
  id: 'methods.seed-not-here',
  check(snapshot) {
    const findings: HealthFinding[] = [];
    for (const { account, recovery } of accountFactors(snapshot)) {
      if (account.otp !== null) continue;
      const apps = (recovery?.methods ?? []).filter((method) => method.kind === 'authenticator');
      if (apps.length === 0) continue;
      const where =
        apps
          .map((method) => method.device)
          .filter(Boolean)
          .join(', ') || 'an authenticator app';
      findings.push({
        ruleId: 'methods.seed-not-here',
        severity: 'warning',
        accountId: account.id,
        title: 'Authenticator seed only on a phone',
        message: `${accountFullName(account)}'s authenticator lives only in ${where}. If that phone is lost, reset or replaced, the codes go with it.`,
        fix: `Add the seed here: re-enrol the authenticator at ${accountFullName(account)} (or export it from the app) and paste its otpauth link or setup key into the account.`,
        fixTarget: 'account',
      });
    }
    return findings;
  },
};
