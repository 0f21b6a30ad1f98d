import { closeSync, openSync, ftruncateSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { encodeBase32Secret } from '../../../src/core/otp/base32-secret.js';
import { MAX_IMPORT_FILE_BYTES } from '../../../src/core/importers/limits.js';
import type { Vault } from '../../../src/core/vault.js';
import { runCli } from '../../support/cli.js';
import { corpusPath } from '../../support/corpus.js';
import { count } from '../../support/stress.js';
import { createTestVault, tempFolder } from '../../support/temp-vault.js';

/**
 * What a hostile import file may ask of the computer (issue 14 item 8): key
 * derivation capped, per format, at the most that format's own app writes and
 * refused before anything is derived (a run past the cap would take minutes:
 * these tests would time out); a file past 64 MiB refused before it is read; a
 * file of hundreds of thousands of entries read without overflowing the stack.
 */

async function refusal(
  vault: Vault,
  name: string,
  text: string,
  password = 'a',
): Promise<VaultError> {
  try {
    await vault.imports.preview([{ name, bytes: new Uint8Array(Buffer.from(text)) }], {
      password: () => password,
    });
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error(`${name} was read`);
}

function bitwardenWith(settings: Record<string, number>): string {
  const real = JSON.parse(
    readFileSync(corpusPath('keepassxc-tests/bitwarden_encrypted_argon2id_export.json'), 'utf8'),
  ) as Record<string, unknown>;
  return JSON.stringify({ ...real, ...settings });
}

describe('key derivation settings past what the app writes are refused before deriving', () => {
  it('Bitwarden: Argon2id 1 GiB × 64 passes (the 169-second file), and PBKDF2 past 2,000,000', async () => {
    const { vault } = await createTestVault();
    const argon = await refusal(
      vault,
      'bw.json',
      bitwardenWith({ kdfType: 1, kdfIterations: 64, kdfMemory: 1024, kdfParallelism: 4 }),
    );
    expect(argon.code).toBe('INVALID_INPUT');
    expect(argon.message).toBe(
      'bw.json cannot be imported: its key derivation asks for Argon2id with 1024 MiB, 64 passes and 4 lanes, more than Bitwarden ever writes (at most 1024 MiB, 10 passes, 16 lanes); Sparekey refuses it before deriving anything, since settings like these take minutes and gigabytes.',
    );
    const memory = await refusal(
      vault,
      'bw.json',
      bitwardenWith({ kdfType: 1, kdfIterations: 3, kdfMemory: 4096, kdfParallelism: 4 }),
    );
    expect(memory.message).toMatch(/asks for Argon2id with 4096 MiB, 3 passes/);
    const pbkdf2 = await refusal(
      vault,
      'bw.json',
      bitwardenWith({ kdfType: 0, kdfIterations: 50_000_000 }),
    );
    expect(pbkdf2.message).toMatch(
      /asks for 50,000,000 PBKDF2 iterations, more than Bitwarden ever writes \(at most 2,000,000\)/,
    );
    vault.close();
  });

  it('Aegis: a password slot with scrypt N past 2^15', async () => {
    const { vault } = await createTestVault();
    const real = JSON.parse(
      readFileSync(corpusPath('aegis-tests/aegis_encrypted.json'), 'utf8'),
    ) as { header: { slots: Record<string, unknown>[] } };
    real.header.slots = real.header.slots.map((slot) => ({ ...slot, n: 2 ** 24 }));
    const error = await refusal(vault, 'aegis.json', JSON.stringify(real), 'test');
    expect(error.message).toMatch(
      /^aegis\.json cannot be imported: its key derivation asks for scrypt N = 16777216, r = 8, p = 1, more than Aegis ever writes \(at most N = 2\^15, r = 8, p = 1\)/,
    );
    vault.close();
  });

  it('Ente Auth: more than 1 GiB, or more than 4 GiB × passes in all', async () => {
    const { vault } = await createTestVault();
    const ente = (memLimit: number, opsLimit: number) =>
      JSON.stringify({
        version: 1,
        kdfParams: { memLimit, opsLimit, salt: Buffer.alloc(16).toString('base64') },
        encryptedData: Buffer.alloc(64).toString('base64'),
        encryptionNonce: Buffer.alloc(24).toString('base64'),
      });
    expect((await refusal(vault, 'ente.json', ente(2 * 1024 ** 3, 2))).message).toMatch(
      /asks for Argon2id with 2 GiB and 2 passes, more than Ente Auth ever writes/,
    );
    expect((await refusal(vault, 'ente.json', ente(512 * 1024 ** 2, 64))).message).toMatch(
      /asks for Argon2id with 512 MiB and 64 passes/,
    );
    vault.close();
  });
});

describe('file size', () => {
  it('a file past 64 MiB is refused by the core, naming the file', async () => {
    const { vault } = await createTestVault();
    const bytes = new Uint8Array(MAX_IMPORT_FILE_BYTES + 1);
    await expect(vault.imports.preview([{ name: 'huge.json', bytes }])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'huge.json cannot be imported: it is 64 MiB, larger than any export file (Sparekey reads up to 64 MiB).',
    });
    vault.close();
  });

  it('`sparekey import` refuses a 10 GiB file from its size, without reading it', async () => {
    const home = tempFolder();
    const path = join(home, 'huge.txt');
    // A sparse file: 10 GiB long, no disk used; reading it would take minutes and all memory.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 10 * 1024 ** 3);
    closeSync(fd);
    const result = await runCli(['import', path, '--dry-run'], {
      home,
      env: { SPAREKEY_VAULT: join(home, 'v.sparekey'), SPAREKEY_PASSWORD: 'x' },
    });
    expect(result.stderr).toBe(
      'sparekey: huge.txt cannot be imported: it is 10 GiB, larger than any export file (Sparekey reads up to 64 MiB).\n',
    );
    expect(result.code).not.toBe(0);
  });
});

describe('many entries', () => {
  const entries = count(150_000, 250_000);
  it(`a file of ${entries.toLocaleString('en')} links is read without overflowing the stack`, async () => {
    const { vault } = await createTestVault();
    const lines: string[] = [];
    for (let index = 0; index < entries; index++) {
      const secret = encodeBase32Secret(Buffer.from(`key ${index}`.padEnd(20, '.')));
      lines.push(`otpauth://totp/Site${index}:user?secret=${secret}&issuer=Site${index}`);
    }
    const plan = await vault.imports.preview([
      { name: 'many.txt', bytes: new Uint8Array(Buffer.from(lines.join('\n'))) },
    ]);
    expect(plan.entries).toHaveLength(entries);
    expect(plan.failed).toEqual([]);
    expect(plan.entries.at(-1)?.issuer).toBe(`Site${entries - 1}`);
    vault.close();
  }, 300_000);
});
