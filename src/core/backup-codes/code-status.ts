import type {
  CodeSetView,
  RevealedCodeSet,
  CodesLevel,
  CodesStatus,
  CodeUsageSummary,
} from '../../shared/backup-codes.js';
import { formatDay } from '../../shared/dates.js';
import type { VaultSettings } from '../settings/settings-schema.js';
import type { CodeSetRecord } from './code-set-records.js';

export interface StoredSet {
  id: string;
  accountId: string;
  value: CodeSetRecord;
}

/** What a status needs of a set: its state and dates, and whether each code is used (never the code). */
export interface SetForStatus {
  id: string;
  value: Pick<CodeSetRecord, 'state' | 'issuedAt' | 'addedAt' | 'changedAt'> & {
    codes: readonly { usedAt: number | null }[];
  };
}

/** Every unused code of every set as a status sees it: one object, not one per code. */
const UNUSED: { readonly usedAt: null } = Object.freeze({ usedAt: null });

/** A set of `n` codes none of which is used, as a status sees it, by `n`: one array per size. */
const NONE_USED = new Map<number, readonly { usedAt: null }[]>();

function noneUsed(n: number): readonly { usedAt: null }[] {
  let codes = NONE_USED.get(n);
  if (codes === undefined) {
    codes = Object.freeze(Array.from({ length: n }, () => UNUSED));
    NONE_USED.set(n, codes);
  }
  return codes;
}

/**
 * A set reduced to what its status needs, so a whole vault's statuses never
 * hold every code; the unused codes share one object, and sets none of whose
 * codes are used one array per size (a 10,000-account vault would otherwise
 * keep 100,000 objects).
 */
export function forStatus(set: StoredSet): SetForStatus {
  const { state, issuedAt, addedAt, changedAt, codes } = set.value;
  return {
    id: set.id,
    value: {
      state,
      issuedAt,
      addedAt,
      changedAt,
      codes: codes.every(({ usedAt }) => usedAt === null)
        ? noneUsed(codes.length)
        : codes.map(({ usedAt }) => (usedAt === null ? UNUSED : { usedAt })),
    },
  };
}

/**
 * The low-codes threshold for a set of `total` codes: the larger of the vault's
 * minimum (default 3) and its fraction of the set (default a quarter, rounded
 * up), but always below the total, so a set nobody has used yet is never "low"
 * (a single recovery code warns only once it is used).
 */
export function lowCodesThreshold(
  total: number,
  settings: Pick<VaultSettings, 'lowCodesMinimum' | 'lowCodesFraction'>,
): number {
  if (total <= 0) return 0;
  // The epsilon keeps 0.1 × 30 at 3, not 3.0000000000000004 rounded up to 4.
  const fraction = Math.ceil(settings.lowCodesFraction * total - 1e-9);
  return Math.min(Math.max(settings.lowCodesMinimum, fraction), total - 1);
}

export function levelOf(total: number, remaining: number, threshold: number): CodesLevel {
  if (total === 0) return 'none';
  if (remaining === 0) return 'exhausted';
  return remaining <= threshold ? 'low' : 'ok';
}

/** Newest issued first; among equal dates, the one added last first. */
export function newestFirst(a: SetForStatus, b: SetForStatus): number {
  return b.value.issuedAt - a.value.issuedAt || b.value.addedAt - a.value.addedAt;
}

/** The status of one account from all of its sets (any order). */
export function statusOf(
  accountId: string,
  sets: readonly SetForStatus[],
  settings: Pick<VaultSettings, 'lowCodesMinimum' | 'lowCodesFraction'>,
): CodesStatus {
  const current = sets.filter((set) => set.value.state === 'current').sort(newestFirst);
  const codes = current.flatMap((set) => set.value.codes);
  const total = codes.length;
  const used = codes.filter((code) => code.usedAt !== null).length;
  const remaining = total - used;
  const threshold = lowCodesThreshold(total, settings);
  const changed = sets.map((set) => set.value.changedAt);
  return {
    accountId,
    currentSetId: current[0]?.id ?? null,
    currentSetIds: current.map((set) => set.id),
    total,
    remaining,
    used,
    threshold,
    level: levelOf(total, remaining, threshold),
    issuedAt: current[0]?.value.issuedAt ?? null,
    changedAt: changed.length === 0 ? null : Math.max(...changed),
  };
}

export function setView(set: StoredSet): CodeSetView {
  const { value } = set;
  const used = value.codes.filter((code) => code.usedAt !== null).length;
  return {
    id: set.id,
    accountId: set.accountId,
    label: value.label,
    state: value.state,
    issuedAt: value.issuedAt,
    addedAt: value.addedAt,
    replacedAt: value.replacedAt,
    total: value.codes.length,
    used,
    remaining: value.codes.length - used,
    codes: value.codes.map((code, index) => ({
      number: index + 1,
      length: code.normalized.length,
      usedAt: code.usedAt,
      note: code.note,
    })),
  };
}

/** Current sets first, then newest first. */
export function currentFirst(a: SetForStatus, b: SetForStatus): number {
  return (
    Number(a.value.state === 'replaced') - Number(b.value.state === 'replaced') || newestFirst(a, b)
  );
}

/** The set's view with each code's text, for showing them. */
export function revealedView(set: StoredSet): RevealedCodeSet {
  const view = setView(set);
  return {
    ...view,
    codes: view.codes.map((state, index) => ({
      ...state,
      code: set.value.codes[index]?.code ?? '',
    })),
  };
}

/** "used 4 of 10: 12 Jan 2026, 3 Mar 2026, …" for one set. */
export function usageSummary(set: StoredSet): CodeUsageSummary {
  const usedAt = set.value.codes
    .map((code) => code.usedAt)
    .filter((at): at is number => at !== null)
    .sort((a, b) => a - b);
  const total = set.value.codes.length;
  const text =
    usedAt.length === 0
      ? `used 0 of ${total}`
      : `used ${usedAt.length} of ${total}: ${usedAt.map(formatDay).join(', ')}`;
  return { setId: set.id, label: set.value.label, total, used: usedAt.length, usedAt, text };
}
