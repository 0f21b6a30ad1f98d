import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';
import { tempFolder } from '../../support/temp-vault.js';

let home: string;
let env: Record<string, string>;

beforeEach(() => {
  home = tempFolder();
  env = { SPAREKEY_VAULT: join(home, 'cli.sparekey'), SPAREKEY_PASSWORD: 'cli test password' };
});

const cli = (...args: string[]) => runCli(args, { home, env });

describe('sparekey contacts, methods, recovery, tested, health', () => {
  it('retiring a phone number lists every account that still depends on it, and health says what that breaks', async () => {
    await cli('init');
    await cli('add', 'Bank', '--url', 'bank.example');
    await cli('add', 'Mail', '--account', 'me');
    await cli('add', 'Shop');
    expect(
      (await cli('contacts', 'add', 'phone', '+1 202 555 0143', '--label', 'old phone')).code,
    ).toBe(0);
    await cli('contacts', 'add', 'email', 'me@example.com');
    expect((await cli('methods', 'add', 'bank', 'sms', '--contact', 'old phone')).code).toBe(0);
    await cli('methods', 'add', 'mail', 'authenticator', '--device', 'Aegis on Pixel 8');
    expect(
      (
        await cli(
          'recovery',
          'mail',
          '--add-contact',
          '+12025550143',
          '--support-url',
          'mail.example/recover',
        )
      ).code,
    ).toBe(0);
    await cli('methods', 'add', 'shop', 'email-code', '--contact', 'me@example.com');

    const retire = await cli('contacts', 'retire', '+1 (202) 555-0143');
    expect(retire.code).toBe(0);
    expect(retire.stdout).toContain('✖ CRITICAL: 2 places still depend on +1 202 555 0143:');
    expect(retire.stdout).toContain('- Bank (sends sign-in codes to it)');
    expect(retire.stdout).toContain('- Mail (me) (recovery contact)');
    expect(retire.stdout).toContain('https://mail.example/recover');
    expect(retire.stdout).not.toContain('Shop');

    const health = await cli('--json', 'health');
    expect(health.code).toBe(0);
    const report = JSON.parse(health.stdout);
    const critical = report.findings.filter(
      (finding: { severity: string }) => finding.severity === 'critical',
    );
    // Texts to that number were Bank's only way in; Mail still has its authenticator.
    expect(critical.map((finding: { ruleId: string }) => finding.ruleId)).toEqual([
      'ways.none-work',
    ]);
    expect(report.summary.critical).toBe(1);
    expect(
      report.findings
        .filter((finding: { ruleId: string }) => finding.ruleId === 'recovery.retired-contact')
        .map((finding: { severity: string }) => finding.severity),
    ).toEqual(['warning']);

    const text = await cli('health');
    expect(text.stdout).toMatch(/^Vault readiness \d+\/100: 1 critical, /);
    expect(text.stdout).toContain('✖ CRITICAL  No way in works');
    expect(text.stdout).toContain(
      'Fix: If you are still signed in to Bank anywhere, add a new way in there now and record it with `sparekey methods add "Bank"`.',
    );
  });

  it('health --at checks as of another time (stale contacts and untested sign-ins)', async () => {
    await cli('init');
    await cli('contacts', 'add', 'email', 'me@example.com', '--confirmed', '2026-01-01');
    await cli('add', 'Forum', '--secret', 'JBSWY3DPEHPK3PXP');
    await cli('recovery', 'forum', '--add-contact', 'me@example.com');
    await cli('tested', 'forum', '--on', '2026-01-02');
    const early = JSON.parse(
      (await cli('--json', 'health', '--at', '2026-06-29T00:00:00Z')).stdout,
    );
    expect(early.findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain(
      'contacts.stale',
    );
    const late = JSON.parse((await cli('--json', 'health', '--at', '2026-07-02T00:00:00Z')).stdout);
    const ids = late.findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(ids).toContain('contacts.stale');
    expect(ids).toContain('habits.untested');
  });

  it('lists methods and contacts, removes a method by kind, and refuses bad input with exit 1', async () => {
    await cli('init');
    await cli('add', 'Cloud');
    await cli('methods', 'add', 'cloud', 'security-key', '--device', 'YubiKey 5C');
    const list = await cli('methods', 'list', 'cloud');
    expect(list.stdout).toMatch(/[0-9a-f]{16} {2}Security key: YubiKey 5C/);
    expect(list.stdout).toContain('sign-in last tested: never');
    expect((await cli('methods', 'remove', 'cloud', 'security-key')).code).toBe(0);
    expect((await cli('--json', 'methods', 'list', 'cloud')).stdout).toContain('"methods": []');

    const noCountry = await cli('contacts', 'add', 'phone', '07700 900123');
    expect(noCountry.code).toBe(1);
    expect(noCountry.stderr).toContain('with its country code');
    const noContact = await cli('methods', 'add', 'cloud', 'sms');
    expect(noContact.code).toBe(1);
    expect(noContact.stderr).toContain('say which contact');
    const badKind = await cli('contacts', 'add', 'fax', '123');
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('Allowed choices are phone, email');
    expect((await cli('tested', 'cloud', '--on', '2999-01-01')).stderr).toContain('in the future');
  });
});
