// About 300 lines: every action on backup codes, each one transaction with its history entry (matching, refusals and input are beside it).
import type {
  AddCodeSetResult,
  CodeBlockPreview,
  CodeHistory,
  CodeSetView,
  CodesStatus,
  CodeUseResult,
  RevealedCodeSet,
} from '../../shared/backup-codes.js';
import { VaultError } from '../../shared/errors.js';
import { MAX_CODE_NOTE_LENGTH, MAX_CODE_SET_LABEL_LENGTH } from '../../shared/input-limits.js';
import type { AccountService } from '../accounts/accounts.js';
import type { HistoryService } from '../history/history.js';
import type { SettingsService } from '../settings/settings.js';
import type { VaultContext } from '../vault-context.js';
import { RecordMemo } from '../record-memo.js';
import { parseCodeBlock } from './code-block-parser.js';
import {
  type AddCodesInput,
  checkBlock,
  checkIssueDate,
  cleanLine,
  codesToAdd,
  compareWithStored,
  newCodeSet,
} from './code-input.js';
import { type CodeTarget, codeAt, findTarget, lastMarked } from './code-matching.js';
import { checkNotStoredAlready, hasCurrentCodesRefusal, refused } from './code-refusals.js';
import { CODE_SET_KIND, type CodeSetRecord, CodeSetRecordSchema } from './code-set-records.js';
import {
  currentFirst,
  forStatus,
  newestFirst,
  revealedView,
  type SetForStatus,
  setView,
  statusOf,
  type StoredSet,
  usageSummary,
} from './code-status.js';
import { lastSetChange, type PrintableCodeSet, printableSets } from './printable-codes.js';

export type { AddCodesInput } from './code-input.js';
export type { CodeTarget } from './code-matching.js';

/**
 * Backup codes: sets of single-use codes per account, each code marked used
 * (with when and a note) the moment it is consumed, in one transaction. Every
 * reveal, copy, use, undo, add and replace goes into the account's history.
 */
