import { z } from 'zod';
import { formatDay } from '../../shared/dates.js';
import { DAY_MS } from '../../shared/durations.js';
import { invalidInput, VaultError } from '../../shared/errors.js';
import {
  DISMISS_MODES,
  type DismissMode,
  type Dismissal,
  type HealthFinding,
} from '../../shared/health.js';
import type { VaultContext } from '../vault-context.js';

/** One record per dismissed finding (random id, no parent): what was dismissed, on which facts, why. */
export const DISMISSAL_KIND = 'health-dismissal';

export const DismissalRecordSchema = z.object({
  key: z.string(),
  /** The finding's facts when it was dismissed: it comes back once they differ. */
  facts: z.string(),
  mode: z.enum(DISMISS_MODES),
  until: z.number().nullable(),
  reason: z.string(),
  at: z.number(),
});
export type DismissalRecord = z.infer<typeof DismissalRecordSchema>;

export interface StoredDismissal extends Dismissal {
  facts: string;
}

export interface DismissInput {
  mode: DismissMode;
  /** For `accepted`: when it should come back (epoch ms, in the future). */
  until?: number | null | undefined;
  reason?: string | undefined;
}

export const MAX_DISMISS_REASON = 500;
/** An acceptance lasts at most this long: a risk accepted for ever is a finding dismissed. */
export const MAX_ACCEPT_DAYS = 5 * 366;

function checkInput(input: DismissInput, now: number): { until: number | null; reason: string } {
  const reason = (input.reason ?? '').trim();
  if (reason.length > MAX_DISMISS_REASON) {
    throw invalidInput(
      `The reason is too long (${reason.length} characters; at most ${MAX_DISMISS_REASON}).`,
    );
  }
  if (input.mode === 'not-applicable') return { until: null, reason };
  const until = input.until ?? null;
  if (until === null) throw invalidInput('Say until when you accept it.');
  if (until <= now)
    throw invalidInput(`The date (${formatDay(until)}) has passed: pick a later one.`);
  if (until > now + MAX_ACCEPT_DAYS * DAY_MS)
    throw invalidInput('Accept it for at most five years; pick an earlier date.');
  return { until, reason };
}

/**
 * Findings the user marked "doesn't apply" or "accepted until a date", stored
 * encrypted in the vault. A dismissal holds while the finding's facts stay as
 * they were and its date has not passed; then the finding comes back.
 */
export class DismissalStore {
  constructor(private readonly context: VaultContext) {}

  list(): StoredDismissal[] {
    return this.context.read(() =>
      this.context
        .records()
        .list(DISMISSAL_KIND, DismissalRecordSchema)
        .map(({ id, value }) => ({ id, ...value })),
    );
  }

  /** Dismisses `finding` (as it is now), replacing an earlier dismissal of it; drops those of removed accounts. */
  dismiss(finding: HealthFinding, input: DismissInput, accountIds: ReadonlySet<string>): Dismissal {
    const now = this.context.clock.now();
    const { until, reason } = checkInput(input, now);
    return this.context.write(() => {
      const records = this.context.records();
      for (const stored of records.list(DISMISSAL_KIND, DismissalRecordSchema)) {
        const accountId = stored.value.key.split('|')[1] ?? '';
        if (stored.value.key === finding.key || (accountId !== '' && !accountIds.has(accountId))) {
          records.delete(DISMISSAL_KIND, stored.id);
        }
      }
      const id = this.context.newId();
      const record: DismissalRecord = {
        key: finding.key,
        facts: finding.facts,
        mode: input.mode,
        until,
        reason,
        at: now,
      };
      records.put(DISMISSAL_KIND, id, null, record);
      const { facts: _facts, ...dismissal } = { id, ...record };
      return dismissal;
    });
  }

  /** Brings a dismissed finding back. */
  undismiss(key: string): void {
    this.context.write(() => {
      const records = this.context.records();
      const matching = records
        .list(DISMISSAL_KIND, DismissalRecordSchema)
        .filter((stored) => stored.value.key === key);
      if (matching.length === 0) {
        throw new VaultError('NOT_FOUND', 'That finding is not dismissed.');
      }
      for (const stored of matching) records.delete(DISMISSAL_KIND, stored.id);
    });
  }
}
