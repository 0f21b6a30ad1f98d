import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthFinding, Verdict } from '../../../src/shared/health.js';
import { HEALTH_SCENARIOS, ScenarioKit } from '../../support/health-scenarios.js';
import { runCli } from '../../support/cli.js';
import { createTestVault, PASSWORD, REAL_KDF, T0 } from '../../support/temp-vault.js';

interface CliReport {
  findings: HealthFinding[];
  dismissed: { finding: HealthFinding }[];
  summary: { critical: number; warning: number; info: number };
  readiness: { accountId: string; verdict: Verdict; score: number; working: number }[];
}

// The scenarios run concurrently: each keeps its folder until the file is done
// (the shared temp folders are removed after every test, concurrent ones included).
const homes: string[] = [];
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A scenario's vault, built with the core in a private home, and `sparekey` run on it. */
async function scenarioVault(build: (kit: ScenarioKit) => void | Promise<void>) {
  const home = mkdtempSync(join(tmpdir(), 'sparekey-cli-health-'));
  homes.push(home);
  const path = join(home, 'vault.sparekey');
  const { vault, clock } = await createTestVault({ path, ...REAL_KDF });
  const kit = new ScenarioKit(vault, clock);
  await build(kit);
  const main = kit.main!;
  const at = new Date(clock.now()).toISOString();
  vault.close();
  const env = { SPAREKEY_VAULT: path, SPAREKEY_PASSWORD: PASSWORD };
  const cli = (...args: string[]) => runCli(args, { home, env });
  return { main, at, cli };
}

const kindsOf = (findings: HealthFinding[], accountId: string | null) =>
  findings
    .filter((finding) => finding.accountId === accountId)
    .map((finding) => finding.ruleId)
    .sort();

describe('sparekey health --json on the failure-mode scenarios', () => {
  // The CLI asks a real time server for the clock: those scenarios run on the core only.
  const scenarios = HEALTH_SCENARIOS.filter((scenario) => scenario.clockOffsetMs === undefined);

  for (const scenario of scenarios) {
    // Concurrent: each is a child process waiting on its own vault.
    it.concurrent(scenario.name, async () => {
      const { main, at, cli } = await scenarioVault((kit) => scenario.build(kit));
      const result = await cli('--json', 'health', '--at', at);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as CliReport;
      const readiness = report.readiness.find((entry) => entry.accountId === main.id);
      const expected = scenario.expect;
      expect(readiness?.verdict).toBe(expected.verdict);
      expect(kindsOf(report.findings, main.id)).toEqual([...expected.kinds].sort());
      expect(kindsOf(report.findings, null)).toEqual([...(expected.vaultKinds ?? [])].sort());
      if (expected.score !== undefined) expect(readiness?.score).toBe(expected.score);
      if (expected.working !== undefined) expect(readiness?.working).toBe(expected.working);
    });
  }
});

