import type {
  AccountReadiness,
  Dismissal,
  HealthReport,
  HealthSummary,
  Readiness,
  Severity,
} from '../../shared/health.js';
import { describe, factsOf, keyOf, type RawFinding } from './finding.js';
import type { AccountSummary } from '../../shared/domain.js';
import { DAY_MS } from '../../shared/durations.js';
import type { ClockCheck } from '../clock-check/sntp.js';
import type { StoredDismissal } from './dismissals.js';
import type {
  AccountFacts,
  HealthModel,
  HealthRule,
  HealthSnapshot,
  HealthSources,
} from './health-rule.js';
import { accountReadiness, accountScore, vaultReadiness } from './readiness.js';
import { HEALTH_RULES } from './rules/index.js';
import { verdictOf, waysIn } from './ways-in.js';

/** Gathers what the rules need, each part from its feature's service (call it inside one read). */
export function takeSnapshot(
  sources: HealthSources,
  now: number,
  clockCheck: ClockCheck | null = null,
): HealthSnapshot {
  return {
    now,
    settings: sources.settings.get(),
    accounts: sources.accounts.list(),
    contacts: sources.contacts.list(),
    recoveries: sources.recovery.all(),
    clockCheck,
    codes: sources.backupCodes.statusAll(),
    passwords: sources.logins.passwordFacts(),
    sheets: sources.sheets.printFacts(),
    backup: sources.backups.state(),
  };
}

/**
 * Each account's facts kept from one check to the next (`HealthService` holds
 * one per open vault): an account whose summary, recovery record and backup
 * codes are the ones it was worked out from, in a vault whose contacts, backup
 * and settings are as they were, keeps its ways in. After one change, one
 * account is worked out again, not 10,000.
 */
export interface FactsCache {
  /** The contacts (with whether each is stale now), last backup and settings it holds for. */
  context: string;
  byAccount: Map<string, AccountFacts>;
}

export function newFactsCache(): FactsCache {
  return { context: '', byAccount: new Map() };
}

/** What, beside its own records, an account's ways in depend on. */
function contextKey(snapshot: HealthSnapshot): string {
  const { now, settings, backup, contacts } = snapshot;
  const stale = (at: number) => Math.floor((now - at) / DAY_MS) > settings.staleContactDays;
  return [
    settings.staleContactDays,
    backup.lastBackupAt,
    ...contacts.map(
      (contact) =>
        `${contact.id}:${contact.value}:${contact.label}:${contact.retiredAt}:${stale(contact.confirmedAt ?? contact.createdAt)}`,
    ),
  ].join('|');
}

function sameAccount(a: AccountSummary, b: AccountSummary): boolean {
  return (
    a === b ||
    (a.updatedAt === b.updatedAt &&
      a.createdAt === b.createdAt &&
      a.issuer === b.issuer &&
      a.accountName === b.accountName &&
      a.notes === b.notes &&
      (a.otp === null) === (b.otp === null))
  );
}

/** Each account's ways in and verdict, worked out once for every rule (or kept from the last check). */
export function buildModel(snapshot: HealthSnapshot, cache?: FactsCache): HealthModel {
  const contacts = new Map(snapshot.contacts.map((contact) => [contact.id, contact]));
  const codes = new Map(snapshot.codes.map((status) => [status.accountId, status]));
  const context = {
    now: snapshot.now,
    contacts,
    staleContactDays: snapshot.settings.staleContactDays,
    backup: snapshot.backup,
    shared: new Map(),
  };
  let kept: Map<string, AccountFacts> | undefined;
  if (cache !== undefined) {
    const key = contextKey(snapshot);
    if (cache.context !== key) {
      cache.context = key;
      cache.byAccount = new Map();
    }
    kept = cache.byAccount;
  }
  const seen = new Set<string>();
  const accounts = snapshot.accounts.map((account): AccountFacts => {
    const recovery = snapshot.recoveries.get(account.id);
    const status = codes.get(account.id);
    const before = kept?.get(account.id);
    if (
      before !== undefined &&
      before.recovery === recovery &&
      before.codes === status &&
      sameAccount(before.account, account)
    ) {
      seen.add(account.id);
      return before;
    }
    const ways = waysIn(account, recovery, status, context);
    const onlySeedKnown =
      account.otp !== null &&
      status === undefined &&
      (recovery === undefined ||
        (recovery.methods.length === 0 &&
          recovery.recoveryContactIds.length === 0 &&
          recovery.supportUrl === '' &&
          recovery.recoveryNotes === ''));
    const facts: AccountFacts = {
      account,
      recovery,
      codes: status,
      ways,
      verdict: verdictOf(ways),
      onlySeedKnown,
    };
    kept?.set(account.id, facts);
    seen.add(account.id);
    return facts;
  });
  // Removed accounts.
  if (kept !== undefined && kept.size > seen.size) {
    for (const id of kept.keys()) if (!seen.has(id)) kept.delete(id);
  }
  return { snapshot, accounts, contacts };
}

