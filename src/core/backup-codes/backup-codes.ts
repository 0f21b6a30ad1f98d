import type {
  AddCodeSetResult,
  CodeBlockPreview,
  CodeHistory,
  CodeSetView,
  CodesStatus,
  CodeUseResult,
  ExistingCodes,
  RevealedCodeSet,
} from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import { VaultError, invalidInput } from '../../shared/errors.js';
import { ACCOUNT_KIND } from '../accounts/account-records.js';
import type { HistoryService } from '../history/history.js';
import type { SettingsService } from '../settings/settings.js';
import type { VaultContext } from '../vault-context.js';
import { RecordMemo } from '../record-memo.js';
import { parseCodeBlock } from './code-block-parser.js';
import { CODE_SET_KIND, type CodeSetRecord, CodeSetRecordSchema } from './code-set-records.js';
import {
  forStatus,
  newestFirst,
  type SetForStatus,
  setView,
  statusOf,
  type StoredSet,
  usageSummary,
} from './code-status.js';
import { nearestCodes } from './code-suggestions.js';
import { cleanCode, MAX_CODES_PER_SET, normalizeCode } from './code-text.js';
import { DAY_MS } from '../../shared/durations.js';

/** A pasted block longer than this is not a page of backup codes. */
export const MAX_BLOCK_LENGTH = 100_000;
export const MAX_LABEL_LENGTH = 100;
export const MAX_NOTE_LENGTH = 500;
const EARLIEST_ISSUE_DATE = Date.UTC(2000, 0, 1);

export interface AddCodesInput {
  /** The block as the site shows or downloads it; the codes are found in it. */
  text?: string | undefined;
  /** Or the codes themselves (e.g. as the person confirmed them after a preview). */
  codes?: string[] | undefined;
  /** When the site issued them (epoch ms); default now. */
  issuedAt?: number | undefined;
  label?: string | undefined;
  /**
   * When the account already has current codes: true if the site replaced them
   * (the usual case), false if they stay valid too. Left out, adding is refused.
   */
  replace?: boolean | undefined;
  /** Save what was found in `text` even though the parser is unsure (the person checked it). */
  acceptDoubts?: boolean | undefined;
}

/** Which code to mark: one picked from a set, or one typed ("I just used this one"). */
export type CodeTarget = { setId: string; number: number } | { code: string };

