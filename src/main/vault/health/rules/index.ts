import type { HealthRule } from '../health-rule.js';
import { backupCodesRule } from './backup-codes.js';

/** Every health rule, in no particular order (the report sorts by severity). */
export const HEALTH_RULES: readonly HealthRule[] = [backupCodesRule];
