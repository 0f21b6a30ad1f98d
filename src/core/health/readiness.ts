import { DAY_MS } from '../../shared/durations.js';
import type { HealthFinding, Readiness, ReadinessReason } from '../../shared/health.js';
import type { AccountFacts, HealthSnapshot } from './health-rule.js';
import { listWords } from './finding.js';
import type { WayIn } from '../../shared/ways-in.js';
import { isWorking } from './ways-in.js';

/** What each fact costs an account's readiness, in points of 100. */
export const READINESS_COSTS = {
  /** No way in works (or none is known to): nothing else matters. */
  noneWorks: 100,
  noneKnownToWork: 70,
  oneWay: 40,
  allAtRisk: 20,
  brokenWay: 10,
  noRecoveryContact: 10,
  untested: 5,
} as const;

/** A vault-wide finding costs the vault this much. */
const VAULT_COSTS = { critical: 20, warning: 10, info: 0 } as const;

function scoreOf(reasons: ReadinessReason[]): Readiness {
  const sorted = [...reasons].sort((a, b) => b.points - a.points);
  const lost = sorted.reduce((sum, reason) => sum + reason.points, 0);
  return { score: Math.max(0, 100 - lost), reasons: sorted };
}

type Deduction =
  | 'none-works'
  | 'none-known'
  | 'one-way'
  | 'all-at-risk'
  | 'broken-way'
  | 'no-recovery-contact'
  | 'untested';

/**
 * Each deduction an account's readiness takes, in order, handed to `take`
 * (with the way it is about, for a broken way). One walk serves the score,
 * which allocates nothing, and its reasons, worked out only when asked for.
 */
function walkDeductions(
  facts: AccountFacts,
  snapshot: HealthSnapshot,
  take: (deduction: Deduction, way?: WayIn) => void,
): void {
  const { ways, verdict } = facts;
  if (verdict === 'none-recorded') return;
  if (verdict === 'locked-out') {
    take('none-works');
    return;
  }
  if (verdict === 'unknown') take('none-known');
  if (verdict === 'one-way') take('one-way');
  let working = 0;
  let atRisk = 0;
  for (const way of ways.ways) {
    if (way.state === 'works') working++;
    else if (way.state === 'at-risk') atRisk++;
    else if (way.state === 'broken' && verdict !== 'unknown') take('broken-way', way);
  }
  if (working === 0 && atRisk > 0) take('all-at-risk');
  if (!ways.recovery.contacts.some((contact) => isWorking(contact.state))) {
    take('no-recovery-contact');
  }
  const tested = facts.recovery?.lastTestedAt ?? facts.account.createdAt;
  if (Math.floor((snapshot.now - tested) / DAY_MS) > snapshot.settings.untestedSignInDays) {
    take('untested');
  }
}

const COST: Record<Deduction, number> = {
  'none-works': READINESS_COSTS.noneWorks,
  'none-known': READINESS_COSTS.noneKnownToWork,
  'one-way': READINESS_COSTS.oneWay,
  'all-at-risk': READINESS_COSTS.allAtRisk,
  'broken-way': READINESS_COSTS.brokenWay,
  'no-recovery-contact': READINESS_COSTS.noRecoveryContact,
  untested: READINESS_COSTS.untested,
};

/**
 * An account's readiness, from its ways in: 100 when two independent ways work
 * and the site can reach you, less a stated cost for each thing that stands
 * between you and getting back in.
 */
export function accountScore(facts: AccountFacts, snapshot: HealthSnapshot): number {
  let lost = 0;
  walkDeductions(facts, snapshot, (deduction) => {
    lost += COST[deduction];
  });
  return Math.max(0, 100 - lost);
}

/** The score and each reason it is below 100, with what it costs ("why 60?"). */
export function accountReadiness(facts: AccountFacts, snapshot: HealthSnapshot): Readiness {
  const reasons: ReadinessReason[] = [];
  const working = facts.ways.ways.filter((way) => isWorking(way.state));
  walkDeductions(facts, snapshot, (deduction, way) => {
    reasons.push({
      points: COST[deduction],
      text: reasonText(deduction, facts, working, way, snapshot),
    });
  });
  return scoreOf(reasons);
}

function reasonText(
  deduction: Deduction,
  facts: AccountFacts,
  working: WayIn[],
  way: WayIn | undefined,
  snapshot: HealthSnapshot,
): string {
  switch (deduction) {
    case 'none-works':
      return 'No way in works.';
    case 'none-known':
      return 'No way in is known to work.';
    case 'one-way':
      return facts.onlySeedKnown
        ? 'The authenticator is the only way in Sparekey knows of.'
        : `Only one way in works (${working.map((entry) => entry.label).join(', ')}).`;
    case 'all-at-risk':
      return `Every way in that works is at risk: ${listWords(working.map((entry) => entry.label))}.`;
    case 'broken-way':
      return `${way?.label ?? 'A way in'} no longer works.`;
    case 'no-recovery-contact':
      return 'No recovery contact the site could reach you at is recorded.';
    case 'untested':
      return `No sign-in tested in the last ${snapshot.settings.untestedSignInDays} days.`;
  }
}

/**
 * The vault's readiness: the mean of its accounts' (those with two-step sign-in
 * recorded), less a stated cost for each open vault-wide finding.
 */
export function vaultReadiness(
  scores: readonly number[],
  vaultFindings: readonly HealthFinding[],
): Readiness {
  const reasons: ReadinessReason[] = [];
  if (scores.length > 0) {
    const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    const lost = Math.round(100 - mean);
    if (lost > 0) {
      reasons.push({
        points: lost,
        text: `The mean readiness of ${scores.length} ${scores.length === 1 ? 'account' : 'accounts'} is ${100 - lost}.`,
      });
    }
  }
  for (const finding of vaultFindings) {
    const points = VAULT_COSTS[finding.severity];
    if (points > 0) reasons.push({ points, text: `${finding.title}.` });
  }
  return scoreOf(reasons);
}
