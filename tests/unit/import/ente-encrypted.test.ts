import sodium from 'libsodium-wrappers-sumo';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, REFERENCE } from '../../support/corpus.js';
import { createTestVault } from '../../support/temp-vault.js';

/**
 * The corpus has no Ente Auth encrypted export, so this test builds one the way
 * Ente Auth does, with libsodium itself (the reference library): crypto_pwhash
 * (Argon2id) of the password, then one crypto_secretstream_xchacha20poly1305
 * message tagged FINAL over the plain export text (Ente's plain export from the
 * corpus), written as Ente's JSON with Base64 fields.
 */
let exportFile: Uint8Array;
const PASSWORD = 'ente export password';

function enteExport(
  plaintext: Uint8Array,
  password: string,
  tag = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
): string {
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const opsLimit = sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const memLimit = sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE;
  const key = sodium.crypto_pwhash(
    32,
    password,
    salt,
    opsLimit,
    memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const encryptedData = sodium.crypto_secretstream_xchacha20poly1305_push(
    state,
    plaintext,
    null,
    tag,
  );
  const base64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
  return JSON.stringify({
    version: 1,
    kdfParams: { memLimit, opsLimit, salt: base64(salt) },
    encryptedData: base64(encryptedData),
    encryptionNonce: base64(header),
  });
}

let exportText: (text: string) => string;

beforeAll(async () => {
  exportText = (text) => enteExport(new Uint8Array(Buffer.from(text)), PASSWORD);
  await sodium.ready;
  const plain = readFileSync(corpusPath('aegis-tests/ente_auth.txt'));
  exportFile = new Uint8Array(Buffer.from(enteExport(new Uint8Array(plain), PASSWORD)));
});

describe('Ente Auth encrypted export', () => {
  it('is detected from its content and decrypts to the seven reference entries', async () => {
    const { vault } = await createTestVault();
    const plan = await vault.imports.preview([{ name: 'ente-auth-codes.txt', bytes: exportFile }], {
      password: () => PASSWORD,
    });
    expect(plan.files[0]).toMatchObject({ format: 'ente-encrypted', encrypted: true });
    expect(plan.failed).toEqual([]);
    const bySecret = new Map(plan.entries.map((entry) => [entry.seed?.secret, entry]));
    for (const row of REFERENCE) {
      expect(bySecret.get(row.seed.secret)).toMatchObject({
        issuer: row.issuer,
        accountName: row.accountName,
        seed: row.seed,
      });
    }
    vault.close();
  });

  it('says so for a wrong password, reads one chunk whatever its tag, and refuses two chunks or a cut', async () => {
    const { vault } = await createTestVault();
    await expect(
      vault.imports.preview([{ name: 'ente.txt', bytes: exportFile }], { password: () => 'wrong' }),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      message: expect.stringMatching(/^Wrong password for ente\.txt/),
    });

    // One chunk with the default tag, as Proton's test export has it: libsodium decrypts it.
    const untagged = Buffer.from(
      enteExport(
        new Uint8Array(Buffer.from('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP')),
        PASSWORD,
        sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
      ),
    );
    const plan = await vault.imports.preview(
      [{ name: 'untagged.txt', bytes: new Uint8Array(untagged) }],
      { password: () => PASSWORD },
    );
    expect(plan.entries.map((entry) => entry.accountName)).toEqual(['A']);

    // Two chunks do not authenticate as one message; a cut one neither.
    const json = JSON.parse(exportText('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP')) as {
      encryptedData: string;
    };
    const data = Buffer.from(json.encryptedData, 'base64');
    for (const [name, changed] of [
      ['two-chunks.txt', Buffer.concat([data, data])],
      ['cut.txt', data.subarray(0, data.length - 1)],
    ] as const) {
      const bytes = Buffer.from(
        JSON.stringify({ ...json, encryptedData: changed.toString('base64') }),
      );
      await expect(
        vault.imports.preview([{ name, bytes: new Uint8Array(bytes) }], {
          password: () => PASSWORD,
        }),
      ).rejects.toMatchObject({
        code: 'WRONG_PASSWORD',
        message: expect.stringContaining('(or the file was edited or is damaged)'),
      });
    }
    expect(vault.accounts.list()).toEqual([]);
    vault.close();
  });
});
