import type { AccountHealth, HealthOverview } from '../../../shared/contract/health-methods.js';
import type { Handlers } from '../../../shared/contract/index.js';
import { VaultError } from '../../../shared/errors.js';
import type { HealthReport } from '../../../shared/health.js';
import type { AppSession } from '../app-session.js';
import {
  type ClockCheck,
  measureClockOffset,
  checkHealth,
  type Vault,
} from '../../../core/index.js';
import { MINUTE_MS } from '../../../shared/durations.js';

type HealthHandlers = Pick<
  Handlers,
  'getHealth' | 'getHealthOverview' | 'getAccountHealth' | 'checkClock'
>;

/** The report without messages: counts, scores, and each flagged account's critical and warning findings. */
export function healthOverview(report: HealthReport): HealthOverview {
  const flags = new Map<string, AccountHealth['flags']>();
  for (const finding of report.findings) {
    if (finding.accountId === null || finding.severity === 'info') continue;
    const flag = { ruleId: finding.ruleId, severity: finding.severity, title: finding.title };
    const own = flags.get(finding.accountId);
    if (own === undefined) flags.set(finding.accountId, [flag]);
    else own.push(flag);
  }
  return {
    at: report.at,
    summary: report.summary,
    vaultScore: report.vaultScore,
    flagged: report.accounts.flatMap((readiness) => {
      const own = flags.get(readiness.accountId);
      return own === undefined ? [] : [{ ...readiness, flags: own }];
    }),
    vaultFindings: report.findings.filter((finding) => finding.accountId === null),
  };
}

export function healthHandlers(session: AppSession): HealthHandlers {
  // One report serves the overview, each account's view and the Health view until the vault
  // changes, the minute turns (contacts and sign-ins go stale with time) or the clock is checked.
  let memo: {
    vault: Vault;
    key: string;
    clockCheck: ClockCheck | null;
    report: HealthReport;
  } | null = null;
  // It names accounts: it goes with the key when the vault locks.
  session.onLock(() => {
    memo = null;
  });
  const report = (): HealthReport => {
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
      memo = { vault, key, clockCheck, report: checkHealth(vault, now, clockCheck) };
    }
    return memo.report;
  };
  return {
    getHealth: report,
    getHealthOverview: () => healthOverview(report()),
    getAccountHealth: ({ accountId }) => {
      const full = report();
      const readiness = full.accounts.find((entry) => entry.accountId === accountId);
      if (readiness === undefined) {
        throw new VaultError('NOT_FOUND', `There is no account with id ${accountId}.`);
      }
      return {
        at: full.at,
        readiness,
        findings: full.findings.filter((finding) => finding.accountId === accountId),
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
  };
}
