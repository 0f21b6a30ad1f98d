import { DAY_MS } from '../../shared/durations.js';
import type { HealthFinding, Readiness, ReadinessReason } from '../../shared/health.js';
import type { AccountFacts, HealthSnapshot } from './health-rule.js';
import { listWords } from './finding.js';
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

/**
 * An account's readiness, from its ways in: 100 when two independent ways work
 * and the site can reach you, less a stated cost for each thing that stands
 * between you and getting back in. Each reason says what it costs ("why 60?").
 */
export function accountReadiness(facts: AccountFacts, snapshot: HealthSnapshot): Readiness {
  const { ways, verdict } = facts;
  if (verdict === 'none-recorded') return { score: 100, reasons: [] };
  if (verdict === 'locked-out') {
    return scoreOf([{ points: READINESS_COSTS.noneWorks, text: 'No way in works.' }]);
  }
  const reasons: ReadinessReason[] = [];
  if (verdict === 'unknown') {
    reasons.push({
      points: READINESS_COSTS.noneKnownToWork,
      text: 'No way in is known to work.',
    });
  }
  const working = ways.ways.filter((way) => isWorking(way.state));
  if (verdict === 'one-way') {
    reasons.push({
      points: READINESS_COSTS.oneWay,
      text: facts.onlySeedKnown
        ? 'The authenticator is the only way in Sparekey knows of.'
        : `Only one way in works (${working.map((way) => way.label).join(', ')}).`,
    });
  }
  if (working.length > 0 && working.every((way) => way.state === 'at-risk')) {
    reasons.push({
      points: READINESS_COSTS.allAtRisk,
      text: `Every way in that works is at risk: ${listWords(working.map((way) => way.label))}.`,
    });
  }
  if (verdict !== 'unknown') {
    for (const way of ways.ways) {
      if (way.state !== 'broken') continue;
      reasons.push({ points: READINESS_COSTS.brokenWay, text: `${way.label} no longer works.` });
    }
  }
  if (!ways.recovery.contacts.some((contact) => isWorking(contact.state))) {
    reasons.push({
      points: READINESS_COSTS.noRecoveryContact,
      text: 'No recovery contact the site could reach you at is recorded.',
    });
  }
  const tested = facts.recovery?.lastTestedAt ?? facts.account.createdAt;
  if ((snapshot.now - tested) / DAY_MS > snapshot.settings.untestedSignInDays) {
    reasons.push({
      points: READINESS_COSTS.untested,
      text: `No sign-in tested in the last ${snapshot.settings.untestedSignInDays} days.`,
    });
  }
  return scoreOf(reasons);
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
