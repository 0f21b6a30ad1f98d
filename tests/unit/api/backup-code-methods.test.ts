import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../../../src/main/api/app-session.js';
import { dispatch } from '../../../src/main/api/dispatch.js';
import { createHandlers } from '../../../src/main/api/handlers/index.js';
import { FixedClock } from '../../../src/core/clock.js';
import type { CodeBlockPreview, CodeSetView } from '../../../src/shared/backup-codes.js';
import type { Envelope } from '../../../src/shared/contract/index.js';
import { FAST_KDF, PASSWORD, T0, tempVaultPath } from '../../support/temp-vault.js';

const DISCORD = readFileSync('tests/fixtures/code-blocks/discord_backup_codes.txt', 'utf8');

/** The UI's path: every call goes through the contract's schema and the handler table. */
async function unlockedHost() {
  const session = new AppSession({
    vaultPath: tempVaultPath(),
    ...FAST_KDF,
    clock: new FixedClock(T0),
  });
  const handlers = createHandlers(session);
  const call = async <T>(name: string, input: unknown): Promise<Envelope<T>> =>
    (await dispatch(handlers, name, input, { warn: () => undefined })) as Envelope<T>;
  await call('createVault', { password: PASSWORD });
  const added = await call<{ id: string }>('addAccount', { issuer: 'Discord' });
  if (!added.ok) throw new Error('could not add an account');
  return { session, call, accountId: added.value.id };
}

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

describe('the backup-code methods of the contract', () => {
  it('preview, add, list without code text, reveal, use, refuse, undo, history, status', async () => {
    const { session, call, accountId } = await unlockedHost();

    const preview = value(
      await call<CodeBlockPreview>('previewBackupCodes', { text: DISCORD, accountId }),
    );
    expect(preview).toMatchObject({ sure: true, existing: { currentSets: 0, total: 0 } });
    expect(preview.codes).toHaveLength(10);

    const added = value(
      await call<{ set: CodeSetView }>('addBackupCodes', {
        accountId,
        codes: preview.codes.map((found) => found.code),
        label: 'downloaded file',
      }),
    );
    const setId = added.set.id;

    const listed = await call('listBackupCodeSets', { accountId });
    expect(JSON.stringify(listed)).not.toContain('brlv');
    expect(value(listed)).toMatchObject({ status: { total: 10, remaining: 10, level: 'ok' } });

    const revealed = value(
      await call<{ codes: { code: string }[] }>('revealBackupCodes', { accountId, setId }),
    );
    expect(revealed.codes[0]?.code).toBe('brlv-px0w');
    // Copying is the desktop shell's (through its clipboard guard); without it, refused and not recorded.
    expect(await call('copyBackupCode', { accountId, setId, number: 2 })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED' },
    });

    expect(
      value(await call('useTypedBackupCode', { accountId, code: 'BRLVPX0W', note: 'new PC' })),
    ).toMatchObject({
      number: 1,
      usedAt: T0,
      status: { remaining: 9 },
    });
    const reused = await call('useBackupCode', { accountId, setId, number: 1 });
    expect(reused).toEqual({
      ok: false,
      error: {
        code: 'REFUSED',
        message:
          'brlv-px0w was already used on 3 May 2026: new PC. Each backup code works only once.',
        details: { reason: 'already-used', setId, number: 1, usedAt: T0, note: 'new PC' },
      },
    });
    const typo = await call('useTypedBackupCode', { accountId, code: 'bnfd-g7pa' });
    expect(typo).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED',
        details: {
          reason: 'no-match',
          suggestions: [{ setId, number: 2, distance: 1, usedAt: null }],
        },
      },
    });

    expect(value(await call('undoBackupCodeUse', { accountId }))).toMatchObject({ number: 1 });
    const history = value(
      await call<{ events: { type: string }[] }>('getBackupCodeHistory', { accountId }),
    );
    expect(history.events.map((event) => event.type)).toEqual([
      'codes.add',
      'codes.reveal',
      'codes.use',
      'codes.suggest',
      'codes.undo',
    ]);
    expect(value(await call('getCodesStatus', { accountId }))).toMatchObject({ remaining: 10 });
    expect(value(await call<unknown[]>('listCodesStatus', {}))).toHaveLength(1);
    session.close();
  });

  it('checks inputs at the contract: either text or codes, ids, numbers', async () => {
    const { session, call, accountId } = await unlockedHost();
    const both = await call('addBackupCodes', { accountId, text: DISCORD, codes: ['abcd-1234'] });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('useBackupCode', { accountId, setId: 'nope', number: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await call('copyBackupCode', { accountId, setId: '0123456789abcdef', number: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    session.lock();
    expect(await call('listCodesStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    session.close();
  });
});