export class BackupCodeService {
  /** Each set reduced to what its status needs (no code text), decrypted again only once changed. */
  private readonly statusMemo: RecordMemo<
    typeof CodeSetRecordSchema,
    SetForStatus & { accountId: string | null }
  >;

  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
    private readonly history: HistoryService,
    private readonly settings: SettingsService,
  ) {
    this.statusMemo = new RecordMemo(context, CODE_SET_KIND, CodeSetRecordSchema, (stored) => ({
      ...forStatus({ id: stored.id, accountId: stored.parent ?? '', value: stored.value }),
      accountId: stored.parent,
    }));
  }

  /** What a pasted block holds, and (for an account) how it relates to the codes already stored. Writes nothing. */
  preview(text: string, accountId?: string): CodeBlockPreview {
    checkBlock(text);
    const parsed = parseCodeBlock(text);
    if (accountId === undefined) return { ...parsed, existing: null };
    const sets = this.context.read(() => this.loadSets(accountId));
    const existing = compareWithStored(parsed.codes, sets);
    return { ...parsed, existing };
  }

  /** Adds a set of codes to an account, replacing its current ones when told to, in one transaction. */
  add(accountId: string, input: AddCodesInput): AddCodeSetResult {
    const codes = codesToAdd(input);
    const label = cleanLine(input.label, 'label', MAX_CODE_SET_LABEL_LENGTH);
    return this.context.write(() => {
      const now = this.context.clock.now();
      const issuedAt = checkIssueDate(input.issuedAt ?? now, now);
      const sets = this.loadSets(accountId);
      checkNotStoredAlready(codes, sets);
      const current = sets.filter((set) => set.value.state === 'current');
      if (current.length > 0 && input.replace === undefined) {
        throw hasCurrentCodesRefusal(statusOf(accountId, sets, this.settings.get()));
      }
      const id = this.context.newId();
      const records = this.context.records();
      const replacedSetIds: string[] = [];
      if (input.replace === true) {
        for (const set of current) {
          set.value = { ...set.value, state: 'replaced', replacedAt: now, changedAt: now };
          records.put(CODE_SET_KIND, set.id, accountId, set.value);
          replacedSetIds.push(set.id);
          const unused = set.value.codes.filter((code) => code.usedAt === null).length;
          this.history.record(accountId, {
            type: 'codes.replace',
            at: now,
            detail: { setId: set.id, bySetId: id, unused },
          });
        }
      }
      const added: StoredSet = { id, accountId, value: newCodeSet(codes, label, issuedAt, now) };
      records.put(CODE_SET_KIND, id, accountId, added.value);
      this.history.record(accountId, {
        type: 'codes.add',
        at: now,
        detail: {
          setId: id,
          count: codes.length,
          label,
          issuedAt,
          replaced: replacedSetIds.length,
        },
      });
      return {
        set: setView(added),
        replacedSetIds,
        status: statusOf(accountId, [...sets, added], this.settings.get()),
      };
    });
  }

  /** The account's sets, current ones first, newest first; states and dates only, no code text. */
  sets(accountId: string): CodeSetView[] {
    return this.context
      .read(() => this.loadSets(accountId))
      .sort(currentFirst)
      .map(setView);
  }

  /** A set with its codes' text, for showing them; recorded in the history. */
  reveal(accountId: string, setId: string): RevealedCodeSet {
    return this.context.write(() => {
      const set = this.getSet(accountId, setId);
      this.history.record(accountId, { type: 'codes.reveal', detail: { setId } });
      return revealedView(set);
    });
  }

  /** One code's text, for the clipboard; recorded in the history. */
  copy(accountId: string, setId: string, number: number): string {
    return this.context.write(() => {
      const set = this.getSet(accountId, setId);
      const code = codeAt(set, number);
      this.history.record(accountId, { type: 'codes.copy', detail: { setId, number } });
      return code.code;
    });
  }

  /**
   * Marks a code used, now, with an optional note, in one transaction, before
   * returning. A code already used, from a replaced set, or in no set is
   * refused (REFUSED, `details.reason` says which), and nothing changes.
   */
  use(accountId: string, target: CodeTarget, note?: string): CodeUseResult {
    const cleanNote = cleanLine(note, 'note', MAX_CODE_NOTE_LENGTH);
    try {
      return this.mark(accountId, target, cleanNote);
    } catch (error) {
      this.recordSuggestions(accountId, error);
      throw error;
    }
  }

  /**
   * A typo's refusal names the nearest codes: that shows their text, so it is
   * recorded like a reveal (after the refused transaction, which rolled back).
   */
  private recordSuggestions(accountId: string, error: unknown): void {
    if (!(error instanceof VaultError) || error.details?.reason !== 'no-match') return;
    const suggestions = (error.details.suggestions ?? []) as { setId: string; number: number }[];
    if (suggestions.length === 0) return;
    this.history.record(accountId, {
      type: 'codes.suggest',
      detail: {
        setId: suggestions[0]?.setId ?? null,
        numbers: suggestions.map((suggestion) => suggestion.number).join(','),
      },
    });
  }

  private mark(accountId: string, target: CodeTarget, cleanNote: string): CodeUseResult {
    return this.context.write(() => {
      const sets = this.loadSets(accountId);
      const { set, index } = findTarget(sets, target);
      const now = this.context.clock.now();
      const codes = set.value.codes.map((code, i) =>
        i === index ? { ...code, usedAt: now, note: cleanNote } : code,
      );
      set.value = { ...set.value, codes, changedAt: now, marks: [...set.value.marks, index + 1] };
      this.context.records().put(CODE_SET_KIND, set.id, accountId, set.value);
      this.history.record(accountId, {
        type: 'codes.use',
        at: now,
        detail: {
          setId: set.id,
          number: index + 1,
          how: 'code' in target ? 'typed' : 'picked',
          note: cleanNote,
        },
      });
      return {
        setId: set.id,
        number: index + 1,
        code: set.value.codes[index]?.code ?? '',
        usedAt: now,
        note: cleanNote,
        status: statusOf(accountId, sets, this.settings.get()),
      };
    });
  }

  /** Takes back the last mark on the account's current codes (a mistaken click); returns the code as it was. */
  undo(accountId: string): CodeUseResult {
    return this.context.write(() => {
      const sets = this.loadSets(accountId);
      const last = lastMarked(sets);
      if (last === null) {
        throw refused('Nothing to undo: no code of the current set is marked used.', {
          reason: 'nothing-to-undo',
        });
      }
      const { set, index, usedAt } = last;
      const before = set.value.codes[index] as CodeSetRecord['codes'][number];
      const now = this.context.clock.now();
      set.value = {
        ...set.value,
        codes: set.value.codes.map((code, i) =>
          i === index ? { ...code, usedAt: null, note: '' } : code,
        ),
        marks: set.value.marks.slice(0, -1),
        changedAt: now,
      };
      this.context.records().put(CODE_SET_KIND, set.id, accountId, set.value);
      this.history.record(accountId, {
        type: 'codes.undo',
        at: now,
        detail: { setId: set.id, number: index + 1, usedAt },
      });
      return {
        setId: set.id,
        number: index + 1,
        code: before.code,
        usedAt,
        note: before.note,
        status: statusOf(accountId, sets, this.settings.get()),
      };
    });
  }

  /** One account's counts and level (`none` when it has no current codes). */
  status(accountId: string): CodesStatus {
    return this.context.read(() =>
      statusOf(accountId, this.loadSets(accountId), this.settings.get()),
    );
  }

  /** The status of every account that has or had a set of codes, from one pass over the sets. */
  statusAll(): CodesStatus[] {
    return this.context.read(() => {
      const settings = this.settings.get();
      // Each account's status is worked out again only once one of its sets changed.
      return [
        ...this.statusMemo.grouped(
          `${settings.lowCodesMinimum}|${settings.lowCodesFraction}`,
          (accountId, sets) => Object.freeze(statusOf(accountId, sets, settings)),
        ),
      ];
    });
  }

  /** "used 4 of 10: 12 Jan 2026, 3 Mar 2026" per current set, and every code event, oldest first. */
  usageHistory(accountId: string): CodeHistory {
    return this.context.read(() => {
      const sets = this.loadSets(accountId)
        .filter((set) => set.value.state === 'current')
        .sort(newestFirst);
      return {
        summaries: sets.map(usageSummary),
        events: this.history.list(accountId, { feature: 'codes' }),
      };
    });
  }

  /** The account's current sets with their codes' text, for a printed sheet. */
  setsForSheet(accountId: string): PrintableCodeSet[] {
    return this.context.read(() => printableSets(this.loadSets(accountId)));
  }

  /** When a set of the account's codes was last added or replaced (a printed sheet is out of date after it), or null. */
  lastSetChange(accountId: string): number | null {
    return this.context.read(() => lastSetChange(this.listSets(accountId)));
  }

  /** The account's sets (any order); NOT_FOUND when there is no such account. Decrypts only this account's sets. */
  private loadSets(accountId: string): StoredSet[] {
    this.accounts.requireExists(accountId);
    return this.listSets(accountId);
  }

  /** The account's sets (any order), none when there is no such account. */
  private listSets(accountId: string): StoredSet[] {
    return this.context
      .records()
      .list(CODE_SET_KIND, CodeSetRecordSchema, accountId)
      .map((stored) => ({ id: stored.id, accountId, value: stored.value }));
  }

  private getSet(accountId: string, setId: string): StoredSet {
    const set = this.loadSets(accountId).find((candidate) => candidate.id === setId);
    if (set === undefined) {
      throw new VaultError(
        'NOT_FOUND',
        `This account has no set of backup codes with id ${setId}.`,
      );
    }
    return set;
  }
}
