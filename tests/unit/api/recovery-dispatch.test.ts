import { unlockedApiHost } from '../../support/api-host.js';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { PASSWORD, T0 } from '../../support/temp-vault.js';

async function unlockedHost() {
  const { session, value, handlers, log } = await unlockedApiHost();
  return {
    session,
    call: value as (name: string, input: unknown) => Promise<never>,
    handlers,
    log,
  };
}

describe('recovery methods over the contract', () => {
  it('retiring a contact answers with the affected accounts, and the health report flags them', async () => {
    const { session, call } = await unlockedHost();
    const phone: { id: string } = await call('addContact', {
      kind: 'phone',
      value: '+12025550143',
      label: 'old',
    });
    const bank: { id: string } = await call('addAccount', { issuer: 'Bank' });
    await call('addMethod', { accountId: bank.id, kind: 'sms', contactId: phone.id });
    const retired: { affected: { accountId: string }[] } = await call('retireContact', {
      id: phone.id,
    });
    expect(retired.affected.map((use) => use.accountId)).toEqual([bank.id]);
    const report: { at: number; findings: { ruleId: string; severity: string }[] } = await call(
      'getHealth',
      {},
    );
    expect(report.at).toBe(T0);
    // Texts to the retired number were Bank's only way in.
    expect(report.findings[0]).toMatchObject({ ruleId: 'ways.none-work', severity: 'critical' });
    session.close();
  });

  it('the overview carries each account’s critical and warning flags; one account’s report only its own', async () => {
    const { session, call } = await unlockedHost();
    const phone: { id: string } = await call('addContact', {
      kind: 'phone',
      value: '+12025550143',
    });
    const bank: { id: string } = await call('addAccount', { issuer: 'Bank' });
    const shop: { id: string } = await call('addAccount', { issuer: 'Shop' });
    await call('addMethod', { accountId: bank.id, kind: 'sms', contactId: phone.id });
    await call('retireContact', { id: phone.id });

    const full: { findings: { accountId: string | null; severity: string }[] } = await call(
      'getHealth',
      {},
    );
    const overview: {
      summary: { critical: number };
      flagged: {
        accountId: string;
        worst: string;
        flags: { ruleId: string; severity: string }[];
      }[];
    } = await call('getHealthOverview', {});
    expect(overview.summary.critical).toBe(1);
    // Shop has no second factor recorded, so nothing to flag.
    expect(overview.flagged.map((entry) => entry.accountId)).toEqual([bank.id]);
    const [flagged] = overview.flagged;
    expect(flagged?.worst).toBe('critical');
    expect(flagged?.flags[0]).toMatchObject({ ruleId: 'ways.none-work' });
    expect(flagged?.flags.every((flag) => flag.severity !== 'info')).toBe(true);
    expect(flagged?.flags).toHaveLength(
      full.findings.filter((f) => f.accountId === bank.id && f.severity !== 'info').length,
    );

    const own: { readiness: { score: number }; findings: { accountId: string }[] } = await call(
      'getAccountHealth',
      { accountId: bank.id },
    );
    expect(own.findings.length).toBeGreaterThan(0);
    expect(own.findings.every((finding) => finding.accountId === bank.id)).toBe(true);
    expect(own.readiness.score).toBe(0);
    const clean: { findings: unknown[]; readiness: { score: number } } = await call(
      'getAccountHealth',
      { accountId: shop.id },
    );
    expect(clean).toMatchObject({ findings: [], readiness: { score: 100 } });
    session.close();
  });

  it('validates method kinds and ids before the core sees them', async () => {
    const { session, handlers, log } = await unlockedHost();
    const bad = await dispatch(
      handlers,
      'addMethod',
      { accountId: 'nope', kind: 'carrier-pigeon' },
      log,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) {
      expect(bad.error.message).toContain('accountId');
      expect(bad.error.message).toContain('kind');
    }
    session.close();
  });
});

describe('the health report over the contract', () => {
  it('is computed once per change of the vault, and again after any change or lock', async () => {
    const { session, value } = await unlockedApiHost();
    const first = await value<{ at: number; summary: { warning: number } }>('getHealth', {});
    expect(await value('getHealth', {})).toBe(first);
    const account = await value<{ id: string }>('addAccount', {
      issuer: 'Bank',
      seed: { secret: 'JBSWY3DPEHPK3PXP' },
    });
    const second = await value<{ findings: { accountId: string | null }[] }>('getHealth', {});
    expect(second).not.toBe(first);
    expect(second.findings.some((finding) => finding.accountId === account.id)).toBe(true);
    session.lock();
    await value('unlockVault', { password: PASSWORD });
    expect(await value('getHealth', {})).not.toBe(second);
    session.close();
  });
});
