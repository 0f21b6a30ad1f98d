import type { AccountHealth, HealthOverview } from '../../../shared/contract/health-methods.js';
import type { Handlers } from '../../../shared/contract/index.js';
import { VaultError } from '../../../shared/errors.js';
import type { GroupedHealthReport, HealthFinding } from '../../../shared/health.js';
import { MINUTE_MS } from '../../../shared/durations.js';
import type { AppSession } from '../app-session.js';
import {
  type ClockCheck,
  describeFinding,
  groupReport,
  type HealthCheck,
  measureClockOffset,
  type Vault,
} from '../../../core/index.js';

type HealthHandlers = Pick<
  Handlers,
  | 'getHealth'
  | 'getHealthOverview'
  | 'getAccountHealth'
  | 'checkClock'
  | 'dismissFinding'
  | 'undismissFinding'
>;

/** The check without messages: counts, scores, and each flagged account's critical and warning findings. */
export function healthOverview(check: HealthCheck): HealthOverview {
  const flags = new Map<string, AccountHealth['flags']>();
  const vaultFindings: HealthFinding[] = [];
  for (const finding of check.findings) {
    if (finding.accountId === null) {
      vaultFindings.push(describeFinding(finding));
      continue;
    }
    if (finding.severity === 'info') continue;
    const flag = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      title: finding.text().title,
    };
    const own = flags.get(finding.accountId);
    if (own === undefined) flags.set(finding.accountId, [flag]);
    else own.push(flag);
  }
  return {
    at: check.at,
    summary: check.summary,
    vaultScore: check.vaultReadiness.score,
    flagged: check.accounts.flatMap((readiness) => {
      const own = flags.get(readiness.accountId);
      return own === undefined ? [] : [{ ...readiness, flags: own }];
    }),
    vaultFindings,
  };
}

export function healthHandlers(session: AppSession): HealthHandlers {
  // One check serves the overview, each account's view and the Health view until the vault
  // changes, the minute turns (contacts and sign-ins go stale with time) or the clock is checked.
  let memo: {
    vault: Vault;
    key: string;
    clockCheck: ClockCheck | null;
    check: HealthCheck;
    grouped: GroupedHealthReport | null;
  } | null = null;
  // It names accounts: it goes with the key when the vault locks.
  session.onLock(() => {
    memo = null;
  });
  const current = () => {
    const vault = session.unlocked();
    const now = session.now();
    const key = `${vault.changeStamp()}|${Math.floor(now / MINUTE_MS)}`;
    const clockCheck = session.lastClockCheck;
    if (
      memo === null ||
      memo.vault !== vault ||
      memo.key !== key ||
      memo.clockCheck !== clockCheck
    ) {
      memo = { vault, key, clockCheck, check: vault.health.check(now, clockCheck), grouped: null };
    }
    return memo;
  };
  return {
    getHealth: () => {
      const entry = current();
      entry.grouped ??= groupReport(entry.check);
      return entry.grouped;
    },
    getHealthOverview: () => healthOverview(current().check),
    getAccountHealth: ({ accountId }) => {
      const { check } = current();
      const standing = check.standings.get(accountId);
      if (standing === undefined) {
        throw new VaultError('NOT_FOUND', `There is no account with id ${accountId}.`);
      }
      return {
        at: check.at,
        readiness: {
          accountId,
          score: standing.score,
          reasons: check.readiness(accountId)?.reasons ?? [],
          verdict: standing.facts.verdict,
          worst: standing.worst,
        },
        ways: standing.facts.ways,
        findings: check.findings
          .filter((finding) => finding.accountId === accountId)
          .map(describeFinding),
        dismissed: check.dismissed
          .filter((entry) => entry.finding.accountId === accountId)
          .map(({ finding, dismissal }) => ({ finding: describeFinding(finding), dismissal })),
      };
    },
    checkClock: async () => {
      const server = session.unlocked().settings.get().clockCheckServer;
      const check = await measureClockOffset(server, {
        clock: session.clock,
        port: session.timeServerPort,
      });
      session.lastClockCheck = check;
      return check;
    },
    dismissFinding: ({ key, ...input }) =>
      session.unlocked().health.dismiss(current().check, key, input),
    undismissFinding: ({ key }) => {
      session.unlocked().health.undismiss(key);
      return null;
    },
  };
}
