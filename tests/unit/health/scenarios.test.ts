import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../../src/shared/health.js';
import { HEALTH_SCENARIOS, ScenarioKit } from '../../support/health-scenarios.js';
import { createTestVault } from '../../support/temp-vault.js';

describe('the failure modes, replayed on real vaults', () => {
  it('has at least 40 scenarios, each named once', () => {
    expect(HEALTH_SCENARIOS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HEALTH_SCENARIOS.map((scenario) => scenario.name)).size).toBe(
      HEALTH_SCENARIOS.length,
    );
  });

  for (const scenario of HEALTH_SCENARIOS) {
    it(scenario.name, async () => {
      const { vault, clock } = await createTestVault();
      const kit = new ScenarioKit(vault, clock);
      await scenario.build(kit);
      const main = kit.main!;
      const clockCheck =
        scenario.clockOffsetMs === undefined
          ? null
          : {
              offsetMs: scenario.clockOffsetMs,
              roundTripMs: 20,
              server: 'pool.ntp.org',
              checkedAt: clock.now(),
            };
      const check = vault.health.check(clock.now(), clockCheck);
      const { report, standings } = check;
      const standing = standings.get(main.id)!;
      const own = report.findings.filter((finding) => finding.accountId === main.id);
      const { expect: expected } = scenario;

      expect(standing.facts.verdict).toBe(expected.verdict);
      expect(own.map((finding) => finding.ruleId).sort()).toEqual([...expected.kinds].sort());
      expect(
        report.findings
          .filter((finding) => finding.accountId === null)
          .map((finding) => finding.ruleId)
          .sort(),
      ).toEqual([...(expected.vaultKinds ?? [])].sort());
      const readiness = check.readiness(main.id)!;
      expect(readiness.score).toBe(standing.score);
      if (expected.score !== undefined) expect(standing.score).toBe(expected.score);
      if (expected.working !== undefined)
        expect(standing.facts.ways.working).toBe(expected.working);
      if (expected.ways !== undefined) {
        const ways = standing.facts.ways.ways;
        expect(ways.map((way) => `${way.kind} ${way.state}`)).toEqual(
          expected.ways.map(([state]) => state),
        );
        expected.ways.forEach(([, reason], index) => {
          if (reason) expect(ways[index]!.reason).toMatch(reason);
        });
      }
      // "Why 60?": the reasons add up to what the account lost.
      const lost = readiness.reasons.reduce((sum, reason) => sum + reason.points, 0);
      expect(Math.max(0, 100 - lost)).toBe(standing.score);

      const words = own.flatMap((finding) => [finding.title, finding.message, finding.fix]);
      for (const pattern of expected.says ?? []) {
        expect(
          words.some((text) => pattern.test(text)),
          `says ${pattern}`,
        ).toBe(true);
      }
      for (const pattern of expected.neverSuggests ?? []) {
        expect(
          own.filter((finding) => pattern.test(finding.fix) || pattern.test(finding.message)),
          `never ${pattern}`,
        ).toEqual([]);
      }
      if (expected.needAttention !== undefined) {
        const flagged = new Set(
          report.findings
            .filter((finding) => finding.accountId !== null && finding.severity !== 'info')
            .map((finding) => finding.accountId),
        );
        expect(flagged.size).toBe(expected.needAttention);
      }

      // Critical ("you cannot sign in") only when no way in works.
      const critical = own.filter((finding) => finding.severity === 'critical');
      expect(critical.length > 0).toBe(expected.verdict === 'locked-out');
      for (const finding of [...report.findings]) {
        // One severity per kind, everywhere.
        expect(finding.severity).toBe(FINDING_KINDS[finding.ruleId].severity);
        // The app's fix never gives a command line; the terminal's may.
        expect(finding.fix).not.toMatch(/`|sparekey /);
      }
      // An account known only by its seed: at most one finding, of level info.
      for (const [id, { facts }] of standings) {
        if (!facts.onlySeedKnown) continue;
        const findings = report.findings.filter((finding) => finding.accountId === id);
        expect(findings.length).toBeLessThanOrEqual(1);
        expect(findings.every((finding) => finding.severity === 'info')).toBe(true);
      }
      vault.close();
    });
  }
});
