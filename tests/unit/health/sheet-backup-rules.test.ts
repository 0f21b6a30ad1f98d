import { describe, expect, it } from 'vitest';
import type { BackupState } from '../../../src/core/backups/backup-state.js';
import { backupStale } from '../../../src/core/health/rules/vault-backup-rules.js';
import { sheetOutdated } from '../../../src/core/health/rules/sheet-rules.js';
import { makeSeed } from '../../../src/core/otp/seed.js';
import type { SheetPrintFacts } from '../../../src/core/sheets/sheets.js';
import type { AccountSummary } from '../../../src/shared/domain.js';
import type { AccountRecovery, Contact } from '../../../src/shared/recovery.js';
import { ruleFindings, snapshotWith } from '../../support/health-snapshot.js';
import { createTestVault, T0 } from '../../support/temp-vault.js';
import { DAY_MS, HOUR_MS } from '../../../src/shared/durations.js';

const PRINTED = T0;

const account: AccountSummary = {
  id: 'a000000000000001',
  issuer: 'Bank',
  accountName: 'me',
  url: '',
  notes: '',
  tags: [],
  createdAt: T0 - 100 * DAY_MS,
  updatedAt: T0 - 100 * DAY_MS,
  otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
};
const phone: Contact = {
  id: 'c000000000000001',
  kind: 'phone',
  value: '+447700900461',
  display: '+44 7700 900461',
  label: '',
  confirmedAt: T0 - DAY_MS,
  retiredAt: null,
  createdAt: T0 - 10 * DAY_MS,
  updatedAt: T0 - DAY_MS,
};
const recovery = (changedAt: number | null): AccountRecovery => ({
  accountId: account.id,
  methods: [],
  recoveryContactIds: [phone.id],
  supportUrl: '',
  recoveryNotes: '',
  lastTestedAt: null,
  changedAt,
});
const printed = (overrides: Partial<SheetPrintFacts> = {}): SheetPrintFacts => ({
  accountId: account.id,
  printedAt: PRINTED,
  seedPrinted: true,
  printedContacts: [{ id: phone.id, value: phone.value, retired: false }],
  seedChangedAt: T0 - 50 * DAY_MS,
  codeSetsChangedAt: T0 - 50 * DAY_MS,
  ...overrides,
});
const check = (facts: SheetPrintFacts, extra: Parameters<typeof snapshotWith>[0] = {}) =>
  ruleFindings(
    sheetOutdated,
    snapshotWith({
      now: T0 + DAY_MS,
      accounts: [account],
      contacts: [phone],
      recoveries: new Map([[account.id, recovery(T0 - 50 * DAY_MS)]]),
      sheets: [facts],
      ...extra,
    }),
  );

describe('habits.sheet-outdated', () => {
  it('is quiet for a sheet printed after every change, and for a change at the very instant of printing', () => {
    expect(check(printed())).toEqual([]);
    expect(check(printed({ codeSetsChangedAt: PRINTED, seedChangedAt: PRINTED }))).toEqual([]);
    expect(check(printed(), { recoveries: new Map([[account.id, recovery(PRINTED)]]) })).toEqual(
      [],
    );
    expect(check(printed(), { accounts: [] })).toEqual([]);
  });

  it('warns one millisecond after: codes replaced or added, the seed changed or added', () => {
    const codes = check(printed({ codeSetsChangedAt: PRINTED + 1 }));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({
      ruleId: 'habits.sheet-outdated',
      severity: 'warning',
      accountId: account.id,
      fixTarget: 'sheet',
    });
    expect(codes[0]?.message).toMatch(
      /^The recovery sheet for Bank \(me\) printed on 3 May 2026 is out of date: its backup codes were replaced or added to\. Codes on that paper/,
    );
    expect(check(printed({ seedChangedAt: PRINTED + 1 }))[0]?.message).toContain(
      'its authenticator seed changed',
    );
    expect(
      check(printed({ seedPrinted: false, seedChangedAt: PRINTED + 1 }))[0]?.message,
    ).toContain('an authenticator seed was added');
  });

  it('gives info (its own kind) when only the recovery facts changed, the seed was removed, or a listed contact changed or was retired', () => {
    const recoveryChanged = check(printed(), {
      recoveries: new Map([[account.id, recovery(PRINTED + 1)]]),
    });
    expect(recoveryChanged.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['habits.sheet-details-outdated', 'info'],
    ]);
    expect(check(printed({ seedChangedAt: null }))[0]).toMatchObject({
      ruleId: 'habits.sheet-details-outdated',
      severity: 'info',
    });
    expect(check(printed({ seedPrinted: false, seedChangedAt: null }))).toEqual([]);

    const renumbered = check(printed(), {
      contacts: [{ ...phone, value: '+447700900462', display: '+44 7700 900462' }],
    });
    expect(renumbered[0]?.message).toContain('a contact it lists is now +44 7700 900462');
    expect(check(printed(), { contacts: [] })[0]?.message).toContain(
      'a contact it lists was deleted',
    );

    const retiredAfter = check(printed(), { contacts: [{ ...phone, retiredAt: PRINTED + 1 }] });
    expect(retiredAfter[0]?.message).toContain('+44 7700 900461, which it lists, was retired');
    // Retired before printing: the sheet already said so.
    expect(
      check(printed({ printedContacts: [{ id: phone.id, value: phone.value, retired: true }] }), {
        contacts: [{ ...phone, retiredAt: PRINTED - 1 }],
      }),
    ).toEqual([]);
  });

  it('in a real vault: printing clears it, using a code does not raise it, replacing the codes does', async () => {
    const { vault, clock } = await createTestVault();
    const bank = vault.accounts.add({
      issuer: 'Bank',
      seed: makeSeed({ secret: 'JBSWY3DPEHPK3PXP' }),
    });
    const { set } = vault.backupCodes.add(bank.id, {
      codes: ['aaaa-1111', 'bbbb-2222', 'cccc-3333'],
    });
    const ids = () =>
      vault.health
        .check(clock.now())
        .report.findings.filter((finding) => finding.ruleId === 'habits.sheet-outdated')
        .map((finding) => finding.severity);
    expect(ids()).toEqual([]);
    clock.advance(HOUR_MS);
    const sheet = await vault.sheets.render(
      { accountIds: [bank.id] },
      { paper: 'a4', includeUsed: false },
    );
    vault.sheets.markPrinted([bank.id], {
      paper: 'a4',
      includeUsed: false,
      printedAt: sheet.printedAt,
    });
    clock.advance(HOUR_MS);
    vault.backupCodes.use(bank.id, { setId: set.id, number: 1 });
    expect(ids()).toEqual([]);
    clock.advance(HOUR_MS);
    vault.backupCodes.add(bank.id, { codes: ['dddd-4444', 'eeee-5555'], replace: true });
    expect(ids()).toEqual(['warning']);
    clock.advance(HOUR_MS);
    vault.sheets.markPrinted([bank.id], { paper: 'a4', includeUsed: false });
    expect(ids()).toEqual([]);
    vault.close();
  });
});

