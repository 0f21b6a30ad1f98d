import type * as Kdbxweb from 'kdbxweb';
import { buildEntry, EntryCollector, entryLabel } from '../entries.js';
import type { FileContent } from '../file-content.js';
import type { Importer, ReadResult } from '../import-types.js';
import { describeBytes, kdfTooCostly } from '../limits.js';
import {
  KDB_SIGNATURE,
  KDBX_MAX,
  KDBX_SIGNATURE,
  type KdbxKdf,
  kdbxLibrary,
  startsWith,
} from '../kdbx/kdbx-library.js';
import { kdbxOtp } from '../kdbx/kdbx-otp.js';

/**
 * KeePass and KeePassXC databases, KDBX 3.1 and 4 (kdbxweb), opened with the
 * password, a key file, or both. Every entry becomes an account: title as
 * issuer, username, password and URL as its login, notes, the groups it sits in
 * (below the root) and its own tags as tags, and its one-time password (see
 * kdbx-otp.ts). The recycle bin is skipped; other custom fields go to the notes
 * unless KeePass protects them, which is said on the entry.
 */

const STANDARD_FIELDS = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes']);
const OTP_FIELDS = /^(otp|TOTP Seed|TOTP Settings|(TimeOtp|HmacOtp)-.*)$/;

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function headerKdf(file: FileContent): KdbxKdf {
  const kdbx = kdbxLibrary();
  let header: Kdbxweb.KdbxHeader;
  try {
    header = kdbx.KdbxHeader.read(
      new kdbx.BinaryStream(arrayBufferOf(file.bytes)),
      new kdbx.KdbxContext({ kdbx: {} as Kdbxweb.Kdbx }),
    );
  } catch (error) {
    throw file.damaged(
      kdbxProblem(
        (error as { code?: string }).code,
        'its KeePass header does not read; the file is truncated or was edited',
      ),
      error,
    );
  }
  if (header.versionMajor < 3 || (header.versionMajor === 3 && header.versionMinor < 1)) {
    throw file.damaged(
      `it is a KDBX ${header.versionMajor}.${header.versionMinor} database; open it in KeePass or KeePassXC and save it (KDBX 3.1 or 4) first`,
    );
  }
  if (header.versionMajor === 3) {
    return { kind: 'aes', rounds: header.keyEncryptionRounds ?? 0 };
  }
  const params = header.kdfParameters;
  const uuid = params?.get('$UUID');
  const id = uuid instanceof ArrayBuffer ? Buffer.from(uuid).toString('base64') : '';
  const number = (key: string): number => {
    const value = params?.get(key) as { value?: number } | number | undefined;
    return typeof value === 'number' ? value : (value?.value ?? 0);
  };
  if (id === kdbx.Consts.KdfId.Aes) return { kind: 'aes', rounds: number('R') };
  if (id === kdbx.Consts.KdfId.Argon2d || id === kdbx.Consts.KdfId.Argon2id) {
    return {
      kind: id === kdbx.Consts.KdfId.Argon2id ? 'argon2id' : 'argon2d',
      memoryBytes: number('M'),
      passes: number('I'),
      lanes: number('P'),
    };
  }
  throw file.damaged('it uses a key derivation Sparekey does not know');
}

/** Refuses settings past what KeePass-family apps write, before any derivation. */
function checkKdf(file: FileContent, kdf: KdbxKdf): void {
  if (kdf.kind === 'aes') {
    if (kdf.rounds > KDBX_MAX.aesRounds) {
      throw kdfTooCostly(
        file,
        'KeePass or KeePassXC',
        `${kdf.rounds.toLocaleString('en')} AES-KDF rounds`,
        `about ${KDBX_MAX.aesRounds.toLocaleString('en')}, five seconds on a fast computer; lower the database's decryption time in KeePassXC (Database › Database Security › Encryption) and export again`,
      );
    }
    return;
  }
  const work = (kdf.memoryBytes / 1024 ** 3) * kdf.passes;
  if (
    kdf.memoryBytes > KDBX_MAX.argon2MemoryBytes ||
    work > KDBX_MAX.argon2WorkGiB ||
    kdf.lanes > KDBX_MAX.argon2Parallelism
  ) {
    throw kdfTooCostly(
      file,
      'KeePass or KeePassXC',
      `${kdf.kind === 'argon2id' ? 'Argon2id' : 'Argon2d'} with ${describeBytes(kdf.memoryBytes)}, ${kdf.passes} passes and ${kdf.lanes} lanes`,
      `${describeBytes(KDBX_MAX.argon2MemoryBytes)}, ${KDBX_MAX.argon2WorkGiB} GiB × passes in all; lower the database's decryption time in KeePassXC (Database › Database Security › Encryption) and export again`,
    );
  }
}

