import { describe, expect, it } from 'vitest';
import type {
  AccountHealthReport,
  HealthOverview,
} from '../../../src/shared/contract/health-methods.js';
import type { Dismissal, GroupedHealthReport } from '../../../src/shared/health.js';
import type { AccountRecovery, TwoFactorMethod } from '../../../src/shared/recovery.js';
import { DAY_MS } from '../../../src/shared/durations.js';
import { unlockedApiHost } from '../../support/api-host.js';
import { T0 } from '../../support/temp-vault.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const CODES = ['1111-2222', '3333-4444', '5555-6666', '7777-8888', '9999-0000'];

/** Three accounts with a seed and backup codes and no recovery contact: three `contacts.none`. */
async function hostWithThreeAccounts() {
  const host = await unlockedApiHost();
  const ids: string[] = [];
  for (const issuer of ['Bank', 'Mail', 'Shop']) {
    const { id } = await host.value<{ id: string }>('addAccount', {
      issuer,
      seed: { secret: SECRET },
    });
    await host.value('addBackupCodes', { accountId: id, codes: CODES });
    ids.push(id);
  }
  return { ...host, ids };
}

describe('health over the contract', () => {
  it('groups what several accounts share, with each account in the group', async () => {
    const { session, value, ids } = await hostWithThreeAccounts();
    const report = await value<GroupedHealthReport>('getHealth', {});
    const group = report.groups.find((entry) => entry.ruleId === 'contacts.none');
    expect(group).toMatchObject({
      severity: 'info',
      title: '3 accounts have no recovery contact recorded',
    });
    expect([...(group?.accountIds ?? [])].sort()).toEqual([...ids].sort());
    expect(report.findings.some((finding) => finding.ruleId === 'contacts.none')).toBe(false);
    // Nothing here is a warning: the list's "Needs attention" is empty.
    const overview = await value<HealthOverview>('getHealthOverview', {});
    expect(overview.flagged).toEqual([]);
    session.close();
  });

  it("an account's report has its ways in, and why its readiness is what it is", async () => {
    const { session, value, ids } = await hostWithThreeAccounts();
    const phone = await value<{ id: string }>('addContact', {
      kind: 'phone',
      value: '+447700900123',
    });
    const sms = await value<TwoFactorMethod>('addMethod', {
      accountId: ids[0],
      kind: 'sms',
      contactId: phone.id,
    });
    await value('retireContact', { id: phone.id });
    const own = await value<AccountHealthReport>('getAccountHealth', { accountId: ids[0] });
    expect(own.ways.ways.map((way) => [way.kind, way.state])).toEqual([
      ['authenticator', 'at-risk'],
      ['sms', 'broken'],
      ['backup-codes', 'works'],
    ]);
    expect(own.readiness).toMatchObject({ score: 80, verdict: 'ok', worst: 'warning' });
    expect(own.readiness.reasons.map((reason) => reason.points)).toEqual([10, 10]);
    expect(own.findings.map((finding) => finding.ruleId)).toContain('contacts.retired-in-use');

    // Marked not working (a way the user says stopped), then working again.
    const marked = await value<AccountRecovery>('setMethodWorking', {
      accountId: ids[0],
      methodId: sms.id,
      working: false,
    });
    expect(marked.methods[0]?.notWorkingSince).toBe(T0);
    await value('setMethodWorking', { accountId: ids[0], methodId: sms.id, working: true });
    const again = await value<AccountRecovery>('getRecovery', { accountId: ids[0] });
    expect(again.methods[0]?.notWorkingSince).toBeNull();
    session.close();
  });

  it('dismisses and brings back a finding; the renderer names it by key only', async () => {
    const { session, value, ids } = await hostWithThreeAccounts();
    const key = `contacts.none|${ids[1]}|`;
    const dismissal = await value<Dismissal>('dismissFinding', {
      key,
      mode: 'accepted',
      until: T0 + 90 * DAY_MS,
      reason: 'Mail has no recovery option',
    });
    expect(dismissal).toMatchObject({ key, mode: 'accepted', until: T0 + 90 * DAY_MS });
    const report = await value<GroupedHealthReport>('getHealth', {});
    expect(report.dismissed).toEqual([
      expect.objectContaining({ key, ruleId: 'contacts.none', accountId: ids[1] }),
    ]);
    expect(report.groups.find((group) => group.ruleId === 'contacts.none')?.accountIds).toEqual([
      ids[0],
      ids[2],
    ]);
    const own = await value<AccountHealthReport>('getAccountHealth', { accountId: ids[1] });
    expect(own.dismissed.map((entry) => entry.dismissal.reason)).toEqual([
      'Mail has no recovery option',
    ]);

    await value('undismissFinding', { key });
    expect((await value<GroupedHealthReport>('getHealth', {})).dismissed).toEqual([]);
    session.close();
  });

  it('refuses a key that is not a finding, a reason too long, and a finding no longer there', async () => {
    const { session, call, ids } = await hostWithThreeAccounts();
    const notAKey = await call('dismissFinding', {
      key: "contacts.none|x'; DROP",
      mode: 'not-applicable',
    });
    expect(notAKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const long = await call('dismissFinding', {
      key: `contacts.none|${ids[0]}|`,
      mode: 'not-applicable',
      reason: 'x'.repeat(501),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const gone = await call('dismissFinding', {
      key: `codes.low|${ids[0]}|`,
      mode: 'not-applicable',
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const notDismissed = await call('undismissFinding', { key: `contacts.none|${ids[0]}|` });
    expect(notDismissed).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That finding is not dismissed.' },
    });
    session.close();
  });
});
