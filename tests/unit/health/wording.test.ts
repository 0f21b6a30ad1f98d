import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KIND_IDS, FINDING_KINDS, type HealthFinding } from '../../../src/shared/health.js';
import { HEALTH_SCENARIOS, ScenarioKit } from '../../support/health-scenarios.js';
import { createTestVault } from '../../support/temp-vault.js';

/** Every source file of the renderer, as one text. */
function rendererSource(folder = 'src/renderer/src'): string {
  return readdirSync(folder)
    .map((name) => join(folder, name))
    .map((path) =>
      statSync(path).isDirectory()
        ? rendererSource(path)
        : /\.tsx?$/.test(path)
          ? readFileSync(path, 'utf8')
          : '',
    )
    .join('\n');
}

/** The buttons a fix names: “Add a way in…”. */
function namedButtons(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
}

/**
 * Agreed with the "app" helper this round (AREAS.md): the per-account QR button,
 * in the account's Code section, reached through the fix target `add-to-authenticator`.
 */
const AGREED_ELSEWHERE = new Set(['Add to another authenticator']);

let found: Promise<HealthFinding[]> | undefined;

/** Every finding of every scenario (worked out once for this file). */
function everyFinding(): Promise<HealthFinding[]> {
  found ??= findAll();
  return found;
}

async function findAll(): Promise<HealthFinding[]> {
  const findings: HealthFinding[] = [];
  for (const scenario of HEALTH_SCENARIOS) {
    const { vault, clock } = await createTestVault();
    await scenario.build(new ScenarioKit(vault, clock));
    const clockCheck =
      scenario.clockOffsetMs === undefined
        ? null
        : { offsetMs: scenario.clockOffsetMs, roundTripMs: 1, server: 'x', checkedAt: 0 };
    findings.push(...vault.health.check(clock.now(), clockCheck).report.findings);
    vault.close();
  }
  return findings;
}

describe('what the findings say', () => {
  it('names only buttons the app has, and no command line, in every scenario and group', async () => {
    const source = rendererSource();
    const findings = await everyFinding();
    const texts = [
      ...findings.map((finding) => finding.fix),
      ...Object.values(FINDING_KINDS).flatMap((kind) =>
        'groupFix' in kind ? [kind.groupFix] : [],
      ),
    ];
    const named = new Set(texts.flatMap(namedButtons));
    expect(named.size).toBeGreaterThan(8);
    const missing = [...named].filter(
      (label) => !AGREED_ELSEWHERE.has(label) && !source.includes(label),
    );
    expect(missing).toEqual([]);
    for (const text of texts) expect(text).not.toMatch(/`|sparekey /);
    // The agreed button is named only where the fix button leads to it.
    for (const finding of findings) {
      if (finding.fix.includes('“Add to another authenticator”')) {
        expect(finding.fixTarget).toBe('add-to-authenticator');
      }
    }
    // And every kind the scenarios raise has a terminal fix the CLI prints.
    for (const finding of findings) expect(finding.terminalFix.length).toBeGreaterThan(20);
  });

  it('covers every kind of finding with a scenario, but for the password kinds (their own tests)', async () => {
    const raised = new Set((await everyFinding()).map((finding) => finding.ruleId));
    const untried = FINDING_KIND_IDS.filter(
      (kind) => !raised.has(kind) && !kind.startsWith('password.'),
    );
    expect(untried).toEqual([]);
  });

  it('docs/health.md lists every kind with its one severity', () => {
    const docs = readFileSync('docs/health.md', 'utf8');
    const rows = [
      ...docs.matchAll(/^\| `([a-z]+\.[a-z-]+)` +\| (critical|warning|info) +\|/gm),
    ].map((match) => [match[1], match[2]]);
    expect(rows).toEqual(FINDING_KIND_IDS.map((kind) => [kind, FINDING_KINDS[kind].severity]));
  });
});
