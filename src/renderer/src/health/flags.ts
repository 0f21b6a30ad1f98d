import type { AccountFlag } from '../../../shared/contract/health-methods.js';
import { FINDING_KIND_IDS, FINDING_KINDS, severityRank } from '../../../shared/health.js';

/** The order of urgency within a severity: the order of the kinds in FINDING_KINDS. */
const PRIORITY = new Map(FINDING_KIND_IDS.map((kind, index) => [kind, index]));

/** "Codes low", "SMS only" (or "Phone only" when the only way in is a call or WhatsApp). */
export function flagLabel(flag: Pick<AccountFlag, 'ruleId' | 'title'>): string {
  if (flag.ruleId === 'methods.sms-only' && flag.title.startsWith('SMS is ')) return 'SMS only';
  return FINDING_KINDS[flag.ruleId].label;
}

/** The flags in the order a row names them: critical first, then by how urgent the kind is. */
export function byUrgency<T extends Pick<AccountFlag, 'ruleId' | 'severity'>>(
  flags: readonly T[],
): T[] {
  const priority = (flag: T) => PRIORITY.get(flag.ruleId) ?? FINDING_KIND_IDS.length;
  return [...flags].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || priority(a) - priority(b),
  );
}
