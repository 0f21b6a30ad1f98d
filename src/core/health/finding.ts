import {
  FINDING_KINDS,
  type FindingKind,
  findingKey,
  type FixTarget,
  type HealthFinding,
  type Severity,
} from '../../shared/health.js';

/** What a finding says; built only when read (most findings of a large vault are only counted or grouped). */
export interface FindingText {
  title: string;
  message: string;
  /** The fix in the app's words. */
  fix: string;
  /** The fix in a terminal's words, when it differs (a `sparekey` command). */
  terminalFix?: string;
}

/** For findings that stand on nothing that can change but their existence. */
export const NO_FACTS: readonly string[] = Object.freeze([]);

export interface FindingInput {
  accountId: string | null;
  /** What in the account or vault it is about, when there can be several (a method, a contact). */
  subject?: string;
  contactId?: string | null;
  relatedAccountIds?: string[];
  fixTarget: FixTarget;
  /** What the finding stands on (a dismissal holds while it stays the same). */
  facts: readonly (string | number | null)[];
  text: () => FindingText;
}

/**
 * A finding as the rules make it: its kind, severity, account, fix target and
 * facts, and a function for its words. Only what is shown is put into words
 * (`describe`): at 10,000 accounts most findings are only counted or shown as
 * one group, and building every sentence of every one was most of a check.
 */
export interface RawFinding {
  ruleId: FindingKind;
  severity: Severity;
  accountId: string | null;
  subject: string | undefined;
  contactId: string | null | undefined;
  relatedAccountIds: string[] | undefined;
  fixTarget: FixTarget;
  facts: readonly (string | number | null)[];
  text: () => FindingText;
  returned?: HealthFinding['returned'];
}

/** A finding of `kind`, with the kind's one severity. */
export function finding(kind: FindingKind, input: FindingInput): RawFinding {
  return {
    ruleId: kind,
    severity: FINDING_KINDS[kind].severity,
    accountId: input.accountId,
    subject: input.subject,
    contactId: input.contactId,
    relatedAccountIds: input.relatedAccountIds,
    fixTarget: input.fixTarget,
    facts: input.facts,
    text: input.text,
  };
}

/** The key of a finding: stable across checks (see `findingKey`). */
export function keyOf(raw: RawFinding): string {
  return findingKey(raw.ruleId, raw.accountId, raw.subject);
}

/** The facts a finding stands on, as the text a dismissal keeps. */
export function factsOf(raw: RawFinding): string {
  return raw.facts.length === 0 ? '' : raw.facts.map(factText).join('|');
}

/** The finding in words, as the app and the CLI show it. */
export function describe(raw: RawFinding): HealthFinding {
  const text = raw.text();
  const finding: HealthFinding = {
    ruleId: raw.ruleId,
    severity: raw.severity,
    key: keyOf(raw),
    accountId: raw.accountId,
    title: text.title,
    message: text.message,
    fix: text.fix,
    terminalFix: text.terminalFix ?? text.fix,
    fixTarget: raw.fixTarget,
    facts: factsOf(raw),
  };
  if (raw.contactId !== undefined) finding.contactId = raw.contactId;
  if (raw.relatedAccountIds !== undefined) finding.relatedAccountIds = raw.relatedAccountIds;
  if (raw.returned !== undefined) finding.returned = raw.returned;
  return finding;
}

function factText(fact: string | number | null): string {
  return fact === null ? '-' : String(fact);
}

/** "A", "A and B", "A, B and C" (or with `or`, for choices). */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
