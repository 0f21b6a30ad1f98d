import type { z } from 'zod';
import type { StoredRecord } from './storage/records.js';
import type { VaultContext } from './vault-context.js';

interface Entry<T> {
  nonce: Uint8Array;
  parent: string | null;
  value: T;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * What a service keeps of every record of one kind, for reads over the whole
 * vault (the health check's snapshot): `project` reduces each record to what
 * those reads need, so nothing secret has to be kept. Each call decrypts only
 * the records written since the last one: every write gives a record a fresh
 * nonce, so an unchanged nonce (and parent) is an unchanged record. What another
 * connection commits (the CLI beside the app, a file written behind Sparekey's
 * back) clears the memo, as does locking the vault. A write that is rolled back
 * leaves the nonce on disk as it was, so a value read inside it is never reused.
 */
export class RecordMemo<S extends z.ZodType, T> {
  private entries = new Map<string, Entry<T>>();
  private dataVersion: number | null = null;

  constructor(
    private readonly context: VaultContext,
    private readonly kind: string,
    private readonly schema: S,
    private readonly project: (record: StoredRecord<z.infer<S>>) => T,
  ) {
    context.onLock(() => {
      this.entries = new Map();
      this.dataVersion = null;
    });
  }

  /** Every record of the kind, projected. Call it inside a read or write transaction. */
  values(): T[] {
    const records = this.context.records();
    const dataVersion = this.context.db.dataVersion();
    if (dataVersion !== this.dataVersion) {
      this.entries = new Map();
      this.dataVersion = dataVersion;
    }
    const stamps = records.stamps(this.kind);
    const previous = this.entries;
    const next = new Map<string, Entry<T>>();
    // Nothing known yet: one pass over the kind decrypts them all, one at a time.
    const fresh = new Map<string, T>();
    if (previous.size === 0 && stamps.length > 0) {
      records.each(this.kind, this.schema, (stored) => fresh.set(stored.id, this.project(stored)));
    }
    const values: T[] = [];
    for (const stamp of stamps) {
      const known = previous.get(stamp.id);
      let entry: Entry<T> | undefined =
        known !== undefined && known.parent === stamp.parent && sameBytes(known.nonce, stamp.nonce)
          ? known
          : undefined;
      if (entry === undefined) {
        let value = fresh.get(stamp.id);
        if (value === undefined && !fresh.has(stamp.id)) {
          const stored = records.get(this.kind, stamp.id, this.schema);
          if (stored === undefined) continue;
          value = this.project(stored);
        }
        entry = { nonce: stamp.nonce, parent: stamp.parent, value: value as T };
      }
      next.set(stamp.id, entry);
      values.push(entry.value);
    }
    this.entries = next;
    return values;
  }
}
