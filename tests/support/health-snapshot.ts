import type { AccountSummary } from '../../src/shared/domain.js';
import type { HealthFinding } from '../../src/shared/health.js';
import { buildModel } from '../../src/core/health/health.js';
import { describe, type RawFinding } from '../../src/core/health/finding.js';
import type { HealthRule, HealthSnapshot } from '../../src/core/health/health-rule.js';
import { VaultSettingsSchema } from '../../src/core/settings/settings-schema.js';
import { INITIAL_BACKUP_STATE } from '../../src/core/backups/backup-state.js';

/** A health snapshot with every section empty and default settings, overridden where a test says. */
export function snapshotWith(
  overrides: Partial<Omit<HealthSnapshot, 'settings'>> & {
    settings?: Partial<HealthSnapshot['settings']>;
  },
): HealthSnapshot {
  const { settings, ...rest } = overrides;
  return {
    now: 0,
    accounts: [],
    contacts: [],
    recoveries: new Map(),
    clockCheck: null,
    codes: [],
    passwords: [],
    sheets: [],
    backup: INITIAL_BACKUP_STATE,
    ...rest,
    settings: VaultSettingsSchema.parse(settings ?? {}),
  };
}

/** An account summary for rule tests: no seed, created at `at`. */
export function accountFixture(
  id: string,
  issuer: string,
  accountName = '',
  at = 0,
): AccountSummary {
  return {
    id,
    issuer,
    accountName,
    url: '',
    notes: '',
    tags: [],
    createdAt: at,
    updatedAt: at,
    otp: null,
  };
}

/** What one rule finds in a snapshot: its per-account part over every account, and its vault part. */
export function ruleFindings(rule: HealthRule, snapshot: HealthSnapshot): HealthFinding[] {
  const model = buildModel(snapshot);
  const findings: RawFinding[] = [];
  for (const facts of model.accounts) rule.account?.(facts, model, findings);
  return [...findings, ...(rule.vault?.(model) ?? [])].map(describe);
}