describe('backup.stale', () => {
  const state: BackupState = {
    changes: 5,
    lastChangeAt: T0,
    oldestUnsavedChangeAt: T0 - 2 * HOUR_MS,
    savedChanges: 3,
    lastBackupAt: T0 - 3 * HOUR_MS,
    lastBackupFile: '/x/backups/v.sparekey',
  };
  const run = (backup: typeof state, now: number, backupStaleHours?: number) =>
    ruleFindings(
      backupStale,
      snapshotWith({ now, backup, settings: backupStaleHours ? { backupStaleHours } : {} }),
    );

  it('is quiet when every change is in a backup, and for a vault nobody changed', () => {
    expect(run({ ...state, savedChanges: 5, oldestUnsavedChangeAt: null }, T0)).toEqual([]);
    expect(
      run(
        {
          ...state,
          changes: 0,
          savedChanges: 0,
          lastBackupAt: null,
          lastChangeAt: null,
          oldestUnsavedChangeAt: null,
        },
        T0,
      ),
    ).toEqual([]);
  });

  it('says nothing while the changes are recent (the app backs up within a minute); a warning once the oldest is 24 hours old (configurable)', () => {
    const start = state.oldestUnsavedChangeAt as number;
    expect(run(state, start + 24 * HOUR_MS - 1)).toEqual([]);
    const stale = run(state, start + 24 * HOUR_MS);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      ruleId: 'backup.stale',
      severity: 'warning',
      accountId: null,
      fixTarget: 'backup',
    });
    expect(stale[0]?.message).toBe(
      '2 changes since the last backup (3 May 2026) are in no backup; the oldest is from 3 May 2026.',
    );
    expect(stale[0]?.fix).not.toContain('sparekey');
    expect(stale[0]?.terminalFix).toContain('`sparekey backup`');
    expect(run(state, start + 2 * HOUR_MS, 2)[0]?.severity).toBe('warning');
    const never = run({ ...state, savedChanges: 0, lastBackupAt: null }, start + 24 * HOUR_MS);
    expect(never[0]?.title).toBe('The vault has never been backed up');
  });

  it('in a real vault: changes raise it, a backup clears it', async () => {
    const { vault, clock } = await createTestVault();
    const stale = () =>
      vault.health
        .check(clock.now())
        .report.findings.filter((finding) => finding.ruleId === 'backup.stale');
    expect(stale()).toEqual([]);
    vault.accounts.add({ issuer: 'Forum' });
    expect(stale()).toEqual([]);
    clock.advance(25 * HOUR_MS);
    expect(stale().map((finding) => finding.severity)).toEqual(['warning']);
    await vault.backups.create();
    expect(stale()).toEqual([]);
    vault.close();
  });
});
