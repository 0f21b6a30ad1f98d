import argon2 from 'argon2';
import * as kdbxweb from 'kdbxweb';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * The same data held by KDBX4 through kdbxweb (the library behind KeeWeb), with
 * a near-zero KDF so only the format's own cost is compared: every account an
 * entry with its otpauth URI and its 10 backup codes as protected fields.
 */
kdbxweb.CryptoEngine.setArgon2Impl(
  async (password, salt, memory, iterations, length, parallelism, type, version) => {
    const hash = await argon2.hash(Buffer.from(password), {
      type: type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? argon2.argon2id : argon2.argon2d,
      version,
      raw: true,
      salt: Buffer.from(salt),
      memoryCost: Math.max(8 * parallelism, Math.floor(memory / 1024)),
      timeCost: iterations,
      parallelism,
      hashLength: length,
    });
    return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength) as ArrayBuffer;
  },
);

export interface PeerAccount {
  issuer: string;
  accountName: string;
  otpauth: string;
  codes: string[];
}

const PASSWORD = 'benchmark password';

export function credentials(): kdbxweb.Credentials {
  return new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(PASSWORD));
}

export function buildKdbx(accounts: readonly PeerAccount[]): kdbxweb.Kdbx {
  const db = kdbxweb.Kdbx.create(credentials(), 'bench');
  db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const params = db.header.kdfParameters!;
  params.set('M', kdbxweb.VarDictionary.ValueType.UInt64, new kdbxweb.Int64(8 * 1024));
  params.set('I', kdbxweb.VarDictionary.ValueType.UInt64, new kdbxweb.Int64(1));
  params.set('P', kdbxweb.VarDictionary.ValueType.UInt32, 1);
  const group = db.getDefaultGroup();
  for (const account of accounts) {
    const entry = db.createEntry(group);
    entry.fields.set('Title', account.issuer);
    entry.fields.set('UserName', account.accountName);
    entry.fields.set('otp', kdbxweb.ProtectedValue.fromString(account.otpauth));
    account.codes.forEach((code, index) => {
      entry.fields.set(`Backup code ${index + 1}`, kdbxweb.ProtectedValue.fromString(code));
    });
  }
  return db;
}

/** Marks one code used the way a KeePass user would (editing the field), then saves durably. */
export async function markUsedAndSave(
  db: kdbxweb.Kdbx,
  entryIndex: number,
  code: number,
  path: string,
): Promise<void> {
  const entry = db.getDefaultGroup().entries[entryIndex]!;
  const name = `Backup code ${code + 1}`;
  const value = entry.fields.get(name);
  const text = value instanceof kdbxweb.ProtectedValue ? value.getText() : String(value);
  entry.fields.set(name, kdbxweb.ProtectedValue.fromString(`${text} (used)`));
  entry.times.update();
  await saveDurably(db, path);
}

export async function saveDurably(db: kdbxweb.Kdbx, path: string): Promise<void> {
  const data = new Uint8Array(await db.save());
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function load(data: ArrayBuffer): Promise<kdbxweb.Kdbx> {
  return kdbxweb.Kdbx.load(data, credentials());
}
