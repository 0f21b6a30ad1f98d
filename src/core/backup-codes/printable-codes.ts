import { newestFirst, type StoredSet } from './code-status.js';

/** A current set of backup codes as a printed sheet lists it, with the codes' text. */
export interface PrintableCodeSet {
  label: string;
  issuedAt: number;
  total: number;
  unused: { number: number; code: string }[];
  used: { number: number; code: string; usedAt: number; note: string }[];
}

/** The current sets (not replaced), newest first, with their codes' text. */
export function printableSets(sets: readonly StoredSet[]): PrintableCodeSet[] {
  return sets
    .filter((set) => set.value.state === 'current')
    .sort(newestFirst)
    .map(({ value }) => ({
      label: value.label,
      issuedAt: value.issuedAt,
      total: value.codes.length,
      unused: value.codes.flatMap((code, index) =>
        code.usedAt === null ? [{ number: index + 1, code: code.code }] : [],
      ),
      used: value.codes.flatMap((code, index) =>
        code.usedAt === null
          ? []
          : [{ number: index + 1, code: code.code, usedAt: code.usedAt, note: code.note }],
      ),
    }));
}

/** The last time a set was added or replaced (a use does not count), or null when there is none. */
export function lastSetChange(sets: readonly StoredSet[]): number | null {
  const changes = sets.flatMap((set) =>
    set.value.replacedAt === null ? [set.value.addedAt] : [set.value.addedAt, set.value.replacedAt],
  );
  return changes.length === 0 ? null : Math.max(...changes);
}
