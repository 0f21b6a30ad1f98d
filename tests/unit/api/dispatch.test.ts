import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { METHOD_NAMES, contract } from '../../../src/shared/contract/index.js';
import { FAST_KDF, PASSWORD, tempVaultPath } from '../../support/temp-vault.js';

function host() {
  const warnings: string[] = [];
  const session = new AppSession({ vaultPath: tempVaultPath(), ...FAST_KDF });
  const handlers = createHandlers(session);
  return {
    session,
    handlers,
    warnings,
    log: { warn: (message: string) => warnings.push(message) },
  };
}

describe('dispatch: every call is checked against the contract', () => {
  it('has a handler for every contract method, and nothing else', () => {
    const { handlers, session } = host();
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    expect(METHOD_NAMES.length).toBe(Object.keys(contract).length);
    session.close();
  });

  it('refuses an unknown method', async () => {
    const { handlers, log, warnings } = host();
    expect(await dispatch(handlers, 'deleteEverything', {}, log)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Unknown method.' },
    });
    expect(warnings).toHaveLength(1);
  });

  it('refuses input that does not match the schema, naming the field but never echoing the value', async () => {
    const { handlers, log, warnings, session } = host();
    await dispatch(handlers, 'createVault', { password: PASSWORD }, log);
    const secret = 'JBSWY3DPEHPK3PXP-this-is-secret';
    const result = await dispatch(
      handlers,
      'addAccount',
      { issuer: 42, seed: { secret, extra: true } },
      log,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('issuer');
      expect(result.error.message).not.toContain(secret);
    }
    expect(warnings.join('\n')).not.toContain(secret);
    expect(await dispatch(handlers, 'listAccounts', { unexpected: 1 }, log)).toMatchObject({
      ok: false,
    });
    session.close();
  });

  it('names each refused field and its problem as data, with no schema wording', async () => {
    const { handlers, log, session } = host();
    await dispatch(handlers, 'createVault', { password: PASSWORD }, log);
    const account = await dispatch(handlers, 'addAccount', { issuer: 'ACME' }, log);
    if (!account.ok) throw new Error('not added');
    const accountId = (account.value as { id: string }).id;

    const cases: [string, unknown, unknown[]][] = [
      // An empty phone number: "required", not "Too small: expected string to have >=1 characters".
      ['addContact', { kind: 'phone', value: '' }, [{ field: 'value', problem: 'required' }]],
      [
        'previewBackupCodes',
        { text: 'x'.repeat(100_001), accountId },
        [{ field: 'text', problem: 'too-long', limit: 100_000 }],
      ],
      [
        'addAccount',
        { issuer: 'A', seed: { otpauth: `otpauth://${'a'.repeat(5000)}` } },
        [{ field: 'seed.otpauth', problem: 'too-long', limit: 4096 }],
      ],
      ['addContact', { kind: 'fax', value: '1' }, [{ field: 'kind', problem: 'choice' }]],
      ['removeAccount', { id: 'not-an-id' }, [{ field: 'id', problem: 'format' }]],
      ['removeAccount', {}, [{ field: 'id', problem: 'required' }]],
      [
        'useBackupCode',
        { accountId, setId: '0123456789abcdef', number: 2.5 },
        [{ field: 'number', problem: 'whole-number' }],
      ],
      [
        'useBackupCode',
        { accountId, setId: '0123456789abcdef', number: 101 },
        [{ field: 'number', problem: 'too-large', limit: 100 }],
      ],
      ['renderSheet', {}, [{ field: 'input', problem: 'format' }]],
      ['listAccounts', { unexpected: 1 }, [{ field: 'input', problem: 'unexpected' }]],
    ];
    for (const [method, input, issues] of cases) {
      const result = await dispatch(handlers, method, input, log);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (result.ok) continue;
      expect(result.error.details, `${method} ${JSON.stringify(input).slice(0, 60)}`).toEqual({
        issues,
      });
      expect(result.error.message).toMatch(/^The input was refused: /);
      expect(result.error.message).not.toMatch(/Invalid input|expected|Too small|Too big/);
    }
    session.close();
  });

  it("passes the core's typed errors through as envelopes", async () => {
    const { handlers, log } = host();
    expect(await dispatch(handlers, 'listAccounts', {}, log)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
  });

  it('runs a valid call and answers with its value', async () => {
    const { handlers, log, session } = host();
    expect(await dispatch(handlers, 'createVault', { password: PASSWORD }, log)).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    const added = await dispatch(
      handlers,
      'addAccount',
      {
        issuer: '',
        seed: {
          otpauth: 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
        },
      },
      log,
    );
    expect(added).toMatchObject({ ok: true, value: { issuer: 'Deno', accountName: 'Mason' } });
    session.close();
  });
});
