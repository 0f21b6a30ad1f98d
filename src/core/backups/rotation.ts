import { DAY_MS } from '../../shared/durations.js';
/** How many automatic backups are kept (vault settings `backupKeepLast`, `backupKeepDays`). */
export interface RotationPolicy {
  /** The newest this many are always kept. */
  keepLast: number;
  /** Besides, the newest backup of each of this many days (UTC, today included) is kept. */
  keepDays: number;
}

/**
 * Which backups to keep and which to delete at `now`: the last `keepLast`, plus
 * the newest of each day for `keepDays` days. A backup dated after `now` (the
 * clock was set back) is kept: nothing is deleted that is not understood.
 */
export function planRotation<T extends { at: number }>(
  backups: readonly T[],
  now: number,
  policy: RotationPolicy,
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.at - a.at);
  const today = Math.floor(now / DAY_MS);
  const keep = new Set<T>();
  const daysKept = new Set<number>();
  newestFirst.forEach((backup, index) => {
    if (index < policy.keepLast || backup.at > now) keep.add(backup);
    const day = Math.floor(backup.at / DAY_MS);
    if (today - day < policy.keepDays && !daysKept.has(day)) {
      daysKept.add(day);
      keep.add(backup);
    }
  });
  return {
    keep: newestFirst.filter((backup) => keep.has(backup)),
    remove: newestFirst.filter((backup) => !keep.has(backup)),
  };
}
