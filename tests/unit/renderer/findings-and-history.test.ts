import { describe, expect, it } from 'vitest';
import { fixDestination } from '../../../src/renderer/src/app/navigation.js';
import { byUrgency, flagLabel } from '../../../src/renderer/src/health/flags.js';
import { daysAgo, shortDay } from '../../../src/renderer/src/ui/dates.js';
import { describeCodeEvent } from '../../../src/shared/backup-code-events.js';
import type { FixTarget } from '../../../src/shared/health.js';
import { MINUTE_MS } from '../../../src/shared/durations.js';

const finding = (fixTarget: FixTarget, extra: Record<string, unknown> = {}) => ({
  ruleId: 'some.rule',
  fixTarget,
  accountId: 'a1' as string | null,
  ...extra,
});

describe('where a finding’s fix button goes', () => {
  it('opens the account section the fix is made in', () => {
    expect(fixDestination(finding('codes'))).toEqual({
      target: { view: 'accounts', accountId: 'a1', section: 'codes' },
      label: 'Open backup codes',
    });
    expect(fixDestination(finding('login'))?.target).toMatchObject({ section: 'login' });
    expect(fixDestination(finding('methods'))?.target).toMatchObject({ section: 'recovery' });
    expect(fixDestination(finding('account'))?.target).toMatchObject({ section: 'top' });
    // "Add to another authenticator" is in the account's Code section.
    expect(fixDestination(finding('add-to-authenticator'))?.target).toMatchObject({
      view: 'accounts',
      accountId: 'a1',
      section: 'qr',
    });
  });

  it('sends two account-wide rules where their fix is actually made', () => {
    expect(fixDestination(finding('account', { ruleId: 'habits.untested' }))?.target).toMatchObject(
      { section: 'recovery' },
    );
    expect(
      fixDestination(finding('account', { ruleId: 'methods.seed-not-here' }))?.target,
    ).toMatchObject({ section: 'seed' });
  });

  it('opens a contact, settings, the clock, the sheet of the account or the backups', () => {
    expect(fixDestination(finding('contacts', { accountId: null, contactId: 'c1' }))).toEqual({
      target: { view: 'contacts', contactId: 'c1' },
      label: 'Open the contact',
    });
    expect(fixDestination(finding('settings', { accountId: null }))?.target).toEqual({
      view: 'settings',
      section: 'health-checks',
    });
    expect(fixDestination(finding('clock', { accountId: null }))?.target).toEqual({
      view: 'health',
      section: 'clock',
    });
    expect(fixDestination(finding('sheet', { ruleId: 'habits.sheet-outdated' }))).toEqual({
      target: { view: 'sheets', section: 'sheet', accountId: 'a1' },
      label: 'Print a new sheet',
    });
    expect(fixDestination(finding('backup', { ruleId: 'backup.stale', accountId: null }))).toEqual({
      target: { view: 'sheets', section: 'backups' },
      label: 'Open backups',
    });
    // An account section without an account has nowhere to go.
    expect(fixDestination(finding('codes', { accountId: null }))).toBeNull();
  });
});

describe('warnings on the account rows', () => {
  it('names the most urgent finding: critical first, then in the order of the kinds', () => {
    const flags = [
      { ruleId: 'methods.single' as const, severity: 'warning' as const, title: 'x' },
      { ruleId: 'password.weak' as const, severity: 'warning' as const, title: 'x' },
      { ruleId: 'codes.low' as const, severity: 'warning' as const, title: 'x' },
      { ruleId: 'ways.none-work' as const, severity: 'critical' as const, title: 'x' },
    ];
    expect(byUrgency(flags).map((flag) => flag.ruleId)).toEqual([
      'ways.none-work',
      'codes.low',
      'methods.single',
      'password.weak',
    ]);
    expect(flags[0]?.ruleId).toBe('methods.single');
  });

  it('says it in the few words of its kind, the same everywhere', () => {
    expect(flagLabel({ ruleId: 'codes.low', title: 'Backup codes running low' })).toBe('Codes low');
    expect(flagLabel({ ruleId: 'methods.sms-only', title: 'SMS is the only way in' })).toBe(
      'SMS only',
    );
    expect(
      flagLabel({ ruleId: 'methods.sms-only', title: 'SMS / Voice call are the only way in' }),
    ).toBe('Phone only');
    expect(flagLabel({ ruleId: 'ways.none-work', title: 'No way in works' })).toBe(
      'No way in works',
    );
  });
});

describe('the backup-code history in words', () => {
  const event = (type: string, detail: Record<string, string | number>) => ({
    id: 'e1',
    accountId: 'a1',
    type,
    at: 0,
    detail: { setId: '0123456789abcdef', ...detail },
  });

  it('names sets by their id for the CLI, or as the caller says', () => {
    const use = event('codes.use', { number: 3, how: 'typed', note: 'new laptop' });
    expect(describeCodeEvent(use)).toBe('used code #3 of set 01234567 (typed): new laptop');
    expect(describeCodeEvent(use, () => 'the set issued 3 May 2026')).toBe(
      'used code #3 of the set issued 3 May 2026 (typed): new laptop',
    );
    expect(describeCodeEvent(event('codes.add', { count: 10, label: 'paper' }))).toBe(
      'added 10 codes "paper" (set 01234567)',
    );
  });
});

describe('dates in the views', () => {
  const now = new Date(2026, 4, 13, 12).getTime();
  it('counts whole days back from main’s clock', () => {
    expect(daysAgo(now - MINUTE_MS, now)).toBe('today');
    expect(daysAgo(new Date(2026, 4, 12, 9).getTime(), now)).toBe('yesterday');
    expect(daysAgo(new Date(2026, 4, 1, 12).getTime(), now)).toBe('12 days ago');
  });
  it('leaves the year out in the current year', () => {
    expect(shortDay(new Date(2026, 0, 12).getTime(), now)).toBe('12 Jan');
    expect(shortDay(new Date(2025, 11, 3).getTime(), now)).toBe('3 Dec 2025');
  });
});