/** Why kdbxweb refused the file, in words (by its error code; its own message is not shown). */
function kdbxProblem(
  code: string | undefined,
  otherwise = 'it does not read as a KeePass database; the file is truncated or was edited',
): string {
  const codes = kdbxLibrary().Consts.ErrorCodes;
  switch (code) {
    case codes.BadSignature:
      return 'it is not a KeePass database';
    case codes.InvalidVersion:
      return 'it is a KeePass database of a version Sparekey does not read (it reads KDBX 3.1 and 4)';
    case codes.Unsupported:
      return 'it uses a KeePass setting Sparekey cannot read';
    default:
      return otherwise;
  }
}

function text(value: string | Kdbxweb.ProtectedValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.getText();
}

async function load(
  file: FileContent,
  password: string,
  keyFile: Uint8Array | undefined,
): Promise<Kdbxweb.Kdbx> {
  const kdbx = kdbxLibrary();
  // With a key file, an empty password means "no password", as KeePassXC reads it.
  const credentials = new kdbx.Credentials(
    password === '' && keyFile ? null : kdbx.ProtectedValue.fromString(password),
    keyFile ? arrayBufferOf(keyFile) : null,
  );
  try {
    await credentials.ready;
    return await kdbx.Kdbx.load(arrayBufferOf(file.bytes), credentials);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === kdbx.Consts.ErrorCodes.InvalidKey) {
      throw file.wrongPassword(false, keyFile ? 'or key file' : undefined);
    }
    throw file.damaged(kdbxProblem(code), error);
  }
}

function convert(file: FileContent, db: Kdbxweb.Kdbx): ReadResult {
  const collector = new EntryCollector();
  const root = db.groups[0];
  const recycleBin = db.meta.recycleBinEnabled ? db.meta.recycleBinUuid?.id : undefined;
  let index = 0;
  const visit = (group: Kdbxweb.KdbxGroup, path: string[]) => {
    const inBin = recycleBin !== undefined && group.uuid.id === recycleBin;
    for (const entry of group.entries) {
      const title = text(entry.fields.get('Title'))?.trim() ?? '';
      const label = entryLabel(index++, title);
      if (inBin) {
        collector.skip(label, 'skipped: it is in the recycle bin');
        continue;
      }
      collector.add(label, () => {
        const field = (name: string) => text(entry.fields.get(name));
        const otp = kdbxOtp(field);
        const warnings = [...(otp?.warnings ?? [])];
        const extra: string[] = [];
        for (const [name, value] of entry.fields) {
          if (STANDARD_FIELDS.has(name) || OTP_FIELDS.test(name)) continue;
          if (typeof value === 'string') extra.push(`${name}: ${value}`);
          else
            warnings.push(
              `its protected field "${name}" was not imported (protected values are not put in notes)`,
            );
        }
        if (entry.binaries.size > 0) {
          warnings.push(
            `its ${entry.binaries.size} attachment${entry.binaries.size === 1 ? ' was' : 's were'} not imported`,
          );
        }
        const notes = [
          field('Notes')?.trim() ?? '',
          extra.length > 0 ? `Fields from KeePass:\n${extra.join('\n')}` : '',
        ]
          .filter(Boolean)
          .join('\n\n');
        const username = field('UserName') ?? '';
        return buildEntry(label, {
          issuer: title || otp?.issuer,
          accountName: username.trim() || otp?.accountName,
          url: field('URL')?.trim(),
          notes,
          tags: [...path, ...entry.tags],
          seed: otp?.seed ?? null,
          warnings,
          login: { username, password: field('Password') ?? '', urls: [] },
        });
      });
    }
    for (const child of group.groups) {
      if (recycleBin !== undefined && child.uuid.id === recycleBin) {
        visit(child, path);
        continue;
      }
      visit(child, [...path, child.name?.trim() || 'Unnamed group']);
    }
  };
  if (root) visit(root, []);
  return collector.result({
    description: `KeePass database (KDBX ${db.versionMajor}.${db.versionMinor})`,
  });
}

export const kdbxImporter: Importer = {
  format: 'kdbx',
  label: 'KeePass database (KDBX)',
  detect: (file) => startsWith(file.bytes, KDBX_SIGNATURE) || startsWith(file.bytes, KDB_SIGNATURE),
  open: (file) => {
    if (startsWith(file.bytes, KDB_SIGNATURE)) {
      throw file.damaged(
        'it is a KeePass 1 database (.kdb); open it in KeePassXC or KeePass 2 and save it as KDBX first',
      );
    }
    if (!startsWith(file.bytes, KDBX_SIGNATURE)) throw file.damaged('it is not a KeePass database');
    const kdf = headerKdf(file);
    checkKdf(file, kdf);
    return {
      encrypted: true,
      read: async (password, keyFile) => convert(file, await load(file, password ?? '', keyFile)),
    };
  },
};
