import {
  FINDING_KINDS,
  type FindingKind,
  type FixTarget,
  type HealthFinding,
} from '../../shared/health.js';

export interface FindingInput {
  accountId: string | null;
  /** What in the account or vault it is about, when there can be several (a method, a contact). */
  subject?: string;
  contactId?: string | null;
  relatedAccountIds?: string[];
  title: string;
  message: string;
  /** The fix in the app's words. */
  fix: string;
  /** The fix in a terminal's words, when it differs (a `sparekey` command). */
  terminalFix?: string;
  fixTarget: FixTarget;
  /** What the finding stands on (a dismissal holds while it stays the same). */
  facts: readonly (string | number | null)[];
}

/** A finding of `kind`, with the kind's one severity and a key stable across checks. */
export function finding(kind: FindingKind, input: FindingInput): HealthFinding {
  const { subject, facts, terminalFix, contactId, relatedAccountIds, ...rest } = input;
  return {
    ruleId: kind,
    severity: FINDING_KINDS[kind].severity,
    key: `${kind}|${input.accountId ?? ''}|${subject ?? ''}`,
    ...rest,
    ...(contactId === undefined ? {} : { contactId }),
    ...(relatedAccountIds === undefined ? {} : { relatedAccountIds }),
    terminalFix: terminalFix ?? input.fix,
    facts: facts.map((fact) => (fact === null ? '-' : String(fact))).join('|'),
  };
}

/** "A", "A and B", "A, B and C" (or with `or`, for choices). */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
