import { formatDay } from '../../shared/dates.js';
import { VaultError, invalidInput } from '../../shared/errors.js';
import { nearestCodes } from './code-suggestions.js';
import { refused, replacedRefusal, usedRefusal } from './code-refusals.js';
import type { CodeSetRecord } from './code-set-records.js';
import { newestFirst, type StoredSet } from './code-status.js';
import { normalizeCode } from './code-text.js';

/** Which code to mark: one picked from a set, or one typed ("I just used this one"). */
export type CodeTarget = { setId: string; number: number } | { code: string };

/** A code found in an account's sets. */
export interface Hit {
  set: StoredSet;
  /** 0-based index into the set's codes. */
  index: number;
}

/** The code target means, or the refusal saying why it cannot be marked used. */
export function findTarget(sets: StoredSet[], target: CodeTarget): Hit {
  return 'code' in target ? findTyped(sets, target.code) : findPicked(sets, target);
}

/** Code `number` (1-based) of the set; NOT_FOUND when the set has no such code. */
export function codeAt(set: StoredSet, number: number): CodeSetRecord['codes'][number] {
  const code = set.value.codes[number - 1];
  if (!Number.isInteger(number) || code === undefined) {
    throw new VaultError(
      'NOT_FOUND',
      `The set has ${set.value.codes.length} codes; there is no code ${number}.`,
    );
  }
  return code;
}

export function findPicked(sets: StoredSet[], target: { setId: string; number: number }): Hit {
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
export function findTyped(sets: StoredSet[], typed: string): Hit {
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

/** The last code marked used in the account's current sets (what undo takes back), or null. */
export function lastMarked(sets: readonly StoredSet[]): (Hit & { usedAt: number }) | null {
  let last: (Hit & { usedAt: number }) | null = null;
  for (const set of sets) {
    const number = set.value.marks.at(-1);
    if (set.value.state !== 'current' || number === undefined) continue;
    const usedAt = set.value.codes[number - 1]?.usedAt ?? null;
    if (usedAt !== null && (last === null || usedAt >= last.usedAt)) {
      last = { set, index: number - 1, usedAt };
    }
  }
  return last;
}
