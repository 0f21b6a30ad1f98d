import type { z } from 'zod';
import type { RecordStore, StoredRecord } from './storage/records.js';
import type { VaultContext } from './vault-context.js';

/**
 * What a service keeps of every record of one kind, for reads over the whole
 * vault (the health check's snapshot): `project` reduces each record to what
 * those reads need, so nothing secret has to be kept. After the first call,
 * only the records this connection wrote or deleted since are decrypted again
 * (the record store collects their ids); what another connection commits (the
 * CLI beside the app, a file written behind Sparekey's back) makes it read the
 * whole kind again, as does unlocking. Inside a write transaction it reads from
 * the records and keeps nothing: what it would see may still be rolled back.
 */
export class RecordMemo<S extends z.ZodType, T> {
  private entries = new Map<string, T>();
  private values: T[] | null = null;
  private store: RecordStore | null = null;
  private changed = new Set<string>();
  private dataVersion: number | null = null;

  constructor(
    private readonly context: VaultContext,
    private readonly kind: string,
    private readonly schema: S,
    private readonly project: (record: StoredRecord<z.infer<S>>) => T,
  ) {
    context.onLock(() => {
      this.entries = new Map();
      this.values = null;
      this.store = null;
      this.changed = new Set();
    });
  }

  /** Every record of the kind, projected. Call it inside a read or write transaction. */
  all(): readonly T[] {
    const records = this.context.records();
    if (this.context.db.inWriteTransaction) {
      const values: T[] = [];
      records.each(this.kind, this.schema, (stored) => values.push(this.project(stored)));
      return values;
    }
    const dataVersion = this.context.db.dataVersion();
    if (records !== this.store || dataVersion !== this.dataVersion) {
      this.store = records;
      this.dataVersion = dataVersion;
      this.changed = records.watch(this.kind);
      this.changed.clear();
      const entries = new Map<string, T>();
      records.each(this.kind, this.schema, (stored) =>
        entries.set(stored.id, this.project(stored)),
      );
      this.entries = entries;
      this.values = null;
    } else if (this.changed.size > 0) {
      for (const id of this.changed) {
        const stored = records.get(this.kind, id, this.schema);
        if (stored === undefined) this.entries.delete(id);
        else this.entries.set(id, this.project(stored));
      }
      this.changed.clear();
      this.values = null;
    }
    this.values ??= [...this.entries.values()];
    return this.values;
  }
}
