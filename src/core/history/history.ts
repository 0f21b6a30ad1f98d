import { z } from 'zod';
import type { HistoryDetail, HistoryEvent } from '../../shared/history.js';
import { invalidInput } from '../../shared/errors.js';
import type { AccountService } from '../accounts/accounts.js';
import type { VaultContext } from '../vault-context.js';

/** One encrypted record per event; parent = the account, so removing the account removes its history. */
export const EVENT_KIND = 'event';

const EventRecordSchema = z.object({
  type: z.string().min(1),
  at: z.number(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export interface NewHistoryEvent {
  /** Dotted, feature first: `codes.use`, `contacts.retire`. */
  type: string;
  /** Epoch ms; defaults to the vault clock's now. */
  at?: number;
  /** Facts about the event; never a secret. */
  detail?: HistoryDetail;
}

const EVENT_TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/**
 * The per-account history of what was done with its secrets: codes revealed,
 * copied, used, undone, added, replaced; contacts retired; sheets printed.
 * Any feature records into it, inside its own write transaction, so an action
 * and its history entry are committed together or not at all.
 */
export class HistoryService {
  constructor(
    private readonly context: VaultContext,
    private readonly accounts: AccountService,
  ) {}

  /** Records an event for an account (joining the caller's transaction when there is one). */
  record(accountId: string, event: NewHistoryEvent): HistoryEvent {
    if (!EVENT_TYPE.test(event.type)) {
      throw invalidInput(`"${event.type}" is not an event type (feature.action, lower case).`);
    }
    return this.context.write(() => {
      this.accounts.requireExists(accountId);
      const id = this.context.newId();
      const value = {
        type: event.type,
        at: event.at ?? this.context.clock.now(),
        detail: event.detail ?? {},
      };
      this.context.records().put(EVENT_KIND, id, accountId, value);
      return { id, accountId, ...value };
    });
  }

  /** An account's events in the order they happened, optionally only those of one feature (`codes`). */
  list(accountId: string, options: { feature?: string } = {}): HistoryEvent[] {
    const prefix = options.feature === undefined ? null : `${options.feature}.`;
    return this.context
      .read(() => this.context.records().list(EVENT_KIND, EventRecordSchema, accountId))
      .filter((stored) => prefix === null || stored.value.type.startsWith(prefix))
      .map((stored) => ({ id: stored.id, accountId, ...stored.value }));
  }
}
