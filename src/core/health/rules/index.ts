import type { HealthRule } from '../health-rule.js';
import { backupCodeRules } from './backup-code-rules.js';
import { clockDrift } from './clock-rule.js';
import { contactRules } from './contact-rules.js';
import { untestedSignIn } from './habit-rules.js';
import { methodRules } from './method-rules.js';
import { PASSWORD_RULES } from './password-rules.js';
import { sheetOutdated } from './sheet-rules.js';
import { backupStale } from './vault-backup-rules.js';
import { wayRules } from './way-rules.js';

/** Every health rule, in no particular order (the report sorts by severity). */
export const HEALTH_RULES: readonly HealthRule[] = [
  wayRules,
  backupCodeRules,
  methodRules,
  contactRules,
  untestedSignIn,
  clockDrift,
  ...PASSWORD_RULES,
  sheetOutdated,
  backupStale,
];
