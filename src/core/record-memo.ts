import type { z } from 'zod';
import type { RecordStore, StoredRecord } from './storage/records.js';
import type { VaultContext } from './vault-context.js';

interface Entry<T> {
  parent: string | null;
  value: T;
}

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
  private entries = new Map<string, Entry<T>>();
  /**
   * The ids of each parent's records: the id itself while it has one (most
   * accounts have one set of codes; a Set each would be most of what is kept).
   */
  private children = new Map<string | null, string | Set<string>>();
  private values: T[] | null = null;
  private store: RecordStore | null = null;
  private changed = new Set<string>();
  private dataVersion: number | null = null;
  /** For `grouped`: the parents whose records changed since it last ran, or all of them. */
  private dirty = new Set<string | null>();
  private allDirty = true;
  private groups: { key: string; byParent: Map<string, unknown>; list: unknown[] | null } | null =
    null;

  constructor(
    private readonly context: VaultContext,
    private readonly kind: string,
    private readonly schema: S,
    private readonly project: (record: StoredRecord<z.infer<S>>) => T,
  ) {
    context.onLock(() => {
      this.entries = new Map();
      this.children = new Map();
      this.values = null;
      this.store = null;
      this.changed = new Set();
      this.groups = null;
      this.allDirty = true;
    });
  }

  /** Every record of the kind, projected. Call it inside a read or write transaction. */
  all(): readonly T[] {
    const records = this.context.records();
    if (this.context.db.inWriteTransaction)
      return this.read(records).map(([, entry]) => entry.value);
    const dataVersion = this.context.db.dataVersion();
    if (records !== this.store || dataVersion !== this.dataVersion) {
      // A new store (after an unlock) is watched from now on; the same one keeps its set.
      if (records !== this.store) this.changed = records.watch(this.kind);
      this.store = records;
      this.dataVersion = dataVersion;
      this.changed.clear();
      this.entries = new Map();
      this.children = new Map();
      for (const [id, entry] of this.read(records)) this.remember(id, entry);
      this.values = null;
      this.allDirty = true;
    } else if (this.changed.size > 0) {
      for (const id of this.changed) {
        this.forget(id);
        const stored = records.get(this.kind, id, this.schema);
        if (stored !== undefined) {
          this.remember(id, { parent: stored.parent, value: this.project(stored) });
        }
      }
      this.changed.clear();
      this.values = null;
    }
    this.values ??= [...this.entries.values()].map((entry) => entry.value);
    return this.values;
  }

  /**
   * The records of each parent, reduced by `derive` (an account's backup-code
   * status from its sets), worked out again only for the parents whose records
   * changed since the last call, or for all when `key` (what `derive` also
   * depends on, e.g. settings) changes. Records without a parent are left out.
   */
  grouped<R>(key: string, derive: (parent: string, values: T[]) => R): readonly R[] {
    if (this.context.db.inWriteTransaction) {
      const byParent = new Map<string, T[]>();
      for (const [, entry] of this.read(this.context.records())) {
        if (entry.parent === null) continue;
        const list = byParent.get(entry.parent);
        if (list === undefined) byParent.set(entry.parent, [entry.value]);
        else list.push(entry.value);
      }
      return [...byParent].map(([parent, values]) => derive(parent, values));
    }
    this.all();
    if (this.groups === null || this.groups.key !== key || this.allDirty) {
      this.groups = { key, byParent: new Map(), list: null };
      for (const parent of this.children.keys()) this.derive(parent, derive);
    } else {
      for (const parent of this.dirty) this.derive(parent, derive);
    }
    this.dirty.clear();
    this.allDirty = false;
    this.groups.list ??= [...this.groups.byParent.values()];
    return this.groups.list as R[];
  }

  private derive<R>(parent: string | null, derive: (parent: string, values: T[]) => R): void {
    if (parent === null || this.groups === null) return;
    const ids = this.children.get(parent);
    if (ids === undefined || (typeof ids !== 'string' && ids.size === 0))
      this.groups.byParent.delete(parent);
    else {
      const values = (typeof ids === 'string' ? [ids] : [...ids]).map(
        (id) => (this.entries.get(id) as Entry<T>).value,
      );
      this.groups.byParent.set(parent, derive(parent, values));
    }
    this.groups.list = null;
  }

  private read(records: RecordStore): [string, Entry<T>][] {
    const read: [string, Entry<T>][] = [];
    records.each(this.kind, this.schema, (stored) =>
      read.push([stored.id, { parent: stored.parent, value: this.project(stored) }]),
    );
    return read;
  }

  private remember(id: string, entry: Entry<T>): void {
    this.entries.set(id, entry);
    const ids = this.children.get(entry.parent);
    if (ids === undefined) this.children.set(entry.parent, id);
    else if (typeof ids !== 'string') ids.add(id);
    else if (ids !== id) this.children.set(entry.parent, new Set([ids, id]));
    this.dirty.add(entry.parent);
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    const ids = this.children.get(entry.parent);
    if (ids === id) this.children.delete(entry.parent);
    else if (typeof ids !== 'string') ids?.delete(id);
    this.dirty.add(entry.parent);
  }
}