describe('sparekey health in a terminal', () => {
  const instagram = HEALTH_SCENARIOS.find((scenario) => scenario.name.includes('Instagram case'))!;

  it('prints what still works, the fix as terminal commands, and no findings at the same kind twice', async () => {
    const { at, cli } = await scenarioVault(async (kit) => {
      await instagram.build(kit);
      for (let index = 0; index < 3; index++) kit.site(`Imported ${index}`);
    });
    const { stdout, code } = await cli('health', '--at', at);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Vault readiness \d+\/100: 0 critical, 2 warnings, \d+ info/);
    expect(stdout).toContain('Instagram  (readiness 60/100: two or more ways in work)');
    expect(stdout).toContain(
      'Your authenticator app and 3 backup codes still get you into Instagram, but SMS still sends its codes to +44 7700 900123',
    );
    expect(stdout).toContain(
      'Fix: Before the last ones are used, generate new backup codes at Instagram and add them with `sparekey codes add "Instagram" --replace`.',
    );
    // The three imported accounts: one line, not three blocks.
    expect(stdout).toContain(
      '● INFO      3 accounts: Sparekey knows only the authenticator seed, not how else you get in',
    );
    expect(stdout).toContain('Imported 0, Imported 1, Imported 2');
    // No button names of the app in a terminal.
    expect(stdout).not.toMatch(/“Add backup codes”|“Add a way in…”/);
  });

  it('dismisses a finding ("doesn\'t apply", or until a date), lists it with --all, and brings it back', async () => {
    const { main, at, cli } = await scenarioVault((kit) => {
      const site = kit.site();
      kit.codes(site);
      kit.site('Forum');
    });
    const dismissed = await cli(
      'health',
      'dismiss',
      'contacts.none',
      'instagram',
      '--reason',
      'Instagram offers none',
      '--at',
      at,
    );
    expect(dismissed.code).toBe(0);
    expect(dismissed.stderr).toContain("Dismissed “No recovery contact” (doesn't apply)");

    const report = JSON.parse((await cli('--json', 'health', '--at', at)).stdout) as CliReport;
    expect(kindsOf(report.findings, main.id)).toEqual(['methods.seed-only-here']);
    expect(report.dismissed.map((entry) => entry.finding.ruleId)).toEqual(['contacts.none']);

    const plain = await cli('health', '--at', at);
    expect(plain.stdout).toContain('(1 dismissed, see --all)');
    expect(plain.stdout).not.toContain('Instagram offers none');
    const all = await cli('health', '--all', '--at', at);
    expect(all.stdout).toContain(
      "No recovery contact · Instagram: doesn't apply (“Instagram offers none”), since 3 May 2026",
    );

    const accepted = await cli(
      'health',
      'dismiss',
      'methods.seed-only-here',
      'instagram',
      '--until',
      '2026-08-01',
      '--at',
      at,
    );
    expect(accepted.stderr).toContain('until 1 Aug 2026');
    const later = JSON.parse(
      (await cli('--json', 'health', '--at', '2026-08-02T00:00:00Z')).stdout,
    ) as CliReport;
    const back = later.findings.find((finding) => finding.ruleId === 'methods.seed-only-here');
    expect(back?.returned).toEqual({ dismissedAt: T0, because: 'date-passed' });

    expect((await cli('health', 'undismiss', 'contacts.none', 'instagram', '--at', at)).code).toBe(
      0,
    );
    const restored = JSON.parse((await cli('--json', 'health', '--at', at)).stdout) as CliReport;
    expect(kindsOf(restored.findings, main.id)).toContain('contacts.none');
  });

  it('refuses a dismissal that names nothing, in words', async () => {
    const { at, cli } = await scenarioVault((kit) => {
      kit.codes(kit.site());
    });
    const unknown = await cli('health', 'dismiss', 'codes.gone', 'instagram', '--at', at);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'There is no finding kind "codes.gone". The kinds are: ways.none-work,',
    );
    const noAccount = await cli('health', 'dismiss', 'contacts.none', '--at', at);
    expect(noAccount.code).toBe(1);
    expect(noAccount.stderr).toContain(
      'A contacts.none finding is about an account: say which one',
    );
    const none = await cli('health', 'dismiss', 'codes.low', 'instagram', '--at', at);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('The health check finds no codes.low for Instagram now');
    const past = await cli(
      'health',
      'dismiss',
      'contacts.none',
      'instagram',
      '--until',
      '2026-01-01',
      '--at',
      at,
    );
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('The date (1 Jan 2026) has passed: pick a later one.');
  });

  it('marks a method as no longer working, and as working again', async () => {
    const { main, at, cli } = await scenarioVault((kit) => {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'security-key', { device: 'YubiKey 5C' });
      kit.codes(site);
    });
    expect((await cli('methods', 'not-working', 'instagram', 'security-key')).code).toBe(0);
    const listed = await cli('methods', 'list', 'instagram');
    expect(listed.stdout).toMatch(
      /Security key: YubiKey 5C \(NOT WORKING since \d{4}-\d{2}-\d{2}\)/,
    );
    const report = JSON.parse((await cli('--json', 'health', '--at', at)).stdout) as CliReport;
    expect(kindsOf(report.findings, main.id)).toContain('methods.not-working');
    expect((await cli('methods', 'works', 'instagram', 'security-key')).code).toBe(0);
    const again = JSON.parse((await cli('--json', 'health', '--at', at)).stdout) as CliReport;
    expect(kindsOf(again.findings, main.id)).not.toContain('methods.not-working');
  });

  it('records the mark as of --at, as `code` and `health` take it', async () => {
    const { main, at, cli } = await scenarioVault((kit) => {
      const site = kit.site('Instagram', { seed: false });
      kit.way(site, 'security-key', { device: 'YubiKey 5C' });
      kit.codes(site);
    });
    const lost = '2026-04-28T09:00:00Z';
    const marked = await cli('methods', 'not-working', 'instagram', 'security-key', '--at', lost);
    expect(marked.stderr).toContain('Marked as no longer working (Instagram');
    expect(marked.code).toBe(0);
    const listed = await cli('--json', 'methods', 'list', 'instagram');
    const recovery = JSON.parse(listed.stdout) as { methods: { notWorkingSince: number | null }[] };
    expect(recovery.methods.map((method) => method.notWorkingSince)).toEqual([Date.parse(lost)]);
    const report = JSON.parse((await cli('--json', 'health', '--at', at)).stdout) as CliReport;
    const finding = report.findings.find(
      (candidate) => candidate.accountId === main.id && candidate.ruleId === 'methods.not-working',
    );
    expect(JSON.stringify(finding)).toContain('28 Apr 2026');

    const wrong = await cli('methods', 'works', 'instagram', 'security-key', '--at', 'yesterday');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'sparekey: --at takes an ISO-8601 time such as 2026-05-03T10:00:00Z, not "yesterday".\n',
    );
  });
});
