import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildKdbx,
  describeKdf,
  keepassxcKdf,
  load,
  markUsedAndSave,
  type PeerKdf,
} from '../../../bench/kdbx-peer.js';
import { kdbxLibrary } from '../../../src/core/importers/kdbx/kdbx-library.js';

/** The benchmark's KDBX peer: a file as KeePassXC would write it, not a near-free KDF. */
const kdbxweb = kdbxLibrary();
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sparekey-kdbx-peer-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function fileOf(path: string): ArrayBuffer {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const account = (index: number) => ({
  issuer: `Site ${index}`,
  accountName: `user${index}@example.com`,
  otpauth: `otpauth://totp/Site%20${index}?secret=JBSWY3DPEHPK3PXP`,
  codes: Array.from({ length: 10 }, (_, code) => `code-${index}-${code}`),
});

describe('the KDBX peer', () => {
  it("takes KeePassXC's new-database Argon2 settings: Argon2d, 64 MiB, a lane per logical core", async () => {
    // A target of 1 ms keeps the test quick: the passes scale with it, never below one.
    const kdf = await keepassxcKdf(1);
    expect(kdf).toMatchObject({ type: 'argon2d', memoryKiB: 65536, lanes: availableParallelism() });
    expect(Number.isInteger(kdf.passes) && kdf.passes >= 1).toBe(true);
    expect(describeKdf({ ...kdf, passes: 7 })).toBe(
      `Argon2d, 64 MiB, 7 passes, ${availableParallelism()} lanes`,
    );
  });

  it('writes the KDF in KeePass units (memory in bytes), AES-256 and GZip, and reads its file back', async () => {
    const kdf: PeerKdf = { type: 'argon2d', memoryKiB: 65536, passes: 1, lanes: 2 };
    const path = join(folder, 'peer.kdbx');
    const db = buildKdbx([account(0), account(1)], kdf);
    await markUsedAndSave(db, 1, 3, path);

    const loaded = await load(fileOf(path));
    const params = loaded.header.kdfParameters!;
    expect(kdbxweb.ByteUtils.bytesToBase64(params.get('$UUID') as ArrayBuffer)).toBe(
      kdbxweb.Consts.KdfId.Argon2d,
    );
    expect((params.get('M') as InstanceType<typeof kdbxweb.Int64>).value).toBe(64 * 1024 * 1024);
    expect((params.get('I') as InstanceType<typeof kdbxweb.Int64>).value).toBe(1);
    expect(params.get('P')).toBe(2);
    expect(loaded.header.dataCipherUuid?.toString()).toBe(kdbxweb.Consts.CipherId.Aes);
    expect(loaded.header.compression).toBe(kdbxweb.Consts.CompressionAlgorithm.GZip);

    const entries = loaded.getDefaultGroup().entries;
    const used = entries[1]!.fields.get('Backup code 4');
    expect(used instanceof kdbxweb.ProtectedValue ? used.getText() : used).toBe('code-1-3 (used)');
    const untouched = entries[0]!.fields.get('Backup code 4');
    expect(untouched instanceof kdbxweb.ProtectedValue ? untouched.getText() : untouched).toBe(
      'code-0-3',
    );
  });
});
