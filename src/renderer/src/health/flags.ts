import type { AccountFlag } from '../../../shared/contract/health-methods.js';
import { severityRank } from '../../../shared/health.js';

/**
 * A few words per rule for the account list, most urgent first: when an
 * account has several findings of one severity, its row names the first.
 */
const SHORT_LABELS: [ruleId: string, label: string][] = [
  ['contacts.retired-in-use', 'Retired contact'],
  ['codes.all-used', 'No codes left'],
  ['codes.low', 'Codes low'],
  ['methods.sms-only', 'SMS only'],
  ['password.reused', 'Reused password'],
  ['password.weak', 'Weak password'],
  ['methods.seed-not-here', 'Seed only on a phone'],
  ['codes.none-stored', 'No backup codes'],
  ['methods.single', 'One way in'],
  ['contacts.none', 'No recovery contact'],
  ['password.old', 'Old password'],
  ['habits.untested', 'Not tested'],
  ['methods.seed-only-here', 'Seed only here'],
];
const LABELS = new Map(SHORT_LABELS);
const PRIORITY = new Map(SHORT_LABELS.map(([ruleId], index) => [ruleId, index]));

/** "Codes low", "SMS only" (or "Phone only" when the only way in is a call), else the finding's title. */
export function flagLabel(flag: Pick<AccountFlag, 'ruleId' | 'title'>): string {
  if (flag.ruleId === 'methods.sms-only' && !flag.title.startsWith('SMS ')) return 'Phone only';
  return LABELS.get(flag.ruleId) ?? flag.title;
}

/** The flags in the order a row names them: critical first, then by how urgent the rule is. */
export function byUrgency<T extends Pick<AccountFlag, 'ruleId' | 'severity'>>(
  flags: readonly T[],
): T[] {
  const priority = (flag: T) => PRIORITY.get(flag.ruleId) ?? SHORT_LABELS.length;
  return [...flags].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || priority(a) - priority(b),
  );
}
