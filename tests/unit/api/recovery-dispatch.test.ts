import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/main/vault/clock.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from '../../support/temp-vault.js';

async function unlockedHost() {
  const session = new AppSession({
    vaultPath: tempVaultPath(),
    kdfCost: FAST_KDF,
    clock: new FixedClock(T0),
  });
  const handlers = createHandlers(session);
  const log = { warn: () => undefined };
  const call = async (name: string, input: unknown) => {
    const envelope = await dispatch(handlers, name, input, log);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as never;
  };
  await call('createVault', { password: PASSWORD });
  return { session, call, handlers, log };
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
    expect(report.findings[0]).toMatchObject({
      ruleId: 'contacts.retired-in-use',
      severity: 'critical',
    });
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
