import type * as Kdbxweb from 'kdbxweb';
import { kdbxLibrary } from '../../src/core/importers/kdbx/kdbx-library.js';

/**
 * KeePass databases written by kdbxweb (KeeWeb's library, the format's own
 * library here), for the tests: a cheap KDF so each file opens in milliseconds.
 */
export const kdbx: typeof Kdbxweb = kdbxLibrary();

export interface KdbxEntrySpec {
  group?: string[];
  fields: Record<string, string | { protected: string }>;
  tags?: string[];
  attachment?: boolean;
  inRecycleBin?: boolean;
}

export async function writeKdbx(
  entries: readonly KdbxEntrySpec[],
  options: { version?: 3 | 4; password?: string | null; keyFile?: Uint8Array } = {},
): Promise<Uint8Array> {
  const credentials = new kdbx.Credentials(
    options.password === null ? null : kdbx.ProtectedValue.fromString(options.password ?? 'kdbx'),
    options.keyFile ?? null,
  );
  await credentials.ready;
  const db = kdbx.Kdbx.create(credentials, 'Test database');
  if (options.version === 3) {
    db.setVersion(3);
    db.header.keyEncryptionRounds = 1000;
  } else {
    db.setKdf(kdbx.Consts.KdfId.Argon2id);
    const params = db.header.kdfParameters!;
    params.set('M', kdbx.VarDictionary.ValueType.UInt64, new kdbx.Int64(64 * 1024));
    params.set('I', kdbx.VarDictionary.ValueType.UInt64, new kdbx.Int64(1));
    params.set('P', kdbx.VarDictionary.ValueType.UInt32, 1);
  }
  const root = db.getDefaultGroup();
  for (const spec of entries) {
    let group = root;
    if (spec.inRecycleBin) {
      db.createRecycleBin();
      group = db.getGroup(db.meta.recycleBinUuid!)!;
    }
    for (const name of spec.group ?? []) {
      group = group.groups.find((child) => child.name === name) ?? db.createGroup(group, name);
    }
    const entry = db.createEntry(group);
    for (const [name, value] of Object.entries(spec.fields)) {
      entry.fields.set(
        name,
        typeof value === 'string' ? value : kdbx.ProtectedValue.fromString(value.protected),
      );
    }
    if (spec.tags) entry.tags = spec.tags;
    if (spec.attachment) {
      const binary = await db.createBinary(kdbx.ProtectedValue.fromString('attached'));
      entry.binaries.set('note.txt', binary);
    }
  }
  return new Uint8Array(await db.save());
}