function cleanLine(value: string | undefined, what: string, max: number): string {
  const text = (value ?? '').trim();
  if (text.length > max) {
    throw invalidInput(`The ${what} is too long (${text.length} characters; at most ${max}).`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw invalidInput(`The ${what} must be one line of text, without control characters.`);
  }
  return text;
}

function refused(message: string, details: Record<string, unknown>): VaultError {
  return new VaultError('REFUSED', message, details);
}

interface Hit {
  set: StoredSet;
  /** 0-based index into the set's codes. */
  index: number;
}

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
    private readonly vault: VaultContext,
    private readonly history: HistoryService,
    private readonly settings: SettingsService,
  ) {
    this.statusMemo = new RecordMemo(vault, CODE_SET_KIND, CodeSetRecordSchema, (stored) => ({
      ...forStatus({ id: stored.id, accountId: stored.parent ?? '', value: stored.value }),
      accountId: stored.parent,
    }));
  }

  /** What a pasted block holds, and (for an account) how it relates to the codes already stored. Writes nothing. */
  preview(text: string, accountId?: string): CodeBlockPreview {
    checkBlock(text);
    const parsed = parseCodeBlock(text);
    if (accountId === undefined) return { ...parsed, existing: null };
    const sets = this.vault.read(() => this.loadSets(accountId));
    const current = sets.filter((set) => set.value.state === 'current');
    const inCurrent = new Set(current.flatMap((set) => set.value.codes.map((c) => c.normalized)));
    const inReplaced = new Set(
      sets
        .filter((set) => set.value.state === 'replaced')
        .flatMap((set) => set.value.codes.map((c) => c.normalized)),
    );
    const currentCodes = current.flatMap((set) => set.value.codes);
    const existing: ExistingCodes = {
      currentSets: current.length,
      total: currentCodes.length,
      remaining: currentCodes.filter((code) => code.usedAt === null).length,
      inCurrentSet: parsed.codes.filter((found) => inCurrent.has(found.normalized)).length,
      inReplacedSet: parsed.codes.filter((found) => inReplaced.has(found.normalized)).length,
    };
    return { ...parsed, existing };
  }

  /** Adds a set of codes to an account, replacing its current ones when told to, in one transaction. */
  add(accountId: string, input: AddCodesInput): AddCodeSetResult {
    const codes = this.codesToAdd(input);
    const label = cleanLine(input.label, 'label', MAX_LABEL_LENGTH);
    return this.vault.write(() => {
      const now = this.vault.clock.now();
      const issuedAt = checkIssueDate(input.issuedAt ?? now, now);
      const sets = this.loadSets(accountId);
      checkNotStoredAlready(codes, sets);
      const current = sets.filter((set) => set.value.state === 'current');
      if (current.length > 0 && input.replace === undefined) {
        const status = statusOf(accountId, sets, this.settings.get());
        throw refused(
          `This account already has ${status.total} backup codes (${status.remaining} unused). ` +
            'Say whether the site replaced them (the usual case: the old codes stop working) or whether they stay valid too.',
          { reason: 'has-current-codes', currentSetIds: status.currentSetIds },
        );
      }
      const id = this.vault.newId();
      const records = this.vault.records();
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
      const added: StoredSet = {
        id,
        accountId,
        value: {
          label,
          state: 'current',
          issuedAt,
          addedAt: now,
          replacedAt: null,
          changedAt: now,
          codes: codes.map(({ code, normalized }) => ({
            code,
            normalized,
            usedAt: null,
            note: '',
          })),
          marks: [],
        },
      };
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
    return this.vault
      .read(() => this.loadSets(accountId))
      .sort(
        (a, b) =>
          Number(a.value.state === 'replaced') - Number(b.value.state === 'replaced') ||
          newestFirst(a, b),
      )
      .map(setView);
  }

  /** A set with its codes' text, for showing them; recorded in the history. */
  reveal(accountId: string, setId: string): RevealedCodeSet {
    return this.vault.write(() => {
      const set = this.getSet(accountId, setId);
      this.history.record(accountId, { type: 'codes.reveal', detail: { setId } });
      const view = setView(set);
      return {
        ...view,
        codes: view.codes.map((state, index) => ({
          ...state,
          code: set.value.codes[index]?.code ?? '',
        })),
      };
    });
  }

  /** One code's text, for the clipboard; recorded in the history. */
  copy(accountId: string, setId: string, number: number): string {
    return this.vault.write(() => {
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
    const cleanNote = cleanLine(note, 'note', MAX_NOTE_LENGTH);
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
    return this.vault.write(() => {
      const sets = this.loadSets(accountId);
      const hit = 'code' in target ? findTyped(sets, target.code) : findPicked(sets, target);
      const now = this.vault.clock.now();
      const { set, index } = hit;
      const codes = set.value.codes.map((code, i) =>
        i === index ? { ...code, usedAt: now, note: cleanNote } : code,
      );
      set.value = { ...set.value, codes, changedAt: now, marks: [...set.value.marks, index + 1] };
      this.vault.records().put(CODE_SET_KIND, set.id, accountId, set.value);
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
    return this.vault.write(() => {
      const sets = this.loadSets(accountId);
      let last: { set: StoredSet; index: number; usedAt: number } | null = null;
      for (const set of sets) {
        const number = set.value.marks.at(-1);
        if (set.value.state !== 'current' || number === undefined) continue;
        const usedAt = set.value.codes[number - 1]?.usedAt ?? null;
        if (usedAt !== null && (last === null || usedAt >= last.usedAt)) {
          last = { set, index: number - 1, usedAt };
        }
      }
      if (last === null) {
        throw refused('Nothing to undo: no code of the current set is marked used.', {
          reason: 'nothing-to-undo',
        });
      }
      const { set, index, usedAt } = last;
      const before = set.value.codes[index] as CodeSetRecord['codes'][number];
      const now = this.vault.clock.now();
      set.value = {
        ...set.value,
        codes: set.value.codes.map((code, i) =>
          i === index ? { ...code, usedAt: null, note: '' } : code,
        ),
        marks: set.value.marks.slice(0, -1),
        changedAt: now,
      };
      this.vault.records().put(CODE_SET_KIND, set.id, accountId, set.value);
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
    return this.vault.read(() =>
      statusOf(accountId, this.loadSets(accountId), this.settings.get()),
    );
  }

  /** The status of every account that has or had a set of codes, from one pass over the sets. */
  statusAll(): CodesStatus[] {
    return this.vault.read(() => {
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
    return this.vault.read(() => {
      const sets = this.loadSets(accountId)
        .filter((set) => set.value.state === 'current')
        .sort(newestFirst);
      return {
        summaries: sets.map(usageSummary),
        events: this.history.list(accountId, { feature: 'codes' }),
      };
    });
  }

  private codesToAdd(input: AddCodesInput): { code: string; normalized: string }[] {
    let codes: { code: string; normalized: string }[];
    if (input.codes !== undefined) {
      codes = input.codes.map((code, index) => cleanCode(code, index + 1));
      const seen = new Map<string, number>();
      codes.forEach((code, index) => {
        const first = seen.get(code.normalized);
        if (first !== undefined) {
          throw invalidInput(`Codes ${first} and ${index + 1} are the same (${code.code}).`);
        }
        seen.set(code.normalized, index + 1);
      });
    } else if (input.text !== undefined) {
      checkBlock(input.text);
      const parsed = parseCodeBlock(input.text);
      if (parsed.codes.length === 0) throw invalidInput('No backup codes were found in the text.');
      if (!parsed.sure && input.acceptDoubts !== true) {
        throw refused(`Not saved, the codes found need checking: ${parsed.doubts.join(' ')}`, {
          reason: 'unsure',
          doubts: parsed.doubts,
        });
      }
      codes = parsed.codes.map(({ code, normalized }) => ({ code, normalized }));
    } else {
      throw invalidInput('Give the codes, or the text they are in.');
    }
    if (codes.length === 0) throw invalidInput('A set needs at least one code.');
    if (codes.length > MAX_CODES_PER_SET) {
      throw invalidInput(
        `That is ${codes.length} codes; a set holds at most ${MAX_CODES_PER_SET}.`,
      );
    }
    return codes;
  }

  /** The account's sets (any order); NOT_FOUND when there is no such account. Decrypts only this account's sets. */
  private loadSets(accountId: string): StoredSet[] {
    const records = this.vault.records();
    if (!records.has(ACCOUNT_KIND, accountId)) {
      throw new VaultError('NOT_FOUND', `There is no account with id ${accountId}.`);
    }
    return records
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

function checkBlock(text: string): void {
  if (text.length > MAX_BLOCK_LENGTH) {
    throw invalidInput(
      `The text is too long (${text.length} characters; at most ${MAX_BLOCK_LENGTH}).`,
    );
  }
}

function checkIssueDate(issuedAt: number, now: number): number {
  if (!Number.isFinite(issuedAt) || issuedAt < EARLIEST_ISSUE_DATE) {
    throw invalidInput('The issue date must be a date after 1 Jan 2000.');
  }
  if (issuedAt > now + DAY_MS) {
    throw invalidInput(`The issue date (${formatDay(issuedAt)}) is in the future.`);
  }
  return issuedAt;
}

/** The same codes twice, or an old list from the drawer, are refused before anything is saved. */
function checkNotStoredAlready(
  codes: readonly { normalized: string }[],
  sets: readonly StoredSet[],
): void {
  for (const state of ['current', 'replaced'] as const) {
    const stored = sets.filter((set) => set.value.state === state);
    const known = new Set(stored.flatMap((set) => set.value.codes.map((code) => code.normalized)));
    const repeated = codes.filter((code) => known.has(code.normalized)).length;
    if (repeated === 0) continue;
    const newest = stored.sort(newestFirst)[0];
    const when = newest ? formatDay(newest.value.addedAt) : '';
    throw refused(
      state === 'current'
        ? `${repeated === codes.length ? 'These are' : `${repeated} of these codes are`} already stored (added ${when}); nothing was saved.`
        : `${repeated === codes.length ? 'These codes are' : `${repeated} of these codes are`} from a set that was replaced; they no longer work. Check that you pasted the newest codes.`,
      { reason: state === 'current' ? 'already-stored' : 'replaced-codes', repeated },
    );
  }
}

function codeAt(set: StoredSet, number: number): CodeSetRecord['codes'][number] {
  const code = set.value.codes[number - 1];
  if (!Number.isInteger(number) || code === undefined) {
    throw new VaultError(
      'NOT_FOUND',
      `The set has ${set.value.codes.length} codes; there is no code ${number}.`,
    );
  }
  return code;
}

function usedRefusal(set: StoredSet, index: number): VaultError {
  const code = set.value.codes[index] as CodeSetRecord['codes'][number];
  const usedAt = code.usedAt as number;
  return refused(
    `${code.code} was already used on ${formatDay(usedAt)}${code.note ? `: ${code.note}` : ''}. Each backup code works only once.`,
    { reason: 'already-used', setId: set.id, number: index + 1, usedAt, note: code.note },
  );
}

function replacedRefusal(set: StoredSet, index: number, current: number): VaultError {
  const code = set.value.codes[index] as CodeSetRecord['codes'][number];
  const replacedAt = set.value.replacedAt ?? set.value.changedAt;
  const label = set.value.label ? ` "${set.value.label}"` : '';
  return refused(
    `${code.code} is from the set${label} replaced on ${formatDay(replacedAt)}; it no longer works.` +
      (current > 0 ? ' Use a code from the current set.' : ''),
    { reason: 'replaced', setId: set.id, number: index + 1, replacedAt },
  );
}

function findPicked(sets: StoredSet[], target: { setId: string; number: number }): Hit {
  const set = sets.find((candidate) => candidate.id === target.setId);
  if (set === undefined) {
    throw new VaultError(
      'NOT_FOUND',
      `This account has no set of backup codes with id ${target.setId}.`,
    );
  }
  const code = codeAt(set, target.number);
  const index = target.number - 1;
  if (set.value.state === 'replaced') {
    throw replacedRefusal(set, index, sets.filter((s) => s.value.state === 'current').length);
  }
  if (code.usedAt !== null) throw usedRefusal(set, index);
  return { set, index };
}

/** "I just used this one": finds a typed code in the account's current sets. */
function findTyped(sets: StoredSet[], typed: string): Hit {
  const normalized = normalizeCode(typed);
  if (normalized === '') throw invalidInput('Type the code you used (its letters and digits).');
  const current = sets.filter((set) => set.value.state === 'current').sort(newestFirst);
  if (sets.length === 0) {
    throw new VaultError('NOT_FOUND', 'This account has no backup codes stored.');
  }
  const matches = (set: StoredSet) =>
    set.value.codes.flatMap((code, index) => (code.normalized === normalized ? [index] : []));

  let usedHit: Hit | null = null;
  for (const set of current) {
    for (const index of matches(set)) {
      if (set.value.codes[index]?.usedAt === null) return { set, index };
      usedHit ??= { set, index };
    }
  }
  if (usedHit !== null) throw usedRefusal(usedHit.set, usedHit.index);

  const replaced = sets.filter((set) => set.value.state === 'replaced').sort(newestFirst);
  for (const set of replaced) {
    const [index] = matches(set);
    if (index !== undefined) throw replacedRefusal(set, index, current.length);
  }

  const candidates = current.flatMap((set) =>
    set.value.codes.map((code, index) => ({ set, index, ...code })),
  );
  const nearest = nearestCodes(normalized, candidates);
  const shown = typed.trim();
  let hint = '';
  if (nearest.length > 0) {
    const unused = nearest.filter((near) => near.item.usedAt === null);
    if (unused.length > 0) {
      hint = ` Did you mean ${unused
        .slice(0, 3)
        .map((near) => near.item.code)
        .join(' or ')}?`;
    } else {
      const closest = nearest[0]?.item;
      if (closest?.usedAt != null) {
        hint = ` The closest, ${closest.code}, was already used on ${formatDay(closest.usedAt)}.`;
      }
    }
  }
  throw refused(
    current.length === 0
      ? `${shown} is not a current backup code: this account's codes were all replaced.`
      : `${shown} is not one of this account's current backup codes.${hint}`,
    {
      reason: 'no-match',
      suggestions: nearest.slice(0, 3).map((near) => ({
        setId: near.item.set.id,
        number: near.item.index + 1,
        distance: near.distance,
        usedAt: near.item.usedAt,
      })),
    },
  );
}
