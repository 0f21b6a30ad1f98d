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

export interface FindingInput<A = undefined> {
  accountId: string | null;
  /** What in the account or vault it is about, when there can be several (a method, a contact). */
  subject?: string;
  contactId?: string | null;
  relatedAccountIds?: string[];
  fixTarget: FixTarget;
  /** What the finding stands on (a dismissal holds while it stays the same). */
  facts: readonly (string | number | null)[];
  /**
   * What `text` needs, for a kind found on most accounts of a large vault: its
   * `text` is then one function for every finding of the kind, not a closure
   * (and its scope) per finding.
   */
  about?: A;
  text: (about: A) => FindingText;
}

/** The parts few findings have, kept apart so the many without them carry none. */
interface FindingExtras {
  subject: string | undefined;
  contactId: string | null | undefined;
  relatedAccountIds: string[] | undefined;
}

/**
 * A finding as the rules make it: its kind, account, fix target and facts, and
 * its words as a function (`text`). Only what is shown is put into words
 * (`describe`): at 10,000 accounts most findings are only counted or shown as
 * one group, and building every sentence of every one was most of a check.
 * A check keeps tens of thousands of these, so each holds only what it must:
 * its severity comes from its kind, and a subject, contact or related accounts
 * sit in one extra object only when the finding has any.
 */
export class RawFinding {
  declare returned?: HealthFinding['returned'];
  private readonly extras: FindingExtras | undefined;

  constructor(
    readonly ruleId: FindingKind,
    readonly accountId: string | null,
    readonly fixTarget: FixTarget,
    readonly facts: readonly (string | number | null)[],
    private readonly words: (about: never) => FindingText,
    private readonly about: unknown,
    extras?: FindingExtras,
  ) {
    this.extras = extras;
  }

  get severity(): Severity {
    return FINDING_KINDS[this.ruleId].severity;
  }

  get subject(): string | undefined {
    return this.extras?.subject;
  }

  get contactId(): string | null | undefined {
    return this.extras?.contactId;
  }

  get relatedAccountIds(): string[] | undefined {
    return this.extras?.relatedAccountIds;
  }

  /** What it says, built now. */
  text(): FindingText {
    return (this.words as (about: unknown) => FindingText)(this.about);
  }
}

/** A finding of `kind`, with the kind's one severity. */
export function finding<A = undefined>(kind: FindingKind, input: FindingInput<A>): RawFinding {
  const { subject, contactId, relatedAccountIds } = input;
  return new RawFinding(
    kind,
    input.accountId,
    input.fixTarget,
    input.facts,
    input.text,
    input.about,
    subject === undefined && contactId === undefined && relatedAccountIds === undefined
      ? undefined
      : { subject, contactId, relatedAccountIds },
  );
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