/** An account's ways in, verdict, readiness and worst open finding. */
export interface AccountStanding {
  facts: AccountFacts;
  score: number;
  worst: Severity | null;
}

/**
 * A health check's result. Its findings are kept as the rules made them and
 * put into words only where shown: `report` (every one, for the CLI and tests),
 * `grouped` (the Health view), `forAccount` (one account's view).
 */
export interface HealthCheck {
  at: number;
  /** The open findings, critical first. */
  findings: RawFinding[];
  dismissed: { finding: RawFinding; dismissal: Dismissal }[];
  summary: HealthSummary;
  /** The accounts with anything to say (a score below 100 or a finding). */
  accounts: AccountReadiness[];
  vaultReadiness: Readiness;
  /** By account id: its ways in, verdict, readiness score and worst open finding. */
  standings: Map<string, AccountStanding>;
  /** An account's readiness with each reason it is below 100 ("why 60?"). */
  readiness(accountId: string): Readiness | undefined;
  /** Every finding in words. */
  readonly report: HealthReport;
}

function isActive(dismissal: StoredDismissal, facts: string, now: number): boolean {
  if (dismissal.facts !== facts) return false;
  return dismissal.mode === 'not-applicable' || (dismissal.until ?? 0) > now;
}

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Every rule over the snapshot; dismissals set aside; readiness from each account's ways in. */
export function runRules(
  snapshot: HealthSnapshot,
  dismissals: readonly StoredDismissal[] = [],
  rules: readonly HealthRule[] = HEALTH_RULES,
  cache?: FactsCache,
): HealthCheck {
  const model = buildModel(snapshot, cache);
  const raw: RawFinding[] = [];
  const accountRules = rules.filter((rule) => rule.account !== undefined);
  for (const facts of model.accounts) {
    for (const rule of accountRules) rule.account!(facts, model, raw);
  }
  for (const rule of rules) if (rule.vault) raw.push(...rule.vault(model));

  const byKey = new Map(dismissals.map((dismissal) => [dismissal.key, dismissal]));
  // Bucketed by severity: critical first, each kept in the order the rules found them.
  const buckets: RawFinding[][] = [[], [], []];
  const dismissed: HealthCheck['dismissed'] = [];
  for (const finding of raw) {
    const dismissal = byKey.size === 0 ? undefined : byKey.get(keyOf(finding));
    if (dismissal !== undefined) {
      const facts = factsOf(finding);
      if (isActive(dismissal, facts, snapshot.now)) {
        const { facts: _facts, ...shown } = dismissal;
        dismissed.push({ finding, dismissal: shown });
        continue;
      }
      finding.returned = {
        dismissedAt: dismissal.at,
        because: dismissal.facts !== facts ? 'facts-changed' : 'date-passed',
      };
    }
    buckets[RANK[finding.severity]]!.push(finding);
  }
  const findings = buckets.flat();

  const worst = new Map<string, Severity>();
  for (const finding of findings) {
    if (finding.accountId !== null && !worst.has(finding.accountId))
      worst.set(finding.accountId, finding.severity);
  }
  const standings = new Map<string, AccountStanding>();
  const accounts: AccountReadiness[] = [];
  const scores: number[] = [];
  for (const facts of model.accounts) {
    const score = accountScore(facts, snapshot);
    const own = worst.get(facts.account.id) ?? null;
    standings.set(facts.account.id, { facts, score, worst: own });
    if (facts.verdict !== 'none-recorded') scores.push(score);
    if (score < 100 || own !== null) {
      accounts.push({ accountId: facts.account.id, score, verdict: facts.verdict, worst: own });
    }
  }
  const vault = vaultReadiness(
    scores,
    findings.filter((finding) => finding.accountId === null).map(describe),
  );
  const summary = {
    critical: buckets[0]!.length,
    warning: buckets[1]!.length,
    info: buckets[2]!.length,
  };
  let report: HealthReport | undefined;
  return {
    at: snapshot.now,
    findings,
    dismissed,
    summary,
    accounts,
    vaultReadiness: vault,
    standings,
    readiness: (accountId) => {
      const standing = standings.get(accountId);
      return standing === undefined ? undefined : accountReadiness(standing.facts, snapshot);
    },
    get report() {
      report ??= {
        at: snapshot.now,
        findings: findings.map(describe),
        summary,
        accounts,
        vaultScore: vault.score,
        vaultReadiness: vault,
        dismissed: dismissed.map((entry) => ({
          finding: describe(entry.finding),
          dismissal: entry.dismissal,
        })),
      };
      return report;
    },
  };
}
