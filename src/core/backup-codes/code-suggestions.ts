import damerauLevenshtein from 'damerau-levenshtein';

/** A typed code one or two edits away from a stored one is taken for a typo of it. */
export const MAX_TYPO_DISTANCE = 2;

export interface Near<T> {
  item: T;
  distance: number;
}

/**
 * The stored codes nearest to a typed one, over normalized forms, counting a
 * swap of two neighbouring characters as one edit (Damerau-Levenshtein).
 * Returns only those at the smallest distance, and only within MAX_TYPO_DISTANCE.
 */
export function nearestCodes<T extends { normalized: string }>(
  typed: string,
  codes: readonly T[],
): Near<T>[] {
  let best = MAX_TYPO_DISTANCE + 1;
  let nearest: Near<T>[] = [];
  for (const item of codes) {
    if (Math.abs(item.normalized.length - typed.length) > MAX_TYPO_DISTANCE) continue;
    const distance = damerauLevenshtein(typed, item.normalized).steps;
    if (distance > MAX_TYPO_DISTANCE) continue;
    if (distance < best) {
      best = distance;
      nearest = [{ item, distance }];
    } else if (distance === best) {
      nearest.push({ item, distance });
    }
  }
  return nearest;
}
