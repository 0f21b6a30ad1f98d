import type { HealthRule } from '../health-rule.js';
import { PASSWORD_RULES } from './password-rules.js';

/** Every health rule, in no particular order (the report sorts by severity). */
export const HEALTH_RULES: readonly HealthRule[] = [...PASSWORD_RULES];
