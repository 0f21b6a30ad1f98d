import type { HealthRule } from '../health-rule.js';
import { backupCodesRule, noBackupCodesRule } from './backup-code-rules.js';
import { clockDrift } from './clock-rule.js';
import { noRecoveryContact, retiredContactInUse, staleContact } from './contact-rules.js';
import { untestedSignIn } from './habit-rules.js';
import { phoneOnlyRule, seedNotHere, seedOnlyHere, singleMethod } from './method-rules.js';
import { PASSWORD_RULES } from './password-rules.js';
import { backupStale } from './vault-backup-rules.js';
import { sheetOutdated } from './sheet-rules.js';

/** Every health rule, in no particular order (the report sorts by severity). */
export const HEALTH_RULES: readonly HealthRule[] = [
  backupCodesRule,
  noBackupCodesRule,
  retiredContactInUse,
  staleContact,
  noRecoveryContact,
  phoneOnlyRule,
  singleMethod,
  seedOnlyHere,
  seedNotHere,
  untestedSignIn,
  clockDrift,
  ...PASSWORD_RULES,
  sheetOutdated,
  backupStale,
];
